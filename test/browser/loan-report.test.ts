// The loans of the Bank for Social Policies on the "Báo cáo" page, in Debian's Chromium against a real system
// (issue 15, seed 004: "Báo cáo UBND quận về kết quả cho vay - thu nợ định kỳ 06 tháng/lần"): a district officer picks
// Quận Hà Đông and the second half of 2025, and reads the loans disbursed and collected there — the day the report
// is due (05/01/2026), the chart by ward, the tables by purpose and by ward, the Excel and PDF downloads — at desktop
// and phone width, then in English; axe at both widths. Screenshots for reviewers go to
// test-output/screenshots/loan-report/.
import { readFile } from 'node:fs/promises';
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
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'loan-report');
let app: AppPage;

beforeAll(async () => {
  app = await openAppPage(SCREENSHOTS, { acceptDownloads: true });
  const haCau = { commune: 'HN-HD-HC', officer: 'xa.hacau', board: 'tindung.hacau' };
  const house = await loans.disburse(haCau, '.housing', 50 * M, '2025-03-10');
  const shop = await loans.disburse(haCau, '', 30 * M, '2025-09-05');
  for (const body of [
    { kind: 'collection', date: '2025-09-10', principal: 4 * M, interest: 700_000, interestSupport: 450_000 },
    { kind: 'overdue', date: '2025-12-10', amount: 2 * M },
  ]) {
    expect((await loans.record(house, body)).status).toBe(201);
  }
  expect(
    (await loans.record(shop, { kind: 'collection', date: '2025-12-05', principal: 3 * M, interest: 600_000 })).status,
  ).toBe(201);
});
afterAll(async () => {
  await app?.context.close();
  await app?.browser.close();
});

async function showSecondHalf(page: Page) {
  await page.getByLabel('Đơn vị').selectOption({ label: 'Quận Hà Đông' });
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: '6 tháng' });
  await page.getByLabel('Năm', { exact: true }).selectOption('2025');
  await page.getByLabel('Nửa năm').selectOption({ label: '6 tháng cuối năm' });
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
}
const shot = (name: string) => app.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

it('a district officer reads the half-year of loans: due day, chart by ward, tables by purpose and by ward', async () => {
  const { page } = app;
  await page.goto(`${ctx.system.baseUrl}/reports`);
  await page.getByLabel('Tên đăng nhập').fill('quan.hadong');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await showSecondHalf(page);
  const section = page.getByTestId('report-loans');
  await section.waitFor();
  await expect(section.locator('#report-loans-title').textContent()).resolves.toBe(
    'Kết quả cho vay – thu nợ (Ngân hàng Chính sách xã hội)',
  );
  await expect(section.textContent()).resolves.toContain('Hạn gửi báo cáo: ngày 05/01/2026');
  const byPurpose = section.getByRole('table', { name: 'Cho vay – thu nợ theo mục đích vay' });
  await expect(byPurpose.locator('tbody th').allTextContents()).resolves.toEqual([
    'Vay phát triển sản xuất, kinh doanh',
    'Vay làm nhà ở',
    'Tổng cộng',
  ]);
  const total = (figure: string) => byPurpose.locator(`tr[data-total] td[data-figure="${figure}"]`).textContent();
  await expect(total('disbursed')).resolves.toBe('30.000.000 ₫');
  await expect(total('principalCollected')).resolves.toBe('7.000.000 ₫');
  await expect(total('interestSupport')).resolves.toBe('450.000 ₫');
  await expect(total('outstanding')).resolves.toBe('73.000.000 ₫');
  await expect(total('overdue')).resolves.toBe('2.000.000 ₫');
  const byUnit = section.getByRole('table', { name: 'Cho vay – thu nợ theo đơn vị cấp dưới' });
  await expect(byUnit.locator('tbody th').allTextContents()).resolves.toEqual(['Phường Hà Cầu', 'Tổng cộng']);
  await expect(section.getByTestId('report-chart-loans').locator('g[data-row]').count()).resolves.toBe(1);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('group', { name: 'Tải về' }).getByRole('button', { name: 'Tải Excel' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('bao-cao-cho-vay-thu-no-HN-HD-2025-07-01-2025-12-31.xlsx');
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('group', { name: 'Tải về' }).getByRole('button', { name: 'Tải PDF' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe('bao-cao-cho-vay-thu-no-HN-HD-2025-07-01-2025-12-31.pdf');
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
  await section.scrollIntoViewIfNeeded();
  await shot('desktop-loans');

  await page.setViewportSize({ width: 390, height: 844 });
  await shot('phone-loans');
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(section.textContent()).resolves.toContain('Report due on 05/01/2026');
  const english = section.getByRole('table', { name: 'Loans by purpose' });
  await expect(english.locator('tr[data-total] td[data-figure="outstanding"]').textContent()).resolves.toBe(
    '73,000,000 VND',
  );
  await shot('phone-loans-en');
  await page.setViewportSize({ width: 1200, height: 900 });
  expect(app.problems).toEqual([]);
});

it('the page with the loans shown passes axe at desktop and phone width', async () => {
  const axeContext = await app.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
  try {
    const page = await axeContext.newPage();
    await page.goto(`${ctx.system.baseUrl}/reports`);
    await page.getByLabel('Tên đăng nhập').fill('quan.hadong');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await showSecondHalf(page);
    await page.getByTestId('report-loans').waitFor();
    expect(await seriousAxeViolationsAtBothWidths(page)).toEqual([]);
  } finally {
    await axeContext.close();
  }
});
