// The "Báo cáo" page for seed 003's campaign in Debian's Chromium against a real system: receipts with their donors
// recorded into Định Quán's Fund for the Poor (two inside the campaign's window, one after it), the district's
// campaign board (the Fatherland Front) opens the report of Huyện Định Quán for 03/02/2024–19/05/2024 and reads the
// money raised by kind of donor and by fund, with totals in đồng; at desktop and phone width, then in English; axe
// at both widths. Screenshots for reviewers go to test-output/screenshots/campaign-report/.
import { DINH_QUAN_CAMPAIGN } from '../../scripts/seed/dinh-quan-2024/dinh-quan-campaign';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { DINH_QUAN_FUND_ID } from '../../scripts/seed/dinh-quan-2024/dinh-quan-fund';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage, type AppPage } from './support/open-app-page';
import { seriousAxeViolations } from './support/serious-axe-violations';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'campaign-report');
const M = 1_000_000;
let app: AppPage;

beforeAll(async () => {
  app = await openAppPage(SCREENSHOTS);
  const receipts: [number, string, { kind: string; name: string }][] = [
    [120 * M, '2024-02-03', { kind: 'enterprise', name: 'Công ty CP Cao su Đồng Nai' }],
    [15 * M, '2024-05-19', { kind: 'overseas_vietnamese', name: 'Ông Trần Văn Kiệt' }],
    [9 * M, '2024-05-20', { kind: 'individual', name: 'Bà Lê Thị Hoa' }],
  ];
  for (const [amount, date, donor] of receipts) {
    const res = await ctx.api.call('POST', `/api/admin/funds/${DINH_QUAN_FUND_ID}/receipts`, {
      as: 'admin.dongnai',
      body: { amount, date, donor },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(res.status).toBe(201);
  }
  // The campaign's plan (its window is the report's period): once, whichever test file created it first.
  const listed = await ctx.api.call('GET', '/api/plans?unit=DN-DQ&year=2024', { as: 'lanhdao.dinhquan' });
  if (!listed.body.items.some((p: { kind: string }) => p.kind === 'campaign')) {
    const plan = await ctx.api.call('POST', '/api/plans', { as: 'lanhdao.dinhquan', body: DINH_QUAN_CAMPAIGN.plan });
    expect(plan.status).toBe(201);
  }
});
afterAll(async () => {
  await app?.context.close();
  await app?.browser.close();
});

const shot = (name: string) => app.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Signs in as the district's campaign board and opens the report of Huyện Định Quán for its campaign, by name. */
async function openCampaignReport(page: Page): Promise<void> {
  await page.goto(`${ctx.system.baseUrl}/`);
  await page.getByLabel('Tên đăng nhập').fill('bvd.dinhquan');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByRole('heading', { name: 'Báo cáo kết quả hỗ trợ', level: 1 }).waitFor();
  // The campaign as the period: its own window, 03/02–19/05/2024, and its unit.
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: 'Đợt vận động' });
  const campaign = page.getByLabel('Đợt vận động', { exact: true });
  await expect(campaign.locator('option:checked').textContent()).resolves.toBe(
    `${DINH_QUAN_CAMPAIGN.plan.title} (03/02/2024 – 19/05/2024)`,
  );
  expect(await page.getByLabel('Đơn vị').inputValue()).toBe('DN-DQ');
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  await page.getByTestId('report-raised').waitFor();
}

it('the campaign board reads the money raised in the campaign by kind of donor and by fund', async () => {
  const { page } = app;
  await openCampaignReport(page);
  const raised = page.getByTestId('report-raised');
  const rows = (name: string) =>
    raised
      .getByRole('table', { name })
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          Array.from((tr as unknown as { children: ArrayLike<{ textContent: string | null }> }).children, (c) =>
            (c.textContent ?? '').trim(),
          ),
        ),
      );
  await expect(rows('Tiền ủng hộ theo người ủng hộ')).resolves.toEqual([
    ['Doanh nghiệp', '1', '120.000.000 ₫'],
    ['Người Việt Nam ở nước ngoài', '1', '15.000.000 ₫'],
    ['Tổng cộng', '2', '135.000.000 ₫'],
  ]);
  await expect(rows('Tiền ủng hộ theo quỹ')).resolves.toEqual([
    ['Quỹ “Vì người nghèo” huyện Định Quán', 'Huyện Định Quán', '135.000.000 ₫'],
    ['Tổng cộng', '', '135.000.000 ₫'],
  ]);
  await raised.scrollIntoViewIfNeeded();
  await shot('desktop-campaign-report');

  await page.setViewportSize({ width: 390, height: 844 });
  await raised.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-campaign-raised.png') });
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1200, height: 900 });

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Show report' }).click();
  await raised.getByRole('table', { name: 'Contributions by kind of donor' }).waitFor();
  await expect(rows('Contributions by kind of donor')).resolves.toEqual([
    ['Enterprises', '1', '120,000,000 VND'],
    ['Overseas Vietnamese', '1', '15,000,000 VND'],
    ['Total', '2', '135,000,000 VND'],
  ]);
  await shot('desktop-campaign-report-en');
  expect(app.problems).toEqual([]);
});

it('the report with the money raised passes axe at desktop and phone width', async () => {
  const axeContext = await app.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
  try {
    const page = await axeContext.newPage();
    await openCampaignReport(page);
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
