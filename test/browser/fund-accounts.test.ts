// A fund's accounts on the administration's "Nguồn kinh phí" page in Debian's Chromium against a real system:
// admin.hanoi opens the accounts of the city's state budget line, types an account number with a letter and a
// treasury account too short (each refused under its field, in words, nothing saved), corrects them and sees both
// accounts under the fund's name; the same at phone width and in English; axe with the errors shown at both widths.
// Screenshots for reviewers go to test-output/screenshots/fund-accounts/ (not committed).
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage } from './support/open-app-page';
import { seriousAxeViolationsAtBothWidths } from './support/serious-axe-violations';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'fund-accounts');
const NAME = 'Ngân sách thành phố — hỗ trợ hộ nghèo 2026';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let fundId: string;

beforeAll(async () => {
  ({ browser, context, page, problems } = await openAppPage(SCREENSHOTS));
  const created = await ctx.api.call('POST', '/api/admin/funds', {
    as: 'admin.hanoi',
    body: { unitCode: 'HN', kind: 'state_budget', name: NAME },
  });
  expect(created.status).toBe(201);
  fundId = created.body._id;
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Signs in as the city's administrator and opens the fund's accounts form with a bad number in each account. */
async function openWithErrors(p: Page) {
  await p.goto(`${ctx.system.baseUrl}/admin/funds`);
  await p.getByLabel('Tên đăng nhập').fill('admin.hanoi');
  await p.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: 'Đăng nhập' }).click();
  const row = p.locator(`tr[data-fund="${fundId}"]`);
  await row.getByRole('button', { name: `Tài khoản của nguồn ${NAME}` }).click();
  const form = p.getByRole('form', { name: `Tài khoản của nguồn ${NAME}` });
  await form.getByLabel('Số tài khoản', { exact: true }).fill('1903 5A67 8901');
  await form.getByLabel('Ngân hàng', { exact: true }).fill('Ngân hàng TMCP Công Thương Việt Nam');
  await form.getByLabel('Chi nhánh', { exact: true }).fill('Hà Nội');
  await form.getByLabel('Số tài khoản tại Kho bạc Nhà nước').fill('9527');
  await form.getByLabel('Kho bạc Nhà nước', { exact: true }).fill('Kho bạc Nhà nước khu vực I');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await form.locator(`#fund-accounts-${fundId}-number-error`).waitFor();
  return { row, form };
}

it('an administrator sets a fund’s bank and treasury accounts, each bad number refused under its field', async () => {
  const { row, form } = await openWithErrors(page);
  await expect(form.locator(`#fund-accounts-${fundId}-number-error`).textContent()).resolves.toBe(
    'Số tài khoản chỉ gồm chữ số, từ 6 đến 19 chữ số',
  );
  await expect(form.locator(`#fund-accounts-${fundId}-treasury-number-error`).textContent()).resolves.toBe(
    'Số tài khoản chỉ gồm chữ số, từ 8 đến 20 chữ số',
  );
  expect((await ctx.system.models.Fund.findById(fundId).lean())?.bankAccount).toBeNull();
  await shot(page, '01-errors-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '02-errors-phone');
  await page.setViewportSize({ width: 1200, height: 900 });

  await form.getByLabel('Số tài khoản', { exact: true }).fill('1903 5467 8901');
  await form.getByLabel('Số tài khoản tại Kho bạc Nhà nước').fill('9527 1101 2345');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText(`Đã lưu tài khoản của nguồn "${NAME}".`).waitFor();
  await expect(row.locator('[data-account="bank"]').textContent()).resolves.toBe(
    'TK 190354678901 — Ngân hàng TMCP Công Thương Việt Nam, chi nhánh Hà Nội',
  );
  await expect(row.locator('[data-account="treasury"]').textContent()).resolves.toBe(
    'TK Kho bạc 952711012345 — Kho bạc Nhà nước khu vực I',
  );
  const stored = await ctx.system.models.Fund.findById(fundId).lean();
  expect([stored?.bankAccount?.accountNumber, stored?.treasuryAccount?.accountNumber]).toEqual([
    '190354678901',
    '952711012345',
  ]);
  await row.scrollIntoViewIfNeeded();
  await shot(page, '03-saved-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await row.scrollIntoViewIfNeeded();
  await shot(page, '04-saved-phone');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { name: 'Funds', level: 1 }).waitFor();
  await expect(row.locator('[data-account="bank"]').textContent()).resolves.toBe(
    'Account 190354678901 — Ngân hàng TMCP Công Thương Việt Nam, Hà Nội branch',
  );
  await shot(page, '05-saved-phone-en');
  expect(problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
});

it('the accounts form with its errors passes axe at desktop and phone width', async () => {
  // axe's source is injected, which the app's CSP forbids: this context bypasses it (the test above keeps it).
  const axeContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
  try {
    const axePage = await axeContext.newPage();
    await ctx.system.models.Fund.updateOne({ _id: fundId }, { $set: { bankAccount: null, treasuryAccount: null } });
    await openWithErrors(axePage);
    expect(await seriousAxeViolationsAtBothWidths(axePage)).toEqual([]);
  } finally {
    await axeContext.close();
  }
});
