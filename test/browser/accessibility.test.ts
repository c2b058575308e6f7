// Accessibility of the officer app's pages and the embed's iframe page, in Debian's Chromium against a real
// system: axe-core (all its rules) on the login page, the inbox with dossiers, the dossier workspace (the current
// step's form with its actions, an earlier step read-only, the timeline), the new-dossier pages and the embed
// iframe, and the inbox's selection with its bulk-action dialog, in Vietnamese, at desktop and at phone width, each
// also with its errors shown (a refused login, a return without a reason, empty forms sent); then the
// administration pages (registry with a version open, embed tokens with field errors, users, units, funds with a
// ledger and an edit form open, calendar) and
// the SLA dashboard with a list open. Any serious or critical violation fails the test, listed page by page. Then a
// short keyboard pass over the main flow: the first field and the action buttons are reachable with Tab, and the
// focused control shows a focus outline.
//
// The app's CSP forbids inline scripts, so the contexts here are created with `bypassCSP` to inject axe's source
// (the officer-app test checks the CSP itself). Screenshots for reviewers go to test-output/screenshots/a11y/, and
// axe's violations of every impact, page by page, to test-output/a11y/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { DEFAULT_APP_DIST } from '../../api/web/create-web-app-router';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { proposalIn } from '../integration/support/form-examples';
import { postReformDossierAt } from '../integration/support/post-reform-dossier-at';
import { useTestSystem } from '../integration/support/use-test-system';
import { launchChromium } from './support/launch-chromium';
import { startHostServer, type HostServer } from './support/start-host-server';
import {
  LATE_PROCESS,
  NEAR_PROCESS,
  publishShortSlaProcesses,
  untilRecorded,
} from '../integration/support/short-sla-processes';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'a11y');
const REPORTS = path.join(__dirname, '..', '..', 'test-output', 'a11y');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FAILING_IMPACTS = ['serious', 'critical'];
const VIEWPORTS = [
  { name: 'desktop', width: 1200, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}
interface AxeResults {
  violations: AxeResult[];
  passes: AxeResult[];
}

let browser: Browser;
let host: HostServer;
let dossierId: string;
let embedToken: string;

beforeAll(async () => {
  if (!existsSync(path.join(DEFAULT_APP_DIST, 'index.html')))
    throw new Error(`no app build in ${DEFAULT_APP_DIST}: run npm run build:web`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(REPORTS, { recursive: true });
  [browser, host] = await Promise.all([launchChromium(), startHostServer()]);
  // Dossiers the commune proposed and sent on: the district sees them in its inbox, each with the proposal as an
  // earlier step and a timeline of two entries. Two are of test-only copies of the process whose review is short
  // (overdue after 3.6 s) or reminds early (near due after 3.6 s), so the workflow's timers give the inbox every badge.
  await publishShortSlaProcesses(ctx.system.processes);
  const ids: string[] = [];
  for (const processKey of ['housing-support-2024', LATE_PROCESS, NEAR_PROCESS]) {
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey, data: proposalIn('HN-HD-HC') },
    });
    expect(created.status).toBe(201);
    ids.push(created.body.id);
    expect(
      (
        await ctx.api.call('POST', `/api/dossiers/${created.body.id}/actions`, {
          as: 'xa.hacau',
          body: { action: 'submit' },
        })
      ).status,
    ).toBe(200);
  }
  dossierId = ids[0]!;
  await untilRecorded(ctx.system.models, ids[1]!, 'overdue');
  await untilRecorded(ctx.system.models, ids[2]!, 'near_due');
  const token = await ctx.api.call('POST', '/api/admin/embed-tokens', {
    as: 'admin.hanoi',
    body: {
      label: 'Cổng thông tin phường Hà Cầu',
      processKey: 'housing-support-2024',
      unitCode: 'HN-HD-HC',
      origins: [host.origin],
      expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
    },
  });
  expect(token.status).toBe(201);
  embedToken = token.body.token;
  // Two appraised post-2025 dossiers the city's unit head may approve together (the inbox's selection).
  for (let i = 0; i < 2; i++) await postReformDossierAt(ctx.api, 'province-approval');
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

const url = (p: string) => `${ctx.system.baseUrl}${p}`;

/**
 * Runs axe-core (every rule) on a page or frame; returns its violations of serious or critical impact. All its
 * violations, minor and moderate too, are written to test-output/a11y/<name>.json for a reviewer.
 */
async function axe(target: Page | Frame, name: string): Promise<{ failing: AxeResult[]; passes: number }> {
  await target.addScriptTag({ content: AXE_SOURCE });
  const results = (await target.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as AxeResults;
  writeFileSync(path.join(REPORTS, `${name}.json`), JSON.stringify(results.violations, null, 2));
  return {
    failing: results.violations.filter((v) => FAILING_IMPACTS.includes(v.impact ?? '')),
    passes: results.passes.length,
  };
}

/** The violations as a reviewer reads them: page, rule, impact, what to fix, and each offending element. */
function describeViolations(where: string, violations: AxeResult[]): string[] {
  return violations.map((v) =>
    [
      `${where}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
      ...v.nodes
        .slice(0, 8)
        .map(
          (n) =>
            `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        ),
      ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
    ].join('\n'),
  );
}

async function login(page: Page, username: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
}

async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  return browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport, bypassCSP: true });
}

/**
 * Checks pages one after the other at one viewport: `check(name)` runs axe on the page (or a frame of it), keeps
 * its serious and critical violations in `report` and takes a screenshot; `checked` lists the names done.
 */
function axeChecker(page: Page, viewport: (typeof VIEWPORTS)[number]) {
  const report: string[] = [];
  const checked: string[] = [];
  const check = async (name: string, target: Page | Frame = page) => {
    const { failing, passes } = await axe(target, `${viewport.name}-${name}`);
    // axe really looked at the page: a page it could not read would pass no rule at all.
    expect(passes).toBeGreaterThan(10);
    report.push(...describeViolations(`${viewport.name} ${name}`, failing));
    checked.push(name);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${viewport.name}-${name}.png`), fullPage: true });
  };
  const expectNoFailure = () => {
    if (report.length > 0)
      throw new Error(`axe found ${report.length} serious or critical violation(s):\n\n${report.join('\n\n')}`);
  };
  return { check, checked, expectNoFailure };
}

describe.each(VIEWPORTS)('accessibility at $name width', (viewport) => {
  it('finds no serious or critical axe violation on the main pages, in Vietnamese', async () => {
    const context = await newContext(viewport);
    const page = await context.newPage();
    const { check, checked, expectNoFailure } = axeChecker(page, viewport);
    try {
      await page.goto(url('/'));
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
      await check('login');
      // A refused login shows its error next to the form.
      await page.getByLabel('Tên đăng nhập').fill('quan.hadong');
      await page.getByLabel('Mật khẩu').fill('not-the-password');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.locator('#login-error').waitFor();
      await check('login-error');

      await login(page, 'quan.hadong');
      await page.locator(`tr[data-dossier-id="${dossierId}"]`).waitFor();
      await page.getByTestId('inbox-counts').waitFor();
      await expect(page.locator('.app-inbox .app-badge').allTextContents()).resolves.toEqual([
        'Quá hạn',
        'Tới hạn',
        'Chưa đến hạn',
      ]);
      await check('inbox');

      await page.locator(`tr[data-dossier-id="${dossierId}"]`).getByRole('link', { name: dossierId }).click();
      await page.locator(`main[data-dossier-id="${dossierId}"]`).waitFor();
      await page.locator('.app-decision button[data-action="approve"]').waitFor();
      await page.locator('.app-timeline-entry').nth(1).waitFor();
      // The earlier step opened, so its read-only form (with the same field names as the current one) is checked.
      await page.locator('details.app-earlier-step summary').first().click();
      await page.locator('details.app-earlier-step[open] form').first().waitFor();
      await check('workspace');
      // Mistakes shown in place: a return without its reason, then an approval of an empty review form.
      await page.locator('.app-decision button[data-action="return"]').click();
      await page.locator('#decision-comment-error').waitFor();
      await page.locator('.app-decision button[data-action="approve"]').click();
      await page.locator('.app-decision .error-detail').first().waitFor();
      await check('workspace-errors');
      await logout(page);

      await login(page, 'xa.hacau');
      await page.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
      await page.getByRole('link', { name: 'Hỗ trợ nhà ở cho hộ nghèo, cận nghèo (xã → huyện → tỉnh)' }).waitFor();
      await check('new-pick');
      await page.getByRole('link', { name: 'Hỗ trợ nhà ở cho hộ nghèo, cận nghèo (xã → huyện → tỉnh)' }).click();
      await page.locator('#new_household_headName').waitFor();
      await check('new-form');
      await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
      await page.locator('form.app-form .error-detail').first().waitFor();
      await check('new-form-errors');
      await logout(page);

      // Deciding several dossiers together: the inbox with a selection, then the confirmation dialog.
      await login(page, 'lanhdao.hanoi');
      await page.getByLabel('Chọn tất cả hồ sơ xử lý hàng loạt được trên trang này').check();
      await page.getByTestId('bulk-selected-count').getByText('Đã chọn 2 hồ sơ').waitFor();
      await check('inbox-bulk');
      await page.getByRole('button', { name: 'Phê duyệt (2)' }).click();
      await page.getByRole('dialog', { name: 'Phê duyệt 2 hồ sơ' }).waitFor();
      await check('bulk-dialog');

      const api = ctx.system.baseUrl;
      await page.goto(
        `${host.origin}/iframe?src=${encodeURIComponent(`${api}/embed/form/${embedToken}`)}&api=${encodeURIComponent(api)}`,
      );
      await page.frameLocator('iframe#hoso').locator('#hoso_household_headName').waitFor();
      const frame = page.frames().find((f) => f.url().startsWith(`${api}/embed/form/`));
      expect(frame).toBeDefined();
      await check('embed-iframe', frame!);
    } finally {
      await context.close();
    }
    expect(checked).toEqual([
      'login',
      'login-error',
      'inbox',
      'workspace',
      'workspace-errors',
      'new-pick',
      'new-form',
      'new-form-errors',
      'inbox-bulk',
      'bulk-dialog',
      'embed-iframe',
    ]);
    expectNoFailure();
  });

  it('finds no serious or critical axe violation on the administration pages and the SLA dashboard, in Vietnamese', async () => {
    const context = await newContext(viewport);
    const page = await context.newPage();
    const { check, checked, expectNoFailure } = axeChecker(page, viewport);
    const section = async (name: string, heading: string) => {
      await page.getByRole('navigation', { name: 'Các trang quản trị' }).getByRole('link', { name }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    };
    try {
      await page.goto(url('/'));
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await login(page, 'admin.hanoi');
      await page.getByRole('link', { name: 'Quản trị' }).click();
      await page.getByRole('heading', { name: 'Quy trình và biểu mẫu', level: 1 }).waitFor();
      await page.locator('tr[data-ref="housing-proposal@1"]').waitFor();
      await check('admin-registry');
      // A published version opened: the server's diff and the form's preview.
      await page.getByRole('button', { name: 'Xem housing-proposal@1' }).click();
      await page.locator('section[data-version="housing-proposal@1"] #admin-view_household_headName').waitFor();
      await check('admin-registry-version');

      await section('Nhúng biểu mẫu', 'Nhúng biểu mẫu');
      await page.locator('tr[data-token-id]').first().waitFor();
      // Sent empty: each field's error under it.
      await page.getByRole('button', { name: 'Tạo mã nhúng' }).click();
      await page.locator('#embed-expires-error').waitFor();
      await check('admin-embed-tokens-errors');

      await section('Người dùng và quyền', 'Người dùng và quyền');
      await page.locator('tr[data-user-id="xa.hacau"]').waitFor();
      await check('admin-users');

      await section('Đơn vị hành chính', 'Đơn vị hành chính');
      await page.locator('tr[data-unit-code="HN-HD-HC"]').waitFor();
      await check('admin-units');

      // A fund with a receipt: the chart, the table, its ledger and its edit form open.
      const fund = await ctx.api.call('POST', '/api/admin/funds', {
        as: 'admin.hanoi',
        body: { unitCode: 'HN-HD', kind: 'fund_for_the_poor', name: `Quỹ Vì người nghèo (${viewport.name})` },
      });
      await ctx.api.call('POST', `/api/admin/funds/${fund.body._id}/receipts`, {
        as: 'admin.hanoi',
        body: { amount: 80_000_000, date: '2026-01-05' },
        headers: { 'Idempotency-Key': `a11y-${viewport.name}` },
      });
      await section('Nguồn kinh phí', 'Nguồn kinh phí');
      const fundRow = page.locator(`tr[data-fund="${fund.body._id}"]`);
      await fundRow.getByRole('button', { name: /^Sổ quỹ/ }).click();
      await page.getByTestId(`fund-ledger-${fund.body._id}`).locator('tr[data-seq="1"]').waitFor();
      await fundRow.getByRole('button', { name: /^Sửa nguồn/ }).click();
      await check('admin-funds');

      await section('Lịch làm việc', 'Lịch làm việc');
      await page.getByRole('button', { name: 'Xem', exact: true }).click();
      await page.locator('[data-calendar]').waitFor();
      await check('admin-calendar');
      await logout(page);

      // The SLA dashboard as Hà Nội's unit head: the chart, its tables, then the list behind a segment.
      await login(page, 'lanhdao.hanoi');
      await page.getByRole('link', { name: 'Theo dõi hạn xử lý' }).click();
      await page.getByRole('heading', { name: 'Theo dõi hạn xử lý hồ sơ', level: 1 }).waitFor();
      await page.locator('[data-testid="sla-pending-table"]').waitFor();
      await page.locator('[data-testid="sla-ontime-table"]').waitFor();
      await check('sla');
      await page
        .locator('[data-testid="sla-pending-table"] tr[data-unit="HN-HD"] td[data-timeliness="overdue"] button')
        .click();
      await page.locator('[data-testid="sla-pending-list"] tr[data-dossier-id]').first().waitFor();
      await check('sla-list');
    } finally {
      await context.close();
    }
    expect(checked).toEqual([
      'admin-registry',
      'admin-registry-version',
      'admin-embed-tokens-errors',
      'admin-users',
      'admin-units',
      'admin-funds',
      'admin-calendar',
      'sla',
      'sla-list',
    ]);
    expectNoFailure();
  });
});

describe('keyboard use of the main flow', () => {
  /** Presses Tab until `selector` has the focus (at most `max` times); returns whether it got there. */
  async function tabTo(page: Page, selector: string, max = 80): Promise<boolean> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => (globalThis as any).document.activeElement?.matches(s) === true, selector))
        return true;
    }
    return false;
  }
  /** The focus outline of the focused element (style and width), as the browser computes it. */
  const focusOutline = (page: Page) =>
    page.evaluate(() => {
      const style = (globalThis as any).getComputedStyle((globalThis as any).document.activeElement);
      return { style: style.outlineStyle as string, width: parseFloat(style.outlineWidth) };
    });

  it('reaches the first field and every action button with Tab, each with a visible focus outline', async () => {
    const context = await newContext({ width: 1200, height: 900 });
    const page = await context.newPage();
    try {
      await page.goto(url('/'));
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      // The first Tab lands on the skip link, which becomes visible; a few more reach the user name.
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => (globalThis as any).document.activeElement?.className)).resolves.toBe(
        'app-skip',
      );
      await expect(page.locator('.app-skip').isVisible()).resolves.toBe(true);
      expect(await tabTo(page, '#login-username', 5)).toBe(true);
      const outline = await focusOutline(page);
      expect(outline.style).not.toBe('none');
      expect(outline.width).toBeGreaterThanOrEqual(2);
      await page.keyboard.type('quan.hadong');
      await page.keyboard.press('Tab');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();

      // The inbox: the search box, then the dossier's link, opened with Enter.
      await page.locator(`tr[data-dossier-id="${dossierId}"]`).waitFor();
      expect(await tabTo(page, '#filter-q')).toBe(true);
      expect(await tabTo(page, `tr[data-dossier-id="${dossierId}"] a`)).toBe(true);
      expect((await focusOutline(page)).style).not.toBe('none');
      await page.keyboard.press('Enter');
      await page.locator(`main[data-dossier-id="${dossierId}"]`).waitFor();
      await page.locator('.app-decision button[data-action="approve"]').waitFor();

      // The workspace: every action button of the decision panel is reached, and shows its focus.
      const actions = await page
        .locator('.app-decision button[data-action]')
        .evaluateAll((all) => all.map((b: any) => b.getAttribute('data-action') as string));
      expect(actions).toEqual(expect.arrayContaining(['approve', 'return', 'reject']));
      for (const action of actions) {
        expect(await tabTo(page, `.app-decision button[data-action="${action}"]`, 200)).toBe(true);
        const o = await focusOutline(page);
        expect(o.style).not.toBe('none');
        expect(o.width).toBeGreaterThanOrEqual(2);
      }
    } finally {
      await context.close();
    }
  });
});
