// The "Kế hoạch" page in Debian's Chromium against a real system: tp.hanoi opens it from the header, sees the city's
// plan for this year with each target's progress (figures as 200.000.000 ₫, a bar with its percentage, "Đạt" or
// "Chưa đạt" in words) computed from dossiers approved on housing-support-2024@4, and the chart by lower unit naming
// Quận Hà Đông; creates a plan in the form (lower unit chosen by name, dates typed dd/mm/yyyy; a wrong period is
// explained under its field in Vietnamese, nothing saved) and edits it into a second revision. Phone width and
// English too; axe at both widths. A treasurer has no "Kế hoạch" entry.
// Screenshots for reviewers go to test-output/screenshots/plans/.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { M, moneyDossiers } from '../integration/support/money-dossiers';
import { useTestSystem } from '../integration/support/use-test-system';
import { officerSteps } from './support/officer-steps';
import { openAppPage, type AppPage } from './support/open-app-page';
import { seriousAxeViolations } from './support/serious-axe-violations';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'plans');
const YEAR = vietnamDate(new Date()).slice(0, 4);
const TITLE = `Kế hoạch hỗ trợ nhà ở năm ${YEAR}`;

let app: AppPage;
let page: Page;

beforeAll(async () => {
  const poor = await money.fund('Quỹ Vì người nghèo quận Hà Đông', 500 * M, 'HN-HD');
  for (let i = 0; i < 2; i++) {
    const id = await money.atApproval();
    expect((await money.approve(id, 100 * M, [[poor, 100 * M]])).status).toBe(200);
  }
  const created = await ctx.api.call('POST', '/api/plans', {
    as: 'tp.hanoi',
    body: {
      unitCode: 'HN',
      title: TITLE,
      kind: 'year',
      from: `${YEAR}-01-01`,
      to: `${YEAR}-12-31`,
      basis: 'Kế hoạch số 12/KH-UBND',
      targets: [
        { programme: 'housing', metric: 'count', value: 5, note: 'Dự kiến 05 hộ xây mới' },
        { programme: 'housing', metric: 'amount', value: 150 * M },
        { programme: 'housing', metric: 'count', value: 2, fundId: poor },
        { programme: 'health_insurance', metric: 'coverage', value: 100, baseline: 84 },
      ],
    },
  });
  expect(created.status).toBe(201);
  app = await openAppPage(SCREENSHOTS);
  page = app.page;
});
afterAll(async () => {
  await app?.context.close();
  await app?.browser.close();
});

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const signIn = async (p: Page, username: string, at = '/') => {
  await p.goto(`${ctx.system.baseUrl}${at}`);
  await officerSteps(p).login(username);
};
const card = (title: string) =>
  page.locator('.plan-card', { has: page.getByRole('heading', { name: title, level: 2 }) });

it('the city’s officer reads each target’s progress and the figures by lower unit', async () => {
  await signIn(page, 'tp.hanoi');
  await page.getByRole('link', { name: 'Kế hoạch' }).click();
  await page.getByRole('heading', { name: 'Kế hoạch và chỉ tiêu', level: 1 }).waitFor();
  const plan = card(TITLE);
  // The unit's name comes with the unit list, read apart from the plans: its code until then.
  await plan.getByText(/^Thành phố Hà Nội ·/).waitFor();
  await expect(plan.locator('p').first().textContent()).resolves.toBe(
    `Thành phố Hà Nội · Năm 01/01/${YEAR}–31/12/${YEAR}`,
  );
  await plan.getByRole('button', { name: 'Xem tiến độ' }).click();
  const rows = plan.locator('.plan-progress tbody tr');
  await rows.first().waitFor();
  const cells = async (i: number) =>
    Promise.all(['Giá trị', 'Thực hiện'].map((l) => rows.nth(i).locator(`td[data-label="${l}"]`).textContent()));
  await expect(cells(0)).resolves.toEqual(['5', '2']);
  await expect(cells(1)).resolves.toEqual(['150.000.000 ₫', '200.000.000 ₫']);
  await expect(cells(3)).resolves.toEqual(['100 %', '0 % (0 / 84)']);
  await expect(rows.nth(0).locator('progress').getAttribute('value')).resolves.toBe('40');
  await expect(rows.nth(0).getByText('Chưa đạt').count()).resolves.toBe(1);
  await expect(rows.nth(1).getByText('Đạt', { exact: true }).count()).resolves.toBe(1);
  await expect(rows.nth(2).locator('th').textContent()).resolves.toContain('Quỹ Vì người nghèo quận Hà Đông');
  const chart = plan.locator('svg.plan-chart');
  await expect(chart.locator('desc').textContent()).resolves.toContain('Quận Hà Đông 2');
  await shot('desktop-progress');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('phone-progress');
  await page.setViewportSize({ width: 1200, height: 900 });
});

it('creates a plan in the form (a wrong period explained under its field) and edits it into a new revision', async () => {
  await page.getByRole('button', { name: 'Lập kế hoạch mới' }).click();
  const form = page.locator('form.plan-form');
  await form.getByLabel('Tên kế hoạch').fill('Kế hoạch thẻ bảo hiểm y tế năm 2025');
  await form.getByLabel('Từ ngày').fill('01/01/2025');
  await form.getByLabel('Đến ngày').fill('30/11/2025');
  await form.getByLabel('Chương trình').selectOption({ label: 'Thẻ bảo hiểm y tế' });
  await form.getByLabel('Giá trị').fill('200');
  await form.getByLabel('Đơn vị cấp dưới').selectOption({ label: 'Phường Kiến Hưng' });
  await form.getByLabel('Căn cứ, ghi chú').fill('Mỗi phường ≥ 200 thẻ');
  await form.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await form.getByText('Kỳ 01/01/2025–30/11/2025 không phải một năm (01/01–31/12)').waitFor();
  await expect(form.getByLabel('Đến ngày').getAttribute('aria-invalid')).resolves.toBe('true');
  await shot('desktop-form-error');
  expect(await ctx.system.models.PlanRevision.countDocuments({ unitCode: 'HN', from: '2025-01-01' })).toBe(0);

  await form.getByLabel('Đến ngày').fill('31/12/2025');
  await form.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await page.getByRole('status').getByText('Đã lưu kế hoạch.').waitFor();
  const created = card('Kế hoạch thẻ bảo hiểm y tế năm 2025');
  await created.locator('.plan-progress').waitFor();
  await expect(created.locator('.plan-progress tbody th').textContent()).resolves.toContain(
    'Thẻ bảo hiểm y tế · Phường Kiến Hưng',
  );

  await created.getByRole('button', { name: 'Sửa kế hoạch' }).click();
  const edit = page.locator('form.plan-form');
  await edit.getByLabel('Giá trị').fill('250');
  await edit.getByLabel('Lý do điều chỉnh').fill('Điều chỉnh theo chỉ đạo của Thành phố');
  await shot('desktop-form-edit');
  await edit.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
  await page.getByRole('status').getByText('Đã lưu kế hoạch.').waitFor();
  await created.getByText(/^Phiên bản 2, /).waitFor();
  const stored = await ctx.system.models.PlanRevision.find({ title: 'Kế hoạch thẻ bảo hiểm y tế năm 2025' })
    .sort({ revision: 1 })
    .lean();
  expect(stored.map((r) => [r.revision, r.targets[0]?.value, r.reason])).toEqual([
    [1, 200, null],
    [2, 250, 'Điều chỉnh theo chỉ đạo của Thành phố'],
  ]);

  await page.setViewportSize({ width: 390, height: 844 });
  await created.getByRole('button', { name: 'Sửa kế hoạch' }).click();
  await shot('phone-form');
  await page.getByRole('button', { name: 'Hủy' }).click();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { name: 'Plans and targets', level: 1 }).waitFor();
  await shot('phone-plans-en');
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  await page.setViewportSize({ width: 1200, height: 900 });
  expect(app.problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
});

it('a treasurer has no "Kế hoạch" entry; the page with progress and the form open passes axe at desktop and phone width', async () => {
  const axeContext = await app.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
  try {
    const other = await axeContext.newPage();
    await signIn(other, 'khobac.hanoi');
    await other.getByRole('link', { name: 'Hộp hồ sơ' }).first().waitFor();
    await expect(other.getByRole('link', { name: 'Kế hoạch' }).count()).resolves.toBe(0);
    await officerSteps(other).logout();
    await signIn(other, 'tp.hanoi', '/plans');
    const plan = other.locator('.plan-card', { has: other.getByRole('heading', { name: TITLE, level: 2 }) });
    await plan.getByRole('button', { name: 'Xem tiến độ' }).click();
    await plan.locator('svg.plan-chart').waitFor();
    await other.getByRole('button', { name: 'Lập kế hoạch mới' }).click();
    await other.locator('form.plan-form').waitFor();
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await other.setViewportSize(viewport);
      expect(await seriousAxeViolations(other)).toEqual([]);
    }
  } finally {
    await axeContext.close();
  }
});
