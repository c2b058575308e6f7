// The officer app's session in Debian's Chromium against a real system whose access tokens live 30 seconds: an
// expired access token is refreshed without the person noticing — before a call once it is about to expire, by one
// request that the page's concurrent calls share, and after a call's 401 — and "Đăng xuất" ends the session on the
// server, so the tokens the page held are refused afterwards.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import type { Session } from '../../web/app/session/session-store';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage, type AppPage } from './support/open-app-page';

// Long enough that the second phase below (about 5 s, more on a loaded machine) ends well before the new token comes
// within the app's proactive-refresh margin (REFRESH_MARGIN_MS, 5 s): with 10 s tokens, a slow run refreshed a third
// time before its last call, and the exact count failed.
const ACCESS_SECONDS = 30;
const ctx = useTestSystem(undefined, { signIn: { accessTokenSeconds: ACCESS_SECONDS } });
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'session');

let app: AppPage;
let page: Page;
/** Requests to POST /api/auth/refresh the page has sent. */
let refreshes = 0;
/** The page's API calls answered 401 (outside the auth routes): each is to be cured by a refresh. */
let unauthorized = 0;

beforeAll(async () => {
  app = await openAppPage(SCREENSHOTS);
  page = app.page;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/auth/refresh') refreshes += 1;
  });
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (response.status() === 401 && pathname.startsWith('/api/') && !pathname.startsWith('/api/auth/')) {
      unauthorized += 1;
    }
  });
});
afterAll(async () => {
  await app?.context.close();
  await app?.browser.close();
});

const stored = async (): Promise<Session | null> =>
  page.evaluate(() => {
    // Read in the page; the tests compile without DOM types.
    const storage = (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage;
    const raw = storage.getItem('hoso-app-session');
    return raw ? (JSON.parse(raw) as Session) : null;
  });
const me = (token: string) => ctx.api.call('GET', '/api/me', { headers: { authorization: `Bearer ${token}` } });
const refresh = (refreshToken: string) => ctx.api.call('POST', '/api/auth/refresh', { body: { refreshToken } });
const inboxShown = () => page.getByRole('heading', { name: 'Hồ sơ chờ xử lý' }).waitFor();
/** The next refresh's successful answer (start waiting before the action that causes it). */
const refreshAnswered = () => page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/refresh' && r.ok());
/** The stored session once its access token is no longer `token` (the app stores a refresh after its answer). */
async function storedOtherThan(token: string): Promise<Session> {
  for (let tries = 0; ; tries += 1) {
    const now = await stored();
    if (now && now.token !== token) return now;
    expect(tries).toBeLessThan(100);
    await page.waitForTimeout(100);
  }
}

describe('the officer app session', () => {
  it('refreshes an expired access token transparently, with one request for the page’s concurrent calls', async () => {
    await page.goto(`${ctx.system.baseUrl}/`);
    await page.getByLabel('Tên đăng nhập').fill('quan.hadong');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await inboxShown();
    const first = (await stored())!;
    expect(first.refreshToken).toEqual(expect.any(String));
    expect(refreshes).toBe(0);

    // Wait until the access token is past its life, then reload: the inbox, its counts, the notifications and the
    // units all ask at once, and share one refresh.
    await page.waitForTimeout(Math.max(0, Date.parse(first.expiresAt) - Date.now()) + 500);
    expect((await me(first.token)).status).toBe(401);
    const firstRefresh = refreshAnswered();
    await page.reload();
    await inboxShown();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await firstRefresh;
    const second = await storedOtherThan(first.token);
    expect(new URL(page.url()).pathname).not.toBe('/login');
    expect(refreshes).toBe(1);
    expect(second.token).not.toBe(first.token);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // The session was not ended by a second use of the spent refresh token.
    expect(await ctx.system.models.Session.countDocuments({ userId: 'quan.hadong' })).toBe(1);

    // The server ends the access token early (as if its clock ran ahead): the next call's 401 is cured by a refresh.
    const unauthorizedBefore = unauthorized;
    await ctx.system.models.Session.updateOne(
      { userId: 'quan.hadong' },
      { $set: { accessExpiresAt: new Date(Date.now() - 1000) } },
    );
    // The headings show before the data: the refresh's answer, and the session it stores, are waited for.
    const refreshed = refreshAnswered();
    await page.getByRole('link', { name: 'Theo dõi hạn xử lý' }).click();
    await page.getByRole('link', { name: 'Hộp hồ sơ' }).click();
    await inboxShown();
    await refreshed;
    const third = await storedOtherThan(second.token);
    expect(new URL(page.url()).pathname).not.toBe('/login');
    expect(refreshes).toBe(2);
    // The refresh came from a call's 401, not from the token nearing its expiry.
    expect(unauthorized).toBeGreaterThan(unauthorizedBefore);
    expect(third.token).not.toBe(second.token);
    expect((await me(third.token)).status).toBe(200);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'refreshed.png'), fullPage: true });
  });

  it('signs out on the server: the tokens the page held are refused afterwards', async () => {
    const held = (await stored())!;
    expect((await me(held.token)).status).toBe(200);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(await stored()).toBeNull();
    expect((await me(held.token)).status).toBe(401);
    expect((await refresh(held.refreshToken!)).status).toBe(401);
    expect(await ctx.system.models.Session.countDocuments({ userId: 'quan.hadong' })).toBe(0);
    // Only the refusals the test caused (the 401s cured by a refresh): no CSP violation, no script error.
    expect(app.problems.filter((p) => !/status of 401 \(Unauthorized\)/.test(p))).toEqual([]);
  });

  it('a page left right after "Đăng xuất", while a call is on its way, finds nobody signed in, and the server ended the session', async () => {
    await page.goto(`${ctx.system.baseUrl}/`);
    await page.getByLabel('Tên đăng nhập').fill('quan.hadong');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await inboxShown();
    const held = (await stored())!;
    // The SLA page's calls are held, so signing out waits for them (SIGN_OUT_WAIT_MS) when the page is reloaded.
    let release: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => (release = resolve));
    const sla = /\/api\/sla\b/;
    await page.route(sla, (route) => holding.then(() => route.continue()).catch(() => undefined));
    const slaAsked = page.waitForRequest(sla);
    await page.getByRole('link', { name: 'Theo dõi hạn xử lý' }).click();
    await slaAsked;
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(await stored()).toBeNull();
    // The logout left with the page (keepalive): the tokens are refused without the held calls ever being answered.
    for (let tries = 0; (await me(held.token)).status !== 401; tries += 1) {
      expect(tries).toBeLessThan(50);
      await page.waitForTimeout(100);
    }
    expect((await refresh(held.refreshToken!)).status).toBe(401);
    expect(await ctx.system.models.Session.countDocuments({ userId: 'quan.hadong' })).toBe(0);
    release();
    await page.unroute(sla);
  });
});
