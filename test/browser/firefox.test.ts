// The officer app's main paths and the embed's iframe page in stock Firefox (Debian's firefox-esr, driven by
// playwright-core over WebDriver BiDi; see support/launch-firefox.ts) against a real system: sign in, the inbox
// with the dossiers waiting for the district, a dossier's workspace with its step form, an approval that moves the
// dossier on to the province, English and back, and a proposal filled and sent through the embed's iframe on a
// portal of another origin. The Chromium tests cover the details; this one checks that the same paths work in the
// other engine. Without Firefox the file is skipped with a message, except in CI (CI=true), where it must run.
// Screenshots for reviewers go to test-output/screenshots/firefox/.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { proposalIn } from '../integration/support/form-examples';
import { useTestSystem } from '../integration/support/use-test-system';
import { field, fillHousingProposal } from './support/fill-housing-proposal';
import { decisionPanel, fillHousingReview } from './support/fill-housing-steps';
import { findFirefox } from './support/launch-firefox';
import { openAppPage } from './support/open-app-page';
import { startHostServer, type HostServer } from './support/start-host-server';

const FIREFOX = findFirefox();
const RUN = FIREFOX !== undefined || process.env.CI === 'true';
const SKIPPED = ' (skipped: Firefox is not installed; apt-get install -y firefox-esr, or set HOSO_FIREFOX)';
if (!RUN) console.warn(`test/browser/firefox.test.ts${SKIPPED}`);

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'firefox');
const HEAD_NAMES = ['Nguyễn Thị Hoa', 'Trần Văn Bình'];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let host: HostServer;
let dossierIds: string[];

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
/**
 * Before each screenshot Playwright's BiDi driver adds and removes a `<style>body {}</style>` (to sync animations);
 * the app's CSP refuses it, and Firefox reports that as a page error. Any other CSP refusal is the app's.
 */
const PLAYWRIGHT_SCREENSHOT_STYLE = /blocked an inline style .*sha256-YjaKGiklmzC6wjXA513HAMmzus8VE61XCOT\+SmwNZWA=/;
const appProblems = () => problems.filter((p) => !PLAYWRIGHT_SCREENSHOT_STYLE.test(p));
const url = (p: string) => `${ctx.system.baseUrl}${p}`;

async function dossierState(id: string): Promise<{
  status: string;
  currentStep: { id: string } | null;
  history: { action: string; actor: { userId: string } }[];
}> {
  const res = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'admin.hanoi' });
  expect(res.status).toBe(200);
  return res.body;
}

(RUN ? describe : describe.skip)(`the officer app and the embed in Firefox${RUN ? '' : SKIPPED}`, () => {
  beforeAll(async () => {
    let appPage;
    [appPage, host] = await Promise.all([openAppPage(SCREENSHOTS, { browser: 'firefox' }), startHostServer()]);
    ({ browser, context, page, problems } = appPage);
    expect(browser.browserType().name()).toBe('firefox');
    // Two proposals the commune sent on: both wait for the district.
    dossierIds = [];
    for (const headName of HEAD_NAMES) {
      const data = proposalIn('HN-HD-HC');
      data.household.headName = headName;
      const created = await ctx.api.call('POST', '/api/dossiers', {
        as: 'xa.hacau',
        body: { processKey: 'housing-support-2024', data },
      });
      expect(created.status).toBe(201);
      expect(
        (
          await ctx.api.call('POST', `/api/dossiers/${created.body.id}/actions`, {
            as: 'xa.hacau',
            body: { action: 'submit' },
          })
        ).status,
      ).toBe(200);
      dossierIds.push(created.body.id);
    }
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await host?.close();
  });

  it('signs the district officer in and lists the dossiers waiting in the inbox', async () => {
    await page.goto(url('/'));
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await shot('01-login');
    await page.getByLabel('Tên đăng nhập').fill('quan.hadong');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ chờ xử lý' }).waitFor();
    for (const [i, id] of dossierIds.entries()) {
      const row = page.locator(`tr[data-dossier-id="${id}"]`);
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain(HEAD_NAMES[i]);
      await expect(row.textContent()).resolves.toContain('Thẩm định của huyện');
      await row.locator('[data-unit-code="HN-HD"][title]').waitFor(); // the processing unit, named
      await expect(row.locator('[data-unit-code="HN-HD"]').textContent()).resolves.toBe('Quận Hà Đông');
      await expect(row.locator('.app-badge').textContent()).resolves.toBe('Chưa đến hạn');
    }
    await expect(page.getByTestId('inbox-counts').textContent()).resolves.toMatch(/^Tổng số: 2 · /);
    await shot('02-inbox');
  });

  it('opens a dossier, renders its step form and approves it: the dossier moves on to the province', async () => {
    const id = dossierIds[0]!;
    await page.locator(`tr[data-dossier-id="${id}"]`).getByRole('link', { name: id }).click();
    await page.locator(`main[data-dossier-id="${id}"]`).waitFor();
    const panel = decisionPanel(page);
    // The district's review form, editable, with its fields labelled; the proposal before it, read-only.
    await field(panel, '/approvedAmount', 'step-district-review').waitFor();
    expect(await field(panel, '/approvedAmount', 'step-district-review').isEditable()).toBe(true);
    await panel.getByLabel('Đồng ý', { exact: true }).waitFor();
    const earlier = page.locator('details.app-earlier-step');
    await earlier.locator('summary').click();
    const headName = field(earlier, '/household/headName', 'earlier-proposal');
    expect(await headName.inputValue()).toBe(HEAD_NAMES[0]);
    expect(await headName.isEditable()).toBe(false);
    await expect(page.locator('.app-timeline-entry').count()).resolves.toBe(2);
    await shot('03-workspace');

    await fillHousingReview(panel);
    await panel.getByRole('button', { name: 'Đồng ý, trình tỉnh', exact: true }).click();
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.app-timeline-entry').length > 2);
    const after = await dossierState(id);
    expect(after).toMatchObject({ status: 'in_progress', currentStep: { id: 'province-approval' } });
    expect(after.history.at(-1)).toMatchObject({ action: 'approve', actor: { userId: 'quan.hadong' } });
    // The district has nothing more to decide on it: no action button is left.
    await expect(panel.locator('button[data-action="approve"]').count()).resolves.toBe(0);
    await shot('04-workspace-approved');
  });

  it('switches to English, keeps it across a reload, and back to Vietnamese', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: /^Summary/ }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.getByRole('link', { name: 'Inbox' }).click();
    const row = page.locator(`tr[data-dossier-id="${dossierIds[1]}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('District review');
    await shot('05-inbox-en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ chờ xử lý' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    // Only the other dossier still waits for the district.
    await expect(
      page
        .locator('tr[data-dossier-id]')
        .evaluateAll((rows) => rows.map((r: any) => r.getAttribute('data-dossier-id'))),
    ).resolves.toEqual([dossierIds[1]]);
    expect(appProblems()).toEqual([]);
  });

  it('renders the embed form in an iframe on a portal of another origin and sends the proposal', async () => {
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
    const api = ctx.system.baseUrl;
    await page.goto(
      `${host.origin}/iframe?src=${encodeURIComponent(`${api}/embed/form/${token.body.token}`)}&api=${encodeURIComponent(api)}`,
    );
    const frame = page.frameLocator('iframe#hoso');
    await frame.getByRole('heading', { name: 'Đề xuất hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo' }).waitFor();
    await field(frame, '/household/headName').waitFor();
    // The page hydrated the server's rendering: the form answers (it told the host it is ready).
    await page.waitForFunction(() =>
      ((globalThis as any).__hoso?.messages ?? []).some((m: { type: string }) => m.type === 'ready'),
    );
    await shot('06-embed-iframe');

    await fillHousingProposal(frame, { headName: 'Lê Thị Cúc', citizenId: '001185023457' });
    await frame.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    // The form tells the host how the sending ended: sent, or refused with the fields to correct.
    await page.waitForFunction(() =>
      ((globalThis as any).__hoso.messages as { type: string }[]).some(
        (m) => m.type === 'submitted' || m.type === 'validation-failed' || m.type === 'error',
      ),
    );
    const outcome = ((await page.evaluate('window.__hoso.messages')) as { type: string }[]).filter(
      (m) => m.type !== 'resize' && m.type !== 'ready',
    );
    expect(outcome).toEqual([expect.objectContaining({ type: 'submitted' })]);
    await frame.locator('.hoso-dossier-code').waitFor();
    const code = await frame.locator('.hoso-dossier-code').innerText();
    expect(code).toMatch(/^HN-HD-HC-\d{4}-\d{5}$/);
    expect(await dossierState(code)).toMatchObject({ status: 'received', currentStep: { id: 'proposal' } });
    await shot('07-embed-receipt');
    // No CSP refusal, no script error, in the app or the embed.
    expect(appProblems()).toEqual([]);
  });
});
