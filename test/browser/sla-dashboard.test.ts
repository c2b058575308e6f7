// The SLA dashboard of the officer app in Debian's Chromium against a real system: dossiers created through the
// API (three on a test-only copy of the housing process whose steps last 3.6 s, escalated by the workflow's own
// timers; one returned for supplement; one finished), then the unit head of Hà Nội reads the dashboard. The figures
// on the page (the chart's segments, the data tables) must equal GET /api/sla/summary, which equals a recount from
// the dossiers; a segment opens the list behind it (by mouse and by keyboard), whose rows equal GET /api/sla/pending;
// a row opens the dossier, whose control slip equals the API's and downloads as a PDF. The header's notifications
// indicator shows the unread count (the escalations the timers sent) and marks one read. Screenshots go to
// test-output/screenshots/sla/ (not committed).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { lastMonths } from '../../web/app/sla/month-periods';
import { proposalIn } from '../integration/support/form-examples';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage } from './support/open-app-page';
import { LATE_PROCESS, publishShortSlaProcesses, untilRecorded } from '../integration/support/short-sla-processes';
import { expectSummaryEqualsRecount } from '../integration/support/recounted-sla-summary';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'sla');
const SUPERVISOR = 'lanhdao.hanoi';
const TIMELINESS = ['not_due', 'near_due', 'overdue', 'stopped'] as const;
type Counts = Record<(typeof TIMELINESS)[number] | 'total', number>;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
const ids: Record<string, string> = {};

const act = async (user: string, id: string, body: Record<string, unknown>) => {
  const res = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body });
  expect(res.status).toBe(200);
};
async function create(user: string, unit: string, processKey = 'housing-support-2024'): Promise<string> {
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: user,
    body: { processKey, data: proposalIn(unit) },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** The summary's pending rows summed per processing unit, as the chart stacks them. */
async function summaryByUnit(query = ''): Promise<Map<string, Counts>> {
  const res = await ctx.api.call('GET', `/api/sla/summary?${query}`, { as: SUPERVISOR });
  expect(res.status).toBe(200);
  await expectSummaryEqualsRecount(ctx.system.models, res.body);
  const byUnit = new Map<string, Counts>();
  for (const row of res.body.pending as (Counts & { unit: string })[]) {
    const c = byUnit.get(row.unit) ?? { not_due: 0, near_due: 0, overdue: 0, stopped: 0, total: 0 };
    for (const t of [...TIMELINESS, 'total'] as const) c[t] += row[t];
    byUnit.set(row.unit, c);
  }
  byUnit.set('total', res.body.totals);
  return byUnit;
}

/** The data table under the chart, read from the page: unit code → counts (and the footer as `total`). */
async function tableByUnit(): Promise<Map<string, Counts>> {
  const rows = await page
    .locator('[data-testid="sla-pending-table"] tr[data-unit]')
    .evaluateAll((trs: any[]) =>
      trs.map((tr) => [
        tr.getAttribute('data-unit')!,
        Object.fromEntries(
          [...tr.querySelectorAll('td[data-timeliness]')].map((td: any) => [
            td.getAttribute('data-timeliness')!,
            Number(td.textContent),
          ]),
        ),
      ]),
    );
  return new Map(rows as [string, Counts][]);
}

/** The chart's segments, read from the SVG: unit code → counts per timeliness (absent segments are 0). */
async function chartByUnit(): Promise<Map<string, Partial<Counts>>> {
  const rows = await page
    .locator('[data-testid="sla-pending-chart"] g[data-unit]')
    .evaluateAll((gs: any[]) =>
      gs.map((g) => [
        g.getAttribute('data-unit')!,
        Object.fromEntries(
          [...g.querySelectorAll('[data-timeliness]')].map((s: any) => [
            s.getAttribute('data-timeliness')!,
            Number(s.getAttribute('data-count')),
          ]),
        ),
      ]),
    );
  return new Map(rows as [string, Partial<Counts>][]);
}

function expectChartMatches(chart: Map<string, Partial<Counts>>, api: Map<string, Counts>): void {
  const withDossiers = [...api].filter(([unit, c]) => unit !== 'total' && c.total > 0);
  expect([...chart.keys()].sort()).toEqual(withDossiers.map(([u]) => u).sort());
  for (const [unit, c] of withDossiers) {
    for (const t of TIMELINESS) expect([unit, t, chart.get(unit)![t] ?? 0]).toEqual([unit, t, c[t]]);
  }
}

async function pendingIds(query: string): Promise<string[]> {
  const res = await ctx.api.call('GET', `/api/sla/pending?${query}&limit=200`, { as: SUPERVISOR });
  expect(res.status).toBe(200);
  return res.body.items.map((i: { id: string }) => i.id);
}

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const url = (p: string) => `${ctx.system.baseUrl}${p}`;
const listIds = () =>
  page
    .locator('[data-testid="sla-pending-list"] tr[data-dossier-id]')
    .evaluateAll((trs: any[]) => trs.map((tr) => String(tr.getAttribute('data-dossier-id'))));

beforeAll(async () => {
  // Late ones first: on a copy of the housing process whose proposal and district review last 3.6 s each, the
  // workflow escalates them on its own (overdue at the commune, or at the district once sent on).
  await publishShortSlaProcesses(ctx.system.processes);
  ids.communeLate = await create('xa.hacau', 'HN-HD-HC', LATE_PROCESS);
  for (const [key, user, unit] of [
    ['districtLate', 'xa.phuluong', 'HN-HD-PL'],
    ['districtLate2', 'xa.duongnoi', 'HN-HD-DN'],
  ] as const) {
    ids[key] = await create(user, unit, LATE_PROCESS);
    await act(user, ids[key]!, { action: 'submit' });
  }
  // Waiting at the commune (Hà Cầu) and at the district (Hà Đông), in time.
  ids.fresh = await create('xa.hacau', 'HN-HD-HC');
  ids.district = await create('xa.yennghia', 'HN-HD-YN');
  await act('xa.yennghia', ids.district, { action: 'submit' });
  // Returned for supplement: the clock stops.
  ids.returned = await create('xa.dongmai', 'HN-HD-DM');
  await act('xa.dongmai', ids.returned, { action: 'submit' });
  await act('quan.hadong', ids.returned, { action: 'return', comment: 'Bổ sung biên bản họp thôn' });
  // Finished this month.
  ids.finished = await create('xa.biengiang', 'HN-HD-BG');
  await act('xa.biengiang', ids.finished, { action: 'submit' });
  await act('quan.hadong', ids.finished, { action: 'reject', comment: 'Không đủ điều kiện' });
  for (const key of ['communeLate', 'districtLate', 'districtLate2']) {
    await untilRecorded(ctx.system.models, ids[key]!, 'overdue');
  }
  // The escalations of the two district reviews reach the city's unit head too (codes and times only).
  const deadline = Date.now() + 30_000;
  for (;;) {
    const notes = await ctx.system.models.Notification.find({ recipientRole: 'unit_head', recipientUnit: 'HN' }).lean();
    if (notes.length >= 2) break;
    if (Date.now() > deadline) throw new Error('the escalations did not reach the unit head of HN');
    await new Promise((r) => setTimeout(r, 200));
  }

  ({ browser, context, page, problems } = await openAppPage(SCREENSHOTS, { acceptDownloads: true }));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('the SLA dashboard', () => {
  it("shows the supervisor's pending dossiers by unit and timeliness exactly as GET /api/sla/summary counts them", async () => {
    await page.goto(url('/sla'));
    await page.getByLabel('Tên đăng nhập').fill(SUPERVISOR);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Theo dõi hạn xử lý hồ sơ', level: 1 }).waitFor();
    await page.locator('[data-testid="sla-pending-table"]').waitFor();
    await page.locator('[data-testid="sla-ontime-table"]').waitFor();

    const api = await summaryByUnit();
    expect(api.get('HN-HD')).toMatchObject({ overdue: expect.any(Number) });
    expect(api.get('HN-HD')!.overdue).toBeGreaterThanOrEqual(2);
    expect(api.get('HN-HD-DM')!.stopped).toBeGreaterThanOrEqual(1);
    const table = await tableByUnit();
    expect(table).toEqual(new Map([...api].filter(([u, c]) => u === 'total' || c.total > 0)));
    expectChartMatches(await chartByUnit(), api);
    // The legend names every colour with its total.
    for (const [name, t] of [
      ['Quá hạn', 'overdue'],
      ['Tạm dừng (chờ bổ sung)', 'stopped'],
    ] as const) {
      await expect(page.locator('.sla-legend li', { hasText: name }).textContent()).resolves.toContain(
        String(api.get('total')![t]),
      );
    }
    // The chart is described for screen readers, and each segment is a named button.
    await expect(page.locator('[data-testid="sla-pending-chart"] desc').textContent()).resolves.toContain(
      `${api.get('total')!.total} hồ sơ`,
    );
    await page
      .getByRole('button', { name: /^Quận Hà Đông: Quá hạn \d+ hồ sơ\. Xem danh sách$/ })
      .first()
      .waitFor();

    // The on-time rate of this month equals the summary for this month.
    const month = lastMonths(new Date(), 6)[5]!;
    const monthly = await ctx.api.call(
      'GET',
      `/api/sla/summary?from=${encodeURIComponent(month.from)}&to=${encodeURIComponent(month.to)}`,
      { as: SUPERVISOR },
    );
    const onTime = monthly.body.finished.items.reduce((n: number, i: { onTime: number }) => n + i.onTime, 0);
    const late = monthly.body.finished.items.reduce((n: number, i: { late: number }) => n + i.late, 0);
    expect(onTime + late).toBeGreaterThanOrEqual(1);
    const row = page.locator(`[data-testid="sla-ontime-table"] tr[data-month="${month.label}"]`);
    expect(await row.locator('[data-field="onTime"]').textContent()).toBe(String(onTime));
    expect(await row.locator('[data-field="late"]').textContent()).toBe(String(late));
    expect(await row.locator('[data-field="rate"]').textContent()).toBe(
      `${Math.round((onTime / (onTime + late)) * 100)} %`,
    );
    expect(
      await page.locator(`[data-testid="sla-ontime-chart"] g[data-month="${month.label}"]`).getAttribute('data-rate'),
    ).toBe(String(onTime / (onTime + late)));
    await shot('01-dashboard');
  });

  it('narrows to one unit with the unit filter, still equal to the summary', async () => {
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('HN-HD');
    await page.waitForURL(/\/sla\?unit=HN-HD$/);
    await page
      .locator('[data-testid="sla-pending-section"][data-scope="HN-HD"] [data-testid="sla-pending-table"]')
      .waitFor();
    const api = await summaryByUnit('unit=HN-HD');
    expect(await tableByUnit()).toEqual(new Map([...api].filter(([u, c]) => u === 'total' || c.total > 0)));
    expectChartMatches(await chartByUnit(), api);
    await shot('02-unit-filter');
  });

  it('opens the list behind a segment by click and by keyboard, with whom each waits for, the due date and a badge', async () => {
    await page.locator('[data-testid="sla-pending-chart"] g[data-unit="HN-HD"] [data-timeliness="overdue"]').click();
    await page.waitForURL(/list=HN-HD&timeliness=overdue/);
    const list = page.locator('[data-testid="sla-pending-list"]');
    await list.locator('tr[data-dossier-id]').first().waitFor();
    expect(await listIds()).toEqual(await pendingIds('processingUnit=HN-HD&timeliness=overdue'));
    expect(await listIds()).toEqual(expect.arrayContaining([ids.districtLate, ids.districtLate2]));
    const late = list.locator(`tr[data-dossier-id="${ids.districtLate}"]`);
    await expect(late.textContent()).resolves.toContain('Phòng LĐTBXH quận/huyện');
    expect(await late.locator('[data-field="due"]').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await late.locator('.app-badge').textContent()).toBe('Quá hạn');
    // The list's heading takes the focus, so a keyboard user lands on it.
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('sla-list-title');
    await shot('03-drill-down');

    // Keyboard: Tab to the commune's overdue segment and press Enter.
    const segment = page.locator(
      '[data-testid="sla-pending-chart"] g[data-unit="HN-HD-HC"] [data-timeliness="overdue"]',
    );
    await segment.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/list=HN-HD-HC&timeliness=overdue/);
    await list.locator(`tr[data-dossier-id="${ids.communeLate}"]`).waitFor();
    expect(await listIds()).toEqual(await pendingIds('processingUnit=HN-HD-HC&timeliness=overdue'));
    // The stopped clock has its own bucket and badge.
    await page
      .locator('[data-testid="sla-pending-table"] tr[data-unit="HN-HD-DM"] td[data-timeliness="stopped"] button')
      .click();
    await list.locator(`tr[data-dossier-id="${ids.returned}"]`).waitFor();
    expect(await list.locator(`tr[data-dossier-id="${ids.returned}"] .app-badge`).textContent()).toBe(
      'Tạm dừng (chờ bổ sung)',
    );
  });

  it('opens a dossier from the list and shows its control slip as the API gives it, with the PDF', async () => {
    await page.getByRole('link', { name: 'Theo dõi hạn xử lý' }).click();
    await page.waitForURL(/\/sla$/);
    await page.locator('[data-testid="sla-pending-chart"] g[data-unit="HN-HD"] [data-timeliness="overdue"]').click();
    const list = page.locator('[data-testid="sla-pending-list"]');
    await list.getByRole('link', { name: ids.districtLate! }).click();
    await page.locator(`main[data-dossier-id="${ids.districtLate}"]`).waitFor();
    await page.getByRole('button', { name: 'Xem phiếu kiểm soát' }).click();
    const slip = page.locator('[data-testid="control-slip-table"]');
    await slip.waitFor();
    const api = await ctx.api.call('GET', `/api/dossiers/${ids.districtLate}/control-slip`, { as: SUPERVISOR });
    expect(api.status).toBe(200);
    expect(await slip.locator('tbody tr').count()).toBe(api.body.rows.length);
    const first = slip.locator('tbody tr').first();
    await expect(first.textContent()).resolves.toContain(api.body.rows[0].result.vi);
    await expect(first.textContent()).resolves.toContain(api.body.rows[0].timeliness.text.vi);
    await shot('04-control-slip');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải phiếu kiểm soát (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`phieu-kiem-soat-${ids.districtLate}.pdf`);
    const file = await download.path();
    expect(readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');

    // Back returns to the dashboard with the list still open.
    await page.goBack();
    await list.locator(`tr[data-dossier-id="${ids.districtLate}"]`).waitFor();
  });

  it('shows the unread notifications in the header and marks one read', async () => {
    const before = await ctx.api.call('GET', '/api/notifications', { as: SUPERVISOR });
    const button = page.getByTestId('notifications-button');
    await page.waitForFunction(
      (n) =>
        (globalThis as any).document
          .querySelector('[data-testid="notifications-button"]')
          ?.getAttribute('data-unread') === String(n),
      before.body.unread,
    );
    expect(before.body.unread).toBeGreaterThanOrEqual(1);
    await expect(button.getAttribute('aria-label')).resolves.toBe(`Thông báo: ${before.body.unread} chưa đọc`);
    await button.click();
    const item = page.locator(
      `#sla-notifications-panel li[data-notification-id="${before.body.items.find((i: { dossierId: string }) => i.dossierId === ids.districtLate).id}"]`,
    );
    await expect(item.textContent()).resolves.toContain('Quá hạn, báo cáo cấp trên');
    await shot('05-notifications');
    await item.getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
    await item.getByText('Đã đọc').waitFor();
    const after = await ctx.api.call('GET', '/api/notifications', { as: SUPERVISOR });
    expect(after.body.unread).toBe(before.body.unread - 1);
    // The header's count follows once the app has re-read the notifications (asynchronously after the click).
    await page.waitForFunction(
      (n) =>
        (globalThis as any).document
          .querySelector('[data-testid="notifications-button"]')
          ?.getAttribute('data-unread') === String(n),
      after.body.unread,
      { timeout: 10_000 },
    );
    expect(await button.getAttribute('data-unread')).toBe(String(after.body.unread));
    // Escape closes the list and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await page.locator('#sla-notifications-panel').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('data-testid'))).toBe(
      'notifications-button',
    );
  });

  it('keeps the charts readable at phone width: text at its own size, month labels apart', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(url('/sla'));
      await page.locator('[data-testid="sla-pending-chart"] .sla-unit-label').first().waitFor();
      // Drawn at the figure's width, not a desktop drawing scaled down (which gave ~6 px text): each unit's name
      // is as tall as 13-pixel text, and above its bar rather than squeezing it.
      const heights = await page
        .locator('[data-testid="sla-pending-chart"] .sla-unit-label')
        .evaluateAll((els) =>
          els.map(
            (e) => (e as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height,
          ),
        );
      expect(heights.length).toBeGreaterThanOrEqual(2);
      expect(heights.filter((h) => h < 11)).toEqual([]);
      // The month labels of the on-time chart do not run into each other: the chart shows the latest months that
      // fit and says so; the table still has every month.
      const boxes = await page
        .locator('[data-testid="sla-ontime-chart"] g[data-month] text:last-child')
        .evaluateAll((els) =>
          els.map((e) => {
            const r = (
              e as unknown as { getBoundingClientRect(): { left: number; right: number; height: number } }
            ).getBoundingClientRect();
            return { left: r.left, right: r.right, height: r.height };
          }),
        );
      expect(boxes.length).toBeGreaterThanOrEqual(3);
      expect(boxes.filter((b, i) => i > 0 && b.left < boxes[i - 1]!.right)).toEqual([]);
      expect(boxes.filter((b) => b.height < 11)).toEqual([]);
      expect(await page.locator('[data-testid="sla-ontime-table"] tbody tr').count()).toBe(6);
      await expect(page.getByTestId('sla-ontime-shown').textContent()).resolves.toBe(
        `Biểu đồ hiển thị ${boxes.length} tháng gần nhất; bảng dưới đây có đủ 6 tháng.`,
      );
      await shot('06-phone');
      for (const [figure, name] of [
        ['sla-pending-title', '06-phone-pending'],
        ['sla-ontime-title', '06-phone-ontime'],
      ] as const) {
        await page
          .locator(`figure[aria-labelledby="${figure}"] svg`)
          .screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
      }
    } finally {
      await page.setViewportSize({ width: 1200, height: 900 });
    }
  });

  it('left no CSP violation or script error behind', () => {
    expect(problems).toEqual([]);
  });
});
