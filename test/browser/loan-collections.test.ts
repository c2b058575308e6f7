// A disbursed loan of the Bank for Social Policies on its dossier's page, in Debian's Chromium against a real system
// (issue 15, seed 004: the policy bank's loans after disbursement): the district's bank officer opens the completed
// housing loan, reads its position and its entries (dd/mm/yyyy, ₫ with dots), records a collection whose principal is
// above the outstanding and sees the API's refusal under the principal's field, then a valid one, and the position
// updates; a ward officer reads the same loan without the form; the page and the API's refusal in English;
// screenshots at desktop and phone width go to test-output/screenshots/loan-collections/; axe at both widths with the
// form's error shown.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { disbursedLoans } from '../integration/support/disbursed-loans';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage, type AppPage } from './support/open-app-page';
import { seriousAxeViolationsAtBothWidths } from './support/serious-axe-violations';

const ctx = useTestSystem();
const loans = disbursedLoans(ctx);
const M = 1_000_000;
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'loan-collections');
let app: AppPage;
let loan: string;

beforeAll(async () => {
  app = await openAppPage(SCREENSHOTS);
  loan = await loans.disburse(
    { commune: 'HN-HD-HC', officer: 'xa.hacau', board: 'tindung.hacau' },
    '.housing',
    50 * M,
    '2025-03-10',
  );
  const first = {
    kind: 'collection',
    date: '2025-06-10',
    principal: 2 * M,
    interest: 300_000,
    interestSupport: 200_000,
  };
  expect((await loans.record(loan, first)).status).toBe(201);
});
afterAll(async () => {
  await app?.context.close();
  await app?.browser.close();
});

const shot = (name: string) => app.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
/** The refused collection the test provokes is logged by Chromium as a failed resource; anything else is a problem. */
const unexpectedProblems = () => app.problems.filter((p) => !/status of 422/.test(p));

async function openLoan(page: Page, user: string) {
  await page.goto(`${ctx.system.baseUrl}/dossiers/${loan}`);
  await page.getByLabel('Tên đăng nhập').fill(user);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const section = page.getByTestId('loan-section');
  await section.getByTestId('loan-position').waitFor();
  return section;
}
const figure = (section: ReturnType<Page['getByTestId']>, key: string) =>
  section.locator(`[data-figure="${key}"] dd`).textContent();

/** Fills the collection form: date dd/mm/yyyy and amounts as an officer types them (with thousands dots). */
async function fillCollection(page: Page, date: string, principal: string, interest: string, support: string) {
  const form = page.getByTestId('loan-entry-form');
  await form.getByLabel('Loại bút toán').selectOption({ label: 'Thu nợ' });
  await form.getByLabel('Ngày thu nợ hoặc phát sinh').fill(date);
  await form.getByLabel('Gốc đã thu (đồng)').fill(principal);
  await form.getByLabel('Lãi đã thu (đồng)').fill(interest);
  await form.getByLabel('Trong đó lãi được ngân sách hỗ trợ (đồng)').fill(support);
  return form;
}

it('the bank officer is refused a principal above the outstanding at its field, then records a collection', async () => {
  const { page } = app;
  const section = await openLoan(page, 'nhcs.hadong');
  await expect(section.locator('#loan-heading').textContent()).resolves.toBe('Khoản vay Ngân hàng Chính sách xã hội');
  await expect(section.textContent()).resolves.toContain('Vay làm nhà ở · Phường Hà Cầu · giải ngân ngày 10/03/2025');
  await expect(figure(section, 'disbursed')).resolves.toBe('50.000.000 ₫');
  await expect(figure(section, 'outstanding')).resolves.toBe('48.000.000 ₫');
  await expect(figure(section, 'interestSupport')).resolves.toBe('200.000 ₫');
  await expect(figure(section, 'settled')).resolves.toBe('Đang còn dư nợ');
  const entries = section.getByRole('table', { name: 'Các lần thu nợ, chuyển nợ quá hạn và tất toán' });
  await expect(entries.locator('tbody tr').first().locator('td').allTextContents()).resolves.toEqual([
    '10/06/2025',
    'Thu nợ',
    '2.000.000 ₫',
    '300.000 ₫',
    '200.000 ₫',
    '0 ₫',
    '48.000.000 ₫',
    '—',
  ]);

  const form = await fillCollection(page, '10/09/2025', '60.000.000', '500.000', '300.000');
  // The support the date covers: 3 %/year on the 48,000,000 outstanding since interest was paid on 10/06 (92 days).
  const due = form.getByTestId('loan-support-due');
  await expect(due.textContent()).resolves.toBe(
    'Theo mức hỗ trợ lãi suất 3%/năm trên dư nợ từ 10/06/2025 đến 10/09/2025 (92 ngày): 362.959 ₫. Điền số này',
  );
  const support = form.getByLabel('Trong đó lãi được ngân sách hỗ trợ (đồng)');
  await due.getByRole('button', { name: 'Điền số này' }).click();
  await expect(support.inputValue()).resolves.toBe('362.959');
  await support.fill('300.000');
  await form.getByRole('button', { name: 'Ghi bút toán' }).click();
  const principalError = page.locator('#loan-entry-principal-error');
  await principalError.waitFor();
  await expect(principalError.textContent()).resolves.toBe('Số gốc thu 60.000.000 ₫ vượt dư nợ 48.000.000 ₫');
  await expect(form.getByLabel('Gốc đã thu (đồng)').getAttribute('aria-invalid')).resolves.toBe('true');
  expect(await ctx.system.models.LoanEntry.countDocuments({ dossierId: loan })).toBe(1);
  await principalError.scrollIntoViewIfNeeded();
  await shot('01-refused-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await principalError.scrollIntoViewIfNeeded();
  await shot('02-refused-phone');
  await section.screenshot({ path: path.join(SCREENSHOTS, '02-refused-phone-section.png') });
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1200, height: 900 });

  await form.getByLabel('Gốc đã thu (đồng)').fill('5.000.000');
  // The request is held until the progress bar has been seen: while it is sent, the form says so and cannot be sent
  // again.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const entriesUrl = `**/api/loans/${loan}/entries`;
  await page.route(entriesUrl, async (route) => {
    await held;
    await route.continue();
  });
  await form.getByRole('button', { name: 'Ghi bút toán' }).click();
  await form.getByRole('status').filter({ hasText: 'Đang ghi bút toán…' }).waitFor();
  await expect(form.getByRole('button', { name: 'Ghi bút toán' }).isDisabled()).resolves.toBe(true);
  release();
  await expect(section.getByRole('status').filter({ hasText: 'Đã ghi' }).textContent()).resolves.toBe(
    'Đã ghi "Thu nợ" ngày 10/09/2025.',
  );
  await page.unroute(entriesUrl);
  await expect(figure(section, 'outstanding')).resolves.toBe('43.000.000 ₫');
  await expect(figure(section, 'interestPaid')).resolves.toBe('800.000 ₫');
  await expect(figure(section, 'interestSupport')).resolves.toBe('500.000 ₫');
  await expect(entries.locator('tbody tr').count()).resolves.toBe(2);
  await expect(page.locator('#loan-entry-principal-error').count()).resolves.toBe(0);
  const stored = await ctx.system.models.LoanEntry.find({ dossierId: loan }).sort({ seq: 1 }).lean();
  expect(stored.map((e) => [e.date, e.principal, e.interest, e.interestSupport, e.balanceAfter.outstanding])).toEqual([
    ['2025-06-10', 2 * M, 300_000, 200_000, 48 * M],
    ['2025-09-10', 5 * M, 500_000, 300_000, 43 * M],
  ]);
  await section.scrollIntoViewIfNeeded();
  await shot('03-recorded-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('04-recorded-phone');
  await section.screenshot({ path: path.join(SCREENSHOTS, '04-recorded-phone-section.png') });

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(section.locator('#loan-heading').textContent()).resolves.toBe('Loan of the Bank for Social Policies');
  await expect(figure(section, 'outstanding')).resolves.toBe('43,000,000 VND');
  // In English, the API's refusal comes in English, under its field.
  const english = page.getByTestId('loan-entry-form');
  await english.getByLabel('Date of the collection or event').fill('12/09/2025');
  await english.getByLabel('Principal collected (VND)').fill('99,000,000');
  await english.getByRole('button', { name: 'Record entry' }).click();
  await expect(page.locator('#loan-entry-principal-error').filter({ hasText: 'exceeds' }).textContent()).resolves.toBe(
    '99,000,000 VND exceeds the outstanding 43,000,000 VND',
  );
  await section.screenshot({ path: path.join(SCREENSHOTS, '05-refused-phone-en-section.png') });
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  await page.setViewportSize({ width: 1200, height: 900 });
  expect(unexpectedProblems()).toEqual([]);
});

it('a ward officer reads the loan without the form', async () => {
  const context = await app.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    const page = await context.newPage();
    const section = await openLoan(page, 'xa.hacau');
    await expect(figure(section, 'outstanding')).resolves.toBe('43.000.000 ₫');
    await expect(section.getByTestId('loan-entry-form').count()).resolves.toBe(0);
  } finally {
    await context.close();
  }
});

it('passes axe with the field error shown, at desktop and phone width', async () => {
  const axeContext = await app.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
  try {
    const page = await axeContext.newPage();
    await openLoan(page, 'nhcs.hadong');
    const form = await fillCollection(page, '11/09/2025', '99.000.000', '', '');
    await form.getByRole('button', { name: 'Ghi bút toán' }).click();
    await page.locator('#loan-entry-principal-error').waitFor();
    expect(await seriousAxeViolationsAtBothWidths(page)).toEqual([]);
  } finally {
    await axeContext.close();
  }
});

it('tells the ward officer of an instalment fallen overdue, in the header’s notifications, linking to the loan', async () => {
  expect((await loans.record(loan, { kind: 'overdue', date: '2025-12-01', amount: M })).status).toBe(201);
  const context = await app.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    const page = await context.newPage();
    await openLoan(page, 'xa.hacau');
    await page.goto(`${ctx.system.baseUrl}/`);
    await page.getByTestId('notifications-button').click();
    const notice = page.locator('#sla-notifications-panel li', { hasText: 'Khoản vay có nợ quá hạn' });
    await notice.waitFor();
    await expect(notice.count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, '07-overdue-notification.png') });
    await notice.getByRole('link', { name: loan }).click();
    const section = page.getByTestId('loan-section');
    await section.getByTestId('loan-position').waitFor();
    await expect(figure(section, 'overdue')).resolves.toBe('1.000.000 ₫');
  } finally {
    await context.close();
  }
});
