// The "Báo cáo" page in Debian's Chromium against a real system: a district officer, with a new build approved and
// its advance paid in Hà Cầu and a repair approved by the district in Phú Lương, opens the page from the header,
// picks the district by name and the year, sees the totals, the charts (by programme, by lower unit, money by
// source), the tables and the targets section (no plan of the district's in the period), types a range whose start
// is no date (refused in words under the field), downloads the Excel workbook and the PDF (their bytes checked), at
// desktop and phone width, then in English; axe at both widths.
// Screenshots for reviewers go to test-output/screenshots/reports/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { example, proposalIn } from '../integration/support/form-examples';
import { M, moneyDossiers } from '../integration/support/money-dossiers';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage, type AppPage } from './support/open-app-page';
import { seriousAxeViolations } from './support/serious-axe-violations';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'reports');
let app: AppPage;
let year = '';

beforeAll(async () => {
  app = await openAppPage(SCREENSHOTS, { acceptDownloads: true });
  const poor = await money.fund('Quỹ Vì người nghèo thành phố', 500 * M);
  const district = await money.fund('Quỹ Vì người nghèo quận Hà Đông', 200 * M, 'HN-HD');
  const built = await money.atApproval();
  year = vietnamDate((await ctx.system.models.DossierView.findById(built).lean())!.openedAt).slice(0, 4);
  expect((await money.approve(built, 100 * M, [[poor, 100 * M]])).status).toBe(200);
  expect((await money.order(built, 50 * M)).status).toBe(200);
  expect((await money.confirmPaid(built)).status).toBe(200);
  const repair = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.phuluong',
    body: { processKey: 'housing-support-2024', processVersion: 4, data: proposalIn('HN-HD-PL', '.repair') },
  });
  const id = repair.body.id as string;
  expect((await money.act('xa.phuluong', id, { action: 'submit' })).status).toBe(200);
  const review = { ...example('housing-review@1'), approvedAmount: 60 * M };
  expect((await money.act('quan.hadong', id, { action: 'approve', data: review })).status).toBe(200);
  const decision = money.decision(60 * M, [
    [poor, 30 * M],
    [district, 30 * M],
  ]);
  expect((await money.act('quan.hadong', id, { action: 'approve', data: decision })).status).toBe(200);
});
afterAll(async () => {
  await app?.context.close();
  await app?.browser.close();
});

const shot = (name: string) => app.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
async function download(scope: Locator, label: string): Promise<{ name: string; head: string }> {
  const [file] = await Promise.all([
    app.page.waitForEvent('download'),
    scope.getByRole('button', { name: label }).click(),
  ]);
  return {
    name: file.suggestedFilename(),
    head: readFileSync((await file.path())!)
      .subarray(0, 4)
      .toString('latin1'),
  };
}
const figure = (table: Locator, which: string) =>
  table.locator(`tr[data-total] td[data-figure="${which}"]`).textContent();

it('a district officer reads the year of the district, its charts and tables, and downloads Excel and PDF', async () => {
  const { page } = app;
  await page.goto(`${ctx.system.baseUrl}/`);
  await page.getByLabel('Tên đăng nhập').fill('quan.hadong');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByRole('heading', { name: 'Báo cáo kết quả hỗ trợ', level: 1 }).waitFor();

  await page.getByLabel('Đơn vị').selectOption({ label: 'Quận Hà Đông' });
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: 'Năm' });
  await page.getByLabel('Năm', { exact: true }).selectOption(year);
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  const result = page.getByTestId('report-result');
  await result.waitFor();
  await expect(result.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`Quận Hà Đông — Năm ${year}`);
  const totals = result.locator('table').first();
  await expect(figure(totals, 'proposed')).resolves.toBe('2');
  await expect(figure(totals, 'approved')).resolves.toBe('2');
  await expect(figure(totals, 'committed')).resolves.toBe('160.000.000 ₫');
  await expect(figure(totals, 'paid')).resolves.toBe('50.000.000 ₫');
  for (const chart of ['report-chart-programme', 'report-chart-unit', 'report-chart-source'])
    await expect(result.getByTestId(chart).count()).resolves.toBe(1);
  await expect(result.getByTestId('report-chart-unit').locator('g[data-row]').count()).resolves.toBe(2);
  await expect(
    result.getByRole('table', { name: 'Theo đơn vị cấp dưới' }).locator('tbody th').allTextContents(),
  ).resolves.toEqual(['Phường Hà Cầu', 'Phường Phú Lương', 'Tổng cộng']);
  await expect(
    result.getByRole('table', { name: 'Theo loại hỗ trợ' }).locator('tbody th').allTextContents(),
  ).resolves.toEqual(['Hỗ trợ nhà ở — Xây mới', 'Hỗ trợ nhà ở — Sửa chữa', 'Tổng cộng']);
  await expect(
    result.getByRole('table', { name: 'Kinh phí theo nguồn' }).locator('tbody th').allTextContents(),
  ).resolves.toEqual(['Quỹ Vì người nghèo quận Hà Đông', 'Quỹ Vì người nghèo thành phố', 'Tổng cộng']);
  const targets = result.getByTestId('report-targets');
  // Hà Đông has no plan of its own in this period (the targets' figures are support-report.test.ts's).
  await expect(targets.textContent()).resolves.toContain('Đơn vị không có kế hoạch nào trong kỳ báo cáo.');
  await shot('desktop-report');

  const downloads = result.getByRole('group', { name: 'Tải về' });
  const xlsx = await download(downloads, 'Tải Excel');
  expect(xlsx).toEqual({ name: `bao-cao-ho-tro-HN-HD-${year}-01-01-${year}-12-31.xlsx`, head: 'PK\u0003\u0004' });
  const pdf = await download(downloads, 'Tải PDF');
  expect(pdf).toEqual({ name: `bao-cao-ho-tro-HN-HD-${year}-01-01-${year}-12-31.pdf`, head: '%PDF' });

  // A range whose first day is none: said under the field, nothing asked.
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: 'Khoảng ngày' });
  await page.getByLabel('Từ ngày').fill('31/02/2026');
  await page.getByLabel('Đến ngày').fill('31/12/2026');
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  await expect(page.locator('#report-range-from-error').textContent()).resolves.toBe(
    'Không có ngày 31/02/2026 trong lịch.',
  );
  await page.getByLabel('Từ ngày').fill(`01/01/${year}`);
  await page.getByLabel('Đến ngày').fill(`31/12/${year}`);
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  await expect(result.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
    `Quận Hà Đông — Từ ngày 01/01/${year} đến ngày 31/12/${year}`,
  );
  await expect(figure(result.locator('table').first(), 'committed')).resolves.toBe('160.000.000 ₫');

  await page.setViewportSize({ width: 390, height: 844 });
  await shot('phone-report');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-report-top.png') });
  // Usable at phone width: nothing wider than the screen but the tables' own scrolling wrappers.
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { name: 'Support results report', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(figure(result.locator('table').first(), 'committed')).resolves.toBe('160,000,000 VND');
  await shot('phone-report-en');
  await page.setViewportSize({ width: 1200, height: 900 });
  expect(app.problems).toEqual([]);
});

it('the page with a report open passes axe at desktop and phone width', async () => {
  const axeContext = await app.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
  try {
    const page = await axeContext.newPage();
    await page.goto(`${ctx.system.baseUrl}/reports`);
    await page.getByLabel('Tên đăng nhập').fill('quan.hadong');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.getByTestId('report-result').waitFor();
    for (const viewport of [
      { width: 1200, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  } finally {
    await axeContext.close();
  }
});
