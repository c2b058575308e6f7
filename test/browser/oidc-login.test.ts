// Single sign-on in Chromium against a real OpenID provider (oidc-provider in a child process): the sign-in page's
// province button, the provider's own sign-in form, back in the app as the linked officer with their inbox, the
// session's access token refreshed before it expires, and logout at the provider (refresh token revoked, then the
// provider's end-session page, back to the app's sign-in page).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { OIDC_SCOPES } from '../../api/auth/oidc';
import { findFreePort } from '../../scripts/servers/find-free-port';
import { apiClient } from '../integration/support/api-client';
import { discover, tokenRequest } from '../integration/support/oidc/sign-in-at-provider';
import { startOidcProvider, type OidcTestProvider } from '../integration/support/oidc/start-oidc-provider';
import { startSystem, type TestSystem } from '../integration/support/start-system';
import { openAppPage, type AppPage } from './support/open-app-page';

const screenshots = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'oidc');
const AUDIENCE = 'https://hoso.test/api';
const officer = { sub: randomUUID(), username: 'nguyen.van.a', password: 'pw-officer-1' };
const stranger = { sub: randomUUID(), username: 'tran.thi.b', password: 'pw-stranger-1' };

let provider: OidcTestProvider;
let system: TestSystem;
let app: AppPage;
/** The provider's answers to the page, `METHOD /path status`. */
const providerAnswers: string[] = [];

beforeAll(async () => {
  const port = await findFreePort();
  const issuer = `http://127.0.0.1:${port}`;
  system = await startSystem({
    oidc: {
      config: {
        issuer,
        clientId: 'hoso-web',
        audience: AUDIENCE,
        usernameClaim: 'preferred_username',
        scopes: OIDC_SCOPES,
      },
    },
  });
  provider = await startOidcProvider({
    port,
    audiences: [AUDIENCE],
    clients: [
      {
        client_id: 'hoso-web',
        redirect_uris: [`${system.baseUrl}/oidc/callback`],
        post_logout_redirect_uris: [`${system.baseUrl}/login`],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    users: [officer, stranger],
  });
  const link = await apiClient(system.baseUrl).call('POST', '/api/admin/users/quan.hadong/oidc-link', {
    as: 'admin.hanoi',
    body: { subject: officer.username },
  });
  expect(link.status).toBe(200);
  app = await openAppPage(screenshots);
  app.page.on('response', (r) => {
    if (r.url().startsWith(provider.issuer))
      providerAnswers.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
  });
});

afterAll(async () => {
  await app?.browser.close();
  await provider?.stop();
  await system?.close();
});

/** The page's Storage (read in the page; the tests compile without DOM types). */
interface PageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
type PageGlobal = { localStorage: PageStorage };

const storedSession = (page = app.page) =>
  page.evaluate(() =>
    JSON.parse((globalThis as unknown as PageGlobal).localStorage.getItem('hoso-app-session') ?? 'null'),
  ) as Promise<{
    token: string;
    expiresAt: string;
    user: { id: string };
    oidc?: { refreshToken?: string; idToken?: string };
  } | null>;

const signInAtProvince = async (who: { username: string; password: string }, page = app.page) => {
  await page.goto(`${system.baseUrl}/`);
  await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản một cửa của tỉnh' }).click();
  await page.waitForURL((url) => url.origin === new URL(provider.issuer).origin);
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

describe('single sign-on in the officer app', () => {
  it('signs in at the province provider, lands as the linked officer with their inbox, and logs out there', async () => {
    const { page } = app;
    await page.goto(`${system.baseUrl}/`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'login-with-sso.png') });
    await signInAtProvince(officer);

    await page.getByRole('heading', { name: 'Hồ sơ chờ xử lý' }).waitFor();
    expect(new URL(page.url()).origin).toBe(system.baseUrl);
    const displayName = (await system.models.User.findById('quan.hadong').lean())!.displayName;
    await expect(page.locator('.app-user-name').textContent()).resolves.toBe(displayName);
    const session = await storedSession();
    expect(session).toMatchObject({ user: { id: 'quan.hadong' } });
    expect(session!.token.split('.')).toHaveLength(3); // the provider's JWT access token, not a local session
    expect(session!.oidc?.refreshToken).toEqual(expect.any(String));
    await page.screenshot({ path: path.join(screenshots, 'inbox.png') });

    // The refresh before expiry: the stored expiry moved to now, so the app refreshes at once.
    await page.evaluate(() => {
      const storage = (globalThis as unknown as PageGlobal).localStorage;
      const stored = JSON.parse(storage.getItem('hoso-app-session')!);
      storage.setItem(
        'hoso-app-session',
        JSON.stringify({ ...stored, expiresAt: new Date(Date.now() + 61_000).toISOString() }),
      );
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Hồ sơ chờ xử lý' }).waitFor();
    await page.waitForFunction(
      (old) =>
        JSON.parse((globalThis as unknown as PageGlobal).localStorage.getItem('hoso-app-session') ?? '{}').token !==
        old,
      session!.token,
    );
    const refreshed = (await storedSession())!;
    expect(Date.parse(refreshed.expiresAt)).toBeGreaterThan(Date.now() + 30 * 60_000);
    const me = await fetch(`${system.baseUrl}/api/me`, { headers: { authorization: `Bearer ${refreshed.token}` } });
    expect(me.status).toBe(200);

    // Logout: the refresh token revoked at the provider, then its end-session page, then back to the sign-in page.
    providerAnswers.length = 0;
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.origin === new URL(provider.issuer).origin);
    await page.getByRole('button', { name: /sign me out/i }).click();
    await page.waitForURL(`${system.baseUrl}/login`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await storedSession()).toBeNull();
    expect(providerAnswers).toEqual(expect.arrayContaining(['POST /token/revocation 200', 'GET /session/end 200']));
    const { token_endpoint } = await discover(provider.issuer);
    await expect(
      tokenRequest(token_endpoint, {
        grant_type: 'refresh_token',
        refresh_token: refreshed.oidc!.refreshToken!,
        client_id: 'hoso-web',
      }),
    ).rejects.toMatchObject({ body: { error: 'invalid_grant' } });
    expect(app.problems).toEqual([]);
  });

  it('tells a person whose account no administrator linked that it is not enabled here', async () => {
    const context = await app.browser.newContext({ locale: 'vi-VN', viewport: { width: 1200, height: 900 } });
    try {
      const page = await context.newPage();
      await signInAtProvince(stranger, page);
      await page.getByRole('alert').filter({ hasText: 'chưa được kích hoạt' }).waitFor();
      expect(await storedSession(page)).toBeNull();
      await page.screenshot({ path: path.join(screenshots, 'not-enabled.png') });
    } finally {
      await context.close();
    }
  });
});
