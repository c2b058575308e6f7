// Single sign-on against a real OpenID provider (oidc-provider in a child process, run-oidc-provider.mjs): its access
// tokens accepted by the API as the linked local user with the grants managed here, and refused when their
// signature, expiry, audience or issuer is wrong, when no administrator linked the account, and across a rotation
// of the provider's keys; refresh and revocation at the provider.
import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT, decodeJwt, type JWK } from 'jose';
import { createProviderKeys, fetchJson, OIDC_SCOPES, type OidcConfig } from '../../api/auth/oidc';
import { apiClient } from './support/api-client';
import { createOpenApiConformance } from './support/openapi-conformance';
import { newSigningKey, startOidcProvider, type OidcTestProvider } from './support/oidc/start-oidc-provider';
import { discover, signInAtProvider, tokenRequest } from './support/oidc/sign-in-at-provider';
import { startSystem, type TestSystem } from './support/start-system';
import { findFreePort } from '../../scripts/servers/find-free-port';

const AUDIENCE = 'https://hoso.test/api';
const OTHER_AUDIENCE = 'https://other.test/api';
const CLIENT_ID = 'hoso-web';
const REDIRECT_URI = 'http://127.0.0.1:1/oidc/callback';
const client = {
  client_id: CLIENT_ID,
  redirect_uris: [REDIRECT_URI],
  token_endpoint_auth_method: 'none' as const,
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
};
// quan.hadong (district officer) at the province's provider; a second person no administrator linked.
const officer = { sub: randomUUID(), username: 'nguyen.van.a', password: 'pw-officer-1' };
const stranger = { sub: randomUUID(), username: 'tran.thi.b', password: 'pw-stranger-1' };
const users = [officer, stranger];

let provider: OidcTestProvider;
let system: TestSystem;
let api: ReturnType<typeof apiClient>;
let config: OidcConfig;
/** The API's key-set clock, moved by hand only (the refetch cooldown passes without waiting), and its fetches. */
let keyClock = Date.now();
let keyFetches = 0;

const signIn = (who: { username: string; password: string }, resource?: string) =>
  signInAtProvider({
    issuer: provider.issuer,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    ...who,
    ...(resource ? { resource } : {}),
  });
const me = (token: string) => api.call('GET', '/api/me', { headers: { authorization: `Bearer ${token}` } });
/** A token signed with `key`, with the claims a real one from the provider has unless `claims` overrides them. */
const mint = async (key: JWK, claims: Record<string, unknown>) => {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: provider.issuer,
    aud: AUDIENCE,
    sub: officer.sub,
    preferred_username: officer.username,
    client_id: CLIENT_ID,
    iat: now - 60,
    exp: now + 600,
    ...claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: key.kid! })
    .sign(await importJWK(key, 'RS256'));
};

beforeAll(async () => {
  const port = await findFreePort();
  config = {
    issuer: `http://127.0.0.1:${port}`,
    clientId: CLIENT_ID,
    audience: AUDIENCE,
    usernameClaim: 'preferred_username',
    scopes: OIDC_SCOPES,
  };
  const keys = createProviderKeys({
    issuer: config.issuer,
    now: () => keyClock,
    fetchJson: (url) => {
      keyFetches += 1;
      return fetchJson(url);
    },
  });
  system = await startSystem({ oidc: { config, keys } });
  api = apiClient(system.baseUrl);
  provider = await startOidcProvider({ port, audiences: [AUDIENCE, OTHER_AUDIENCE], clients: [client], users });
  const link = await api.call('POST', '/api/admin/users/quan.hadong/oidc-link', {
    as: 'admin.hanoi',
    body: { subject: officer.username },
  });
  expect(link.status).toBe(200);
});

afterAll(async () => {
  await provider?.stop();
  await system?.close();
});

describe('single sign-on with the province provider', () => {
  it('advertises the provider to the sign-in page', async () => {
    const answer = await api.call('GET', '/api/auth/config');
    expect(answer.body).toEqual({ oidc: { issuer: provider.issuer, clientId: CLIENT_ID, scopes: OIDC_SCOPES } });
  });

  it("accepts the provider's access token as the linked officer, with the grants managed here", async () => {
    const tokens = await signIn(officer);
    expect(decodeJwt(tokens.access_token)).toMatchObject({ iss: provider.issuer, aud: AUDIENCE, sub: officer.sub });
    const answer = await me(tokens.access_token);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: 'quan.hadong',
      displayName: expect.any(String),
      displayNameEn: expect.stringContaining('Labour and Social Affairs'),
      grants: [{ role: 'district_officer', unitCode: 'HN-HD' }],
    });
    const inbox = await api.call('GET', '/api/inbox', { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(inbox.status).toBe(200);
  });

  it('refuses an account no administrator linked with 403 "account not enabled here", in both languages', async () => {
    const tokens = await signIn(stranger);
    const answer = await me(tokens.access_token);
    expect(answer).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(answer.body.error.message).toMatch(/chưa được kích hoạt/);
    const english = await api.call('GET', '/api/me', {
      headers: { authorization: `Bearer ${tokens.access_token}`, 'accept-language': 'en' },
    });
    expect(english.body.error.message).toMatch(/not enabled here/);
    // The answer conforms to the document (403 on an authenticated route), and names nobody.
    const conformance = createOpenApiConformance((await api.call('GET', '/openapi.json')).body);
    conformance.check('GET', '/api/me', answer);
    expect(conformance.problems()).toEqual([]);
    expect(JSON.stringify(answer.body)).not.toContain(stranger.username);
  });

  it('refuses an inactive linked user', async () => {
    const tokens = await signIn(officer);
    await api.call('POST', '/api/admin/users/quan.hadong/deactivate', { as: 'admin.hanoi' });
    try {
      expect((await me(tokens.access_token)).status).toBe(401);
    } finally {
      await api.call('POST', '/api/admin/users/quan.hadong/activate', { as: 'admin.hanoi' });
    }
    expect((await me(tokens.access_token)).status).toBe(200);
  });

  it('refuses a wrong signature, an expired token, a wrong audience and a wrong issuer with 401', async () => {
    const real = (await signIn(officer)).access_token;
    // The same claims signed by another key that claims the provider's kid; the real token with its payload changed.
    const impostor = { ...(await newSigningKey()), kid: provider.signingKey.kid! };
    expect((await me(await mint(impostor, {}))).status).toBe(401);
    const [header, , signature] = real.split('.');
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(real), sub: stranger.sub })).toString('base64url');
    expect((await me(`${header}.${forged}.${signature}`)).status).toBe(401);
    // Signed by the provider's own key, one claim wrong at a time (the control: all right is accepted).
    const now = Math.floor(Date.now() / 1000);
    expect((await me(await mint(provider.signingKey, {}))).status).toBe(200);
    const expired = await me(await mint(provider.signingKey, { exp: now - 60 }));
    expect(expired).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect((await me(await mint(provider.signingKey, { exp: now + 10, nbf: now + 120 }))).status).toBe(401);
    expect((await me(await mint(provider.signingKey, { aud: OTHER_AUDIENCE }))).status).toBe(401);
    expect((await me(await mint(provider.signingKey, { iss: 'https://evil.test' }))).status).toBe(401);
    // The real provider's token for another audience (resource indicator), and its ID token (aud = the client).
    const other = await signIn(officer, OTHER_AUDIENCE);
    expect(decodeJwt(other.access_token).aud).toBe(OTHER_AUDIENCE);
    expect((await me(other.access_token)).status).toBe(401);
    expect((await me(other.id_token!)).status).toBe(401);
  });

  it('refuses a token of another provider that calls itself by this issuer, signed with its own key', async () => {
    const pretender = await startOidcProvider({
      issuer: provider.issuer,
      audiences: [AUDIENCE],
      clients: [client],
      users,
    });
    try {
      const endpoints = await discover(provider.issuer);
      expect(endpoints.token_endpoint).toContain(provider.issuer);
      const key = pretender.signingKey;
      expect((await me(await mint(key, {}))).status).toBe(401);
    } finally {
      await pretender.stop();
    }
  });

  it('follows a key rotation: the JWKS refetched for an unknown kid, at most once per cooldown; old tokens refused', async () => {
    const before = (await signIn(officer)).access_token;
    expect((await me(before)).status).toBe(200);
    await provider.rotateKeys();
    const after = (await signIn(officer)).access_token;
    expect(decodeJwt(after)).toMatchObject({ sub: officer.sub });
    const fetched = keyFetches;
    // Within the cooldown of the last fetch an unknown kid is refused without asking the provider again...
    expect((await me(after)).status).toBe(401);
    expect(keyFetches).toBe(fetched);
    // ...and once it has passed, the new set is fetched (once) and the new token accepted.
    keyClock += 30_000;
    expect((await me(after)).status).toBe(200);
    expect(keyFetches).toBe(fetched + 1);
    // The old key is gone from the provider's set: its token is refused, within the cooldown and after a refetch.
    expect((await me(before)).status).toBe(401);
    expect(keyFetches).toBe(fetched + 1);
    keyClock += 30_000;
    expect((await me(before)).status).toBe(401);
    expect(keyFetches).toBe(fetched + 2);
  });

  it('refreshes at the provider to a working access token, and a revoked refresh token no longer works', async () => {
    const tokens = await signIn(officer);
    const endpoints = await discover(provider.issuer);
    const refreshed = await tokenRequest(endpoints.token_endpoint, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      client_id: CLIENT_ID,
    });
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect((await me(refreshed.access_token)).status).toBe(200);
    const current = refreshed.refresh_token ?? tokens.refresh_token!;
    const revoked = await fetch(endpoints.revocation_endpoint!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: current, token_type_hint: 'refresh_token', client_id: CLIENT_ID }).toString(),
    });
    expect(revoked.status).toBe(200);
    await expect(
      tokenRequest(endpoints.token_endpoint, {
        grant_type: 'refresh_token',
        refresh_token: current,
        client_id: CLIENT_ID,
      }),
    ).rejects.toMatchObject({ body: { error: 'invalid_grant' } });
  });

  it('links an account once: another user linked to it is 409 oidc_taken, and unlinking ends its access', async () => {
    const taken = await api.call('POST', '/api/admin/users/xa.hacau/oidc-link', {
      as: 'admin.hanoi',
      body: { subject: officer.username },
    });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'oidc_taken' } } });
    const tokens = await signIn(officer);
    await api.call('POST', '/api/admin/users/quan.hadong/oidc-link', { as: 'admin.hanoi', body: { subject: null } });
    expect((await me(tokens.access_token)).status).toBe(403);
    const events = await api.call('GET', '/api/admin/events', { as: 'admin.hanoi' });
    expect(events.body.items.filter((e: { kind: string }) => e.kind === 'user.oidc_link')).toHaveLength(2);
  });
});
