// Local sign-in and sessions against the real system (issue 13): throttling per account and per client address
// with Retry-After, lockout and its admin unlock, one answer for every kind of failure, rotating refresh tokens
// with reuse detection, logout and sign-out everywhere, and old password hashes upgraded at sign-in.
import { randomBytes, scryptSync } from 'node:crypto';
import { createSessionTokens } from '../../api/auth/create-session-tokens';
import { TEST_SCRYPT_PARAMS } from '../../api/auth/hash-password';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import type { ApiResponse } from './support/api-client';
import { useTestSystem } from './support/use-test-system';

const WINDOW_SECONDS = 3600;
const PER_ACCOUNT = 3;
const PER_ADDRESS = 6;
const LOCK_AFTER = 5;
const ctx = useTestSystem(undefined, {
  signIn: {
    throttleWindowSeconds: WINDOW_SECONDS,
    failuresPerAccount: PER_ACCOUNT,
    failuresPerAddress: PER_ADDRESS,
    lockAfterFailures: LOCK_AFTER,
  },
});

/** Each test signs in from addresses of its own (the API trusts X-Forwarded-For from loopback): counts stay apart. */
let nextAddress = 10;
const newAddress = () => `198.51.100.${nextAddress++}`;

const login = (username: string, password: string, address: string, lang = 'vi') =>
  ctx.api.call('POST', '/api/auth/login', {
    body: { username, password },
    headers: { 'x-forwarded-for': address, 'accept-language': lang },
  });
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const me = (token: string) => ctx.api.call('GET', '/api/me', bearer(token));
const refresh = (refreshToken: string) => ctx.api.call('POST', '/api/auth/refresh', { body: { refreshToken } });
/** What a client can compare between two answers: status, body and the headers that could tell them apart. */
const visible = (res: ApiResponse) => ({
  status: res.status,
  body: res.body,
  cacheControl: res.headers.get('cache-control'),
  retryAfter: res.headers.get('retry-after'),
});

/**
 * Fixed windows restart on the hour: a scenario that counts failures waits, if need be, until its run cannot
 * straddle the boundary (at most a minute, once an hour), so no count is split across two windows.
 */
async function awayFromWindowEdge(): Promise<void> {
  const left = WINDOW_SECONDS * 1000 - (Date.now() % (WINDOW_SECONDS * 1000));
  if (left < 60_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}
/** As if the window ended: the stored per-account counts are removed (the lock, on the user, stays). */
const endAccountWindows = () => ctx.system.models.RateWindow.deleteMany({ _id: /^login-account:/ });

describe('failed sign-ins', () => {
  beforeEach(awayFromWindowEdge);

  it('are throttled per account with Retry-After before the password is checked, in Vietnamese or English', async () => {
    const from = newAddress();
    for (let i = 0; i < PER_ACCOUNT; i++) expect((await login('xa.dongmai', 'sai-mat-khau', from)).status).toBe(401);
    // Over the limit even with the right password, and from another address: the account is what is counted.
    const refused = await login('xa.dongmai', DEMO_PASSWORD, newAddress());
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(refused.body.error).toEqual({
      code: 'too_many_attempts',
      message: expect.stringMatching(/^Đăng nhập sai quá nhiều lần; vui lòng thử lại sau \d+ giây$/),
      fields: [],
    });
    const english = await login('xa.dongmai', DEMO_PASSWORD, from, 'en');
    expect(english.status).toBe(429);
    expect(english.body.error.message).toMatch(/^Too many failed sign-ins; try again in \d+ seconds$/);
    // Once the window is over the right password works, and resets the account's consecutive failures.
    await endAccountWindows();
    expect((await login('xa.dongmai', DEMO_PASSWORD, from)).status).toBe(200);
    expect((await ctx.system.models.User.findById('xa.dongmai').lean())?.failedLogins).toBe(0);
  });

  it('sent at once past the limit are counted before any is checked: only the limit’s worth get a password check', async () => {
    const answers = await Promise.all(
      Array.from({ length: PER_ACCOUNT + 3 }, (_, i) => login('lanhdao.hanoi', `sai-dong-thoi-${i}`, newAddress())),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(PER_ACCOUNT).fill(401), ...Array(3).fill(429)]);
    await endAccountWindows();
    expect((await login('lanhdao.hanoi', DEMO_PASSWORD, newAddress())).status).toBe(200);
  });

  it('are throttled per client address across usernames, and the same account still signs in from elsewhere', async () => {
    const from = newAddress();
    for (let i = 0; i < PER_ADDRESS; i++) {
      expect((await login(`khong.co.${i}`, 'sai-mat-khau', from)).status).toBe(401);
    }
    const refused = await login('xa.duongnoi', DEMO_PASSWORD, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login('xa.duongnoi', DEMO_PASSWORD, newAddress())).status).toBe(200);
  });

  it('lock the account after consecutive failures, answered like any failure, until an administrator unlocks it', async () => {
    const user = 'xa.biengiang';
    let failures = 0;
    while (failures < LOCK_AFTER) {
      for (let i = 0; i < PER_ACCOUNT && failures < LOCK_AFTER; i++, failures++) {
        expect((await login(user, `sai-${failures}`, newAddress())).status).toBe(401);
      }
      await endAccountWindows();
    }
    const stored = await ctx.system.models.User.findById(user).lean();
    expect(stored).toMatchObject({ failedLogins: LOCK_AFTER, lockedAt: expect.any(Date) });
    // The right password is refused exactly as an unknown user is: nothing tells the account is locked.
    const locked = await login(user, DEMO_PASSWORD, newAddress());
    const unknown = await login('khong.ton.tai', DEMO_PASSWORD, newAddress());
    expect(locked.status).toBe(401);
    expect(visible(locked)).toEqual(visible(unknown));
    await endAccountWindows();

    const listed = await ctx.api.call('GET', `/api/admin/users?q=${user}`, { as: 'admin.hanoi' });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: user, locked: true, active: true })]);
    const notAdmin = await ctx.api.call('POST', `/api/admin/users/${user}/unlock`, { as: 'xa.hacau' });
    expect(notAdmin.status).toBe(403);
    const unlocked = await ctx.api.call('POST', `/api/admin/users/${user}/unlock`, { as: 'admin.hanoi' });
    expect(unlocked).toMatchObject({ status: 200, body: { id: user, locked: false } });
    // A second unlock changes nothing and is not audited again.
    expect((await ctx.api.call('POST', `/api/admin/users/${user}/unlock`, { as: 'admin.hanoi' })).status).toBe(200);
    const events = (await ctx.api.call('GET', '/api/admin/events', { as: 'admin.hanoi' })).body.items.filter(
      (e: { target: string }) => e.target === user,
    );
    expect(events.map((e: { kind: string; by: string }) => `${e.kind} by ${e.by}`)).toEqual([
      'user.unlock by admin.hanoi',
    ]);
    expect((await login(user, DEMO_PASSWORD, newAddress())).status).toBe(200);
    expect(await ctx.system.models.User.findById(user).lean()).toMatchObject({ failedLogins: 0, lockedAt: null });
  });

  it('get one answer for an unknown user, a wrong password and an inactive account', async () => {
    await ctx.system.models.User.updateOne({ _id: 'xa2025.kienhung' }, { $set: { active: false } });
    const answers = [
      await login('khong.ai.ca', 'mat-khau-bat-ky', newAddress()),
      await login('xa2025.hadong', 'mat-khau-bat-ky', newAddress()),
      await login('xa2025.kienhung', DEMO_PASSWORD, newAddress()),
    ].map(visible);
    expect(answers[0]).toEqual({
      status: 401,
      body: { error: { code: 'unauthorized', message: 'Sai tên đăng nhập hoặc mật khẩu', fields: [] } },
      cacheControl: 'no-store',
      retryAfter: null,
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});

describe('sessions', () => {
  it('hand out a short access token and a refresh token, both refused after logout', async () => {
    const signedIn = await login('xa.yennghia', DEMO_PASSWORD, newAddress());
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    const { token, expiresAt, refreshToken, refreshExpiresAt } = signedIn.body;
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(13);
    expect(minutes).toBeLessThanOrEqual(15);
    const hours = (Date.parse(refreshExpiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    // Only digests are stored.
    const stored = JSON.stringify(await ctx.system.models.Session.find({ userId: 'xa.yennghia' }).lean());
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(refreshToken);

    expect((await me(token)).status).toBe(200);
    const out = await ctx.api.call('POST', '/api/auth/logout', bearer(token));
    expect(out.status).toBe(204);
    expect(out.headers.get('cache-control')).toBe('no-store');
    // The sign-in and the sign-out are in the audit trail's security events (docs/audit.md).
    const events = await ctx.system.models.SecurityEvent.find({ userId: 'xa.yennghia' }).sort({ at: 1 }).lean();
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['login', 'logout']));
    expect(events.map((e) => e.kind).lastIndexOf('logout')).toBeGreaterThan(events.map((e) => e.kind).indexOf('login'));
    expect((await me(token)).status).toBe(401);
    expect((await refresh(refreshToken)).status).toBe(401);
    expect((await ctx.api.call('POST', '/api/auth/logout', bearer(token))).status).toBe(401);
  });

  it('rotate both tokens on refresh, within the session’s absolute life', async () => {
    const first = (await login('xa.phuluong', DEMO_PASSWORD, newAddress())).body;
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(second.body).toMatchObject({ user: { id: 'xa.phuluong' }, refreshExpiresAt: first.refreshExpiresAt });
    expect(second.body.token).not.toBe(first.token);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await me(first.token)).status).toBe(401);
    expect((await me(second.body.token)).status).toBe(200);
    // An expired access token is refused, and the refresh token gives a working one.
    await ctx.system.models.Session.updateOne(
      { userId: 'xa.phuluong' },
      { $set: { accessExpiresAt: new Date(Date.now() - 1000) } },
    );
    expect((await me(second.body.token)).status).toBe(401);
    const third = await refresh(second.body.refreshToken);
    expect((await me(third.body.token)).status).toBe(200);
    // A session past its absolute life cannot be refreshed.
    await ctx.system.models.Session.updateOne(
      { userId: 'xa.phuluong' },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    expect((await refresh(third.body.refreshToken)).status).toBe(401);
    expect((await me(third.body.token)).status).toBe(401);
  });

  it('end the whole session when a spent refresh token is presented again', async () => {
    const first = (await login('xa2025.yennghia', DEMO_PASSWORD, newAddress())).body;
    const second = (await refresh(first.refreshToken)).body;
    const stolen = await refresh(first.refreshToken);
    expect(stolen).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    // Neither the thief's nor the owner's newer tokens work any more.
    expect((await me(second.token)).status).toBe(401);
    expect((await refresh(second.refreshToken)).status).toBe(401);
    expect(await ctx.system.models.Session.countDocuments({ userId: 'xa2025.yennghia' })).toBe(0);
  });

  it('all end when an administrator signs the user out everywhere, which is audited', async () => {
    const user = 'xa2025.phuluong';
    const a = (await login(user, DEMO_PASSWORD, newAddress())).body;
    const b = (await login(user, DEMO_PASSWORD, newAddress())).body;
    expect((await me(a.token)).status).toBe(200);
    const other = (await login('xa2025.duongnoi', DEMO_PASSWORD, newAddress())).body;
    const refused = await ctx.api.call('POST', `/api/admin/users/${user}/sessions/revoke`, { as: 'xa.hacau' });
    expect(refused.status).toBe(403);
    const revoked = await ctx.api.call('POST', `/api/admin/users/${user}/sessions/revoke`, { as: 'admin.hanoi' });
    expect(revoked).toMatchObject({ status: 200, body: { id: user, active: true, locked: false } });
    for (const session of [a, b]) {
      expect((await me(session.token)).status).toBe(401);
      expect((await refresh(session.refreshToken)).status).toBe(401);
    }
    expect((await me(other.token)).status).toBe(200);
    const events = (await ctx.api.call('GET', '/api/admin/events', { as: 'admin.hanoi' })).body.items.filter(
      (e: { target: string }) => e.target === user,
    );
    expect(events).toEqual([
      expect.objectContaining({ kind: 'user.sessions_revoke', by: 'admin.hanoi', details: { sessions: 2 } }),
    ]);
    expect((await login(user, DEMO_PASSWORD, newAddress())).status).toBe(200);
  });

  it('past their absolute life are removed when a session is opened', async () => {
    let clock = Date.now();
    const sessions = createSessionTokens({
      models: ctx.system.models,
      settings: { accessTokenSeconds: 60, sessionHours: 1 },
      now: () => new Date(clock),
    });
    const old = await sessions.open('lanhdao.hadong');
    await ctx.system.models.Session.updateOne(
      { userId: 'lanhdao.hadong' },
      { $set: { expiresAt: new Date(clock - 1000) } },
    );
    // The sweep runs at most once a minute per process, beside the sign-in that starts it.
    clock += 61_000;
    await sessions.open('lanhdao.hadong');
    const left = async () => ctx.system.models.Session.countDocuments({ userId: 'lanhdao.hadong' });
    for (let i = 0; i < 100 && (await left()) > 1; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await left()).toBe(1);
    expect(await sessions.resolve(old.token)).toBeUndefined();
  });
});

describe('passwords', () => {
  it("made with the old scrypt parameters are verified and hashed again at the next sign-in, at the app's cost", async () => {
    const salt = randomBytes(16);
    const legacy = `scrypt$${salt.toString('hex')}$${scryptSync('mat-khau-cu-rat-dai', salt, 32).toString('hex')}`;
    await ctx.system.models.User.updateOne({ _id: 'quy.hadong' }, { $set: { passwordHash: legacy } });
    expect((await login('quy.hadong', 'mat-khau-cu-rat-dai', newAddress())).status).toBe(200);
    const upgraded = (await ctx.system.models.User.findById('quy.hadong').lean())!.passwordHash;
    // The test system's app hashes at TEST_SCRYPT_PARAMS (production: SCRYPT_PARAMS, N = 131072).
    expect(upgraded).toMatch(new RegExp(`^scrypt\\$${TEST_SCRYPT_PARAMS.N}\\$8\\$1\\$[0-9a-f]{32}\\$[0-9a-f]{64}$`));
    expect((await login('quy.hadong', 'mat-khau-cu-rat-dai', newAddress())).status).toBe(200);
    expect((await login('quy.hadong', 'mat-khau-khac', newAddress())).status).toBe(401);
  });

  it('set by an administrator need 12 characters and must not be the username, refused at the field', async () => {
    const create = (username: string, password: string) =>
      ctx.api.call('POST', '/api/admin/users', {
        as: 'admin.hanoi',
        headers: { 'accept-language': 'en' },
        body: {
          username,
          displayName: 'Cán bộ thử',
          password,
          grants: [{ role: 'commune_officer', unitCode: 'HN-HD-HC' }],
        },
      });
    const short = await create('nv.ngan', 'ngan-qua-11');
    expect(short.status).toBe(422);
    expect(short.body.error.fields).toEqual([expect.objectContaining({ path: '/password', keyword: 'minLength' })]);
    const same = await create('nv.trung.ten', 'NV.Trung.Ten');
    expect(same.status).toBe(422);
    expect(same.body.error.fields).toEqual([
      { path: '/password', keyword: 'notUsername', message: 'the password must not be the username' },
    ]);
    expect(await ctx.system.models.User.countDocuments({ _id: { $in: ['nv.ngan', 'nv.trung.ten'] } })).toBe(0);
    expect((await create('nv.ten.du.dai.12', 'mot-mat-khau-du-dai')).status).toBe(201);
    const reset = await ctx.api.call('POST', '/api/admin/users/nv.ten.du.dai.12/password', {
      as: 'admin.hanoi',
      body: { password: 'nv.ten.du.dai.12' },
    });
    expect(reset.status).toBe(422);
    expect(reset.body.error.fields).toEqual([
      { path: '/password', keyword: 'notUsername', message: 'Mật khẩu không được trùng với tên đăng nhập' },
    ]);
  });
});
