// The campaign result report in the officer app (fund-campaign-report-2024@2, seed 003), in Debian's Chromium against
// a real system with Định Quán's campaign loaded as the demo loads it: Phú Vinh's Fatherland Front officer opens a
// new report and finds it prefilled with the figures the records give (the same as GET /api/reports/campaign-figures),
// each shown with its source; a figure reported unlike the computed one is refused at its reason's field until the
// reason is given, and the stored report keeps both. Screenshots at desktop and phone width go to
// test-output/screenshots/campaign-report-form/ (not committed); axe checks the prefilled form at both widths.
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { loadDinhQuanCampaign } from '../../scripts/seed/dinh-quan-2024/load-dinh-quan-campaign';
import { useTestSystem } from '../integration/support/use-test-system';
import { field, fieldErrors } from './support/fill-housing-proposal';
import { openAppPage } from './support/open-app-page';
import { seriousAxeViolationsAtBothWidths } from './support/serious-axe-violations';
import { waitForValue } from './support/wait-for-value';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'campaign-report-form');
const REPORT = 'Báo cáo kết quả đợt cao điểm vận động Quỹ “Vì người nghèo” của xã (hạn 19/05/2024)';
const FIELDS = ['raisedAmount', 'spentAmount', 'householdsSupported', 'housesBuilt', 'housesRepaired'] as const;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let figures: Record<(typeof FIELDS)[number], { value: number; source: { label: { vi: string } } }>;

beforeAll(async () => {
  await loadDinhQuanCampaign({ api: ctx.api });
  const res = await ctx.api.call('GET', '/api/reports/campaign-figures?unit=DN-DQ-PV&from=2024-02-03&to=2024-05-19', {
    as: 'mttq.phuvinh',
  });
  expect(res.status).toBe(200);
  figures = res.body.fields;
  ({ browser, context, page, problems } = await openAppPage(SCREENSHOTS));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const onlyDigits = (shown: string) => shown.replace(/\D/g, '');

/** Signs in as Phú Vinh's officer and opens a new result report, once its figures are shown. */
async function openReport(p: Page): Promise<Locator> {
  await p.goto(`${ctx.system.baseUrl}/`);
  await p.getByLabel('Tên đăng nhập').fill('mttq.phuvinh');
  await p.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: 'Đăng nhập' }).click();
  await p.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
  await p.getByRole('link', { name: REPORT, exact: true }).click();
  await p.getByTestId('figures-sources').waitFor();
  return p.locator('form.app-form');
}

describe('the campaign result report in the officer app', () => {
  it('is prefilled with the computed figures and their sources, and keeps a different figure only with its reason', async () => {
    const form = await openReport(page);
    const sources = page.getByTestId('figures-sources');
    for (const name of FIELDS) {
      const row = sources.locator(`tr[data-field="${name}"]`);
      expect((await row.innerText()).replace(/\D/g, '')).toContain(String(figures[name].value));
      expect(await row.innerText()).toContain(figures[name].source.label.vi);
      // Filled into the report's own field, which the officer can still change (a render after the sources show).
      const expected = String(figures[name].value);
      await expect(waitForValue(field(form, `/${name}`, 'new'), expected, 10_000, onlyDigits)).resolves.toBe(expected);
    }
    expect(await sources.innerText()).toContain('theo ngày ký quyết định');
    await shot(page, '01-prefilled-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '02-prefilled-phone');
    await page.setViewportSize({ width: 1200, height: 900 });

    // The commune reports 5.000.000 đ more raised than the ledger shows: refused at the reason, nothing stored.
    const reported = figures.raisedAmount.value + 5_000_000;
    await field(form, '/reportNumber', 'new').fill('16/BC-MTTQ');
    await field(form, '/summary', 'new').fill('Kết quả đợt cao điểm vận động của xã Phú Vinh.');
    await field(form, '/raisedAmount', 'new').fill(String(reported));
    const before = await ctx.system.models.DossierView.countDocuments({ processKey: 'fund-campaign-report-2024' });
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    const reasonErrors = fieldErrors(form, '/corrections/raisedAmount', 'new');
    await reasonErrors.waitFor();
    expect(await reasonErrors.innerText()).toContain('hãy ghi lý do');
    expect(await ctx.system.models.DossierView.countDocuments({ processKey: 'fund-campaign-report-2024' })).toBe(
      before,
    );
    await reasonErrors.scrollIntoViewIfNeeded();
    await shot(page, '03-reason-asked-desktop');

    await field(form, '/corrections/raisedAmount', 'new').fill('Gồm 5.000.000 đồng nhà hảo tâm ủng hộ qua xã.');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.locator('main.app-workspace').waitFor();
    const id = (await page.locator('main.app-workspace').getAttribute('data-dossier-id'))!;
    const created = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'mttq.phuvinh' });
    expect(created.body).toMatchObject({ processKey: 'fund-campaign-report-2024', processVersion: 2 });
    const submission = await ctx.api.call(
      'GET',
      `/api/dossiers/${id}/submissions/${created.body.submissions['commune-report'].id}`,
      { as: 'mttq.phuvinh' },
    );
    expect(submission.status).toBe(200);
    expect(submission.body.data).toMatchObject({
      raisedAmount: reported,
      computed: { raisedAmount: figures.raisedAmount.value, householdsSupported: figures.householdsSupported.value },
    });
    await shot(page, '04-created-desktop');
    // The refusal above is the one error the browser logged.
    expect(problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
  });

  it('passes axe with the figures shown, at desktop and phone width', async () => {
    const axeContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
    try {
      const axePage = await axeContext.newPage();
      await openReport(axePage);
      expect(await seriousAxeViolationsAtBothWidths(axePage)).toEqual([]);
    } finally {
      await axeContext.close();
    }
  });
});
