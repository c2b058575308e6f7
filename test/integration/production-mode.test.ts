import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { startLauncher, type Launcher } from '../faults/start-launcher';
import { apiClient } from './support/api-client';

/**
 * The launcher (scripts/start.ts, as `npm start` and `npm run demo` run it) on a temporary data folder and free
 * ports: production refuses to start without proper secrets or a first administrator, and creates that
 * administrator from the environment; demo mode seeds the demo accounts and keeps its signing key in a file.
 */
const KEYS = `k2:${randomBytes(32).toString('hex')} k1:${randomBytes(32).toString('hex')}`;
const STRONG = 'Xuân-2026!quản-trị-HN';
const PRODUCTION = { HOSO_MODE: 'production', HOSO_SLA_RECONCILE_INTERVAL_MINUTES: '0' };

let launcher: Launcher | undefined;
afterEach(async () => {
  await launcher?.stop();
  launcher = undefined;
});

/** The launcher's refusal: it exits with code 1 before it is ready, saying why. */
async function refusal(env: NodeJS.ProcessEnv): Promise<string> {
  const error: unknown = await startLauncher({ ...PRODUCTION, ...env }, 180_000, 'hoso-mode-').then(
    (started) => {
      launcher = started;
      throw new Error('the launcher started');
    },
    (e: unknown) => e,
  );
  const message = error instanceof Error ? error.message : String(error);
  expect(message).toContain('exited with code 1');
  return message;
}

const passwordFile = (password: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'hoso-secret-')), 'admin-password');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return file;
};

async function withDatabase<T>(uri: string, use: (db: mongoose.Connection) => Promise<T>): Promise<T> {
  const db = await mongoose.createConnection(uri).asPromise();
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

describe('production mode', () => {
  it.each([
    ['without embed signing keys', {}, /production needs HOSO_EMBED_SIGNING_KEYS/],
    ['with a key shorter than 32 bytes', { HOSO_EMBED_SIGNING_KEYS: 'k1:short-secret' }, /"k1"\) is shorter than 32/],
    [
      'with the documented placeholder key',
      { HOSO_EMBED_SIGNING_KEYS: 'k1:CHANGE-ME-to-64-hex-characters-from-openssl-rand-hex-32' },
      /placeholder/,
    ],
    ['with only the old HOSO_EMBED_SECRET', { HOSO_EMBED_SECRET: 'x'.repeat(40) }, /HOSO_EMBED_SECRET is no longer/],
    [
      'with the demo password for the first administrator',
      {
        HOSO_EMBED_SIGNING_KEYS: KEYS,
        HOSO_ADMIN_USERNAME: 'qt',
        HOSO_ADMIN_PASSWORD: DEMO_PASSWORD,
        HOSO_ADMIN_UNIT: 'HN',
      },
      /published demo password/,
    ],
    [
      'with a short first administrator password',
      {
        HOSO_EMBED_SIGNING_KEYS: KEYS,
        HOSO_ADMIN_USERNAME: 'qt',
        HOSO_ADMIN_PASSWORD: 'Ab1!xyz',
        HOSO_ADMIN_UNIT: 'HN',
      },
      /shorter than 12 characters/,
    ],
  ])('refuses to start %s', async (_what, env, reason) => {
    const message = await refusal(env);
    expect(message).toMatch(new RegExp(`refusing to start: .*${reason.source}`));
    // No secret is ever repeated in the refusal.
    for (const value of Object.values(env)) if (value.length > 8) expect(message).not.toContain(value);
  });

  it('refuses to start while there is no administrator and none is configured', async () => {
    const message = await refusal({ HOSO_EMBED_SIGNING_KEYS: KEYS });
    expect(message).toMatch(/refusing to start: there is no administrator yet: set HOSO_ADMIN_USERNAME/);
  }, 240_000);

  it('creates the first administrator and its province from the environment, and seeds no demo data', async () => {
    launcher = await startLauncher(
      {
        ...PRODUCTION,
        HOSO_EMBED_SIGNING_KEYS: KEYS,
        HOSO_ADMIN_USERNAME: 'quantri.tinh',
        HOSO_ADMIN_PASSWORD_FILE: passwordFile(STRONG),
        HOSO_ADMIN_UNIT: 'BN',
        HOSO_ADMIN_UNIT_NAME: 'Tỉnh Bắc Ninh',
      },
      240_000,
      'hoso-mode-',
    );
    expect(launcher.statusLines().join('\n')).not.toMatch(/Demo accounts|DEMO MODE/);
    const api = apiClient(launcher.baseUrl);
    const login = (username: string, password: string) =>
      api.call('POST', '/api/auth/login', { body: { username, password } });
    expect((await login('admin.hanoi', DEMO_PASSWORD)).status).toBe(401);
    const admin = await login('quantri.tinh', STRONG);
    expect(admin.status).toBe(200);
    const me = await api.call('GET', '/api/me', { headers: { authorization: `Bearer ${admin.body.token}` } });
    expect(me.body.grants).toEqual([{ role: 'admin', unitCode: 'BN' }]);
    await withDatabase(launcher.mongodbUri, async (db) => {
      expect(await db.collection('users').countDocuments({})).toBe(1);
      expect(await db.collection('units').find({}).toArray()).toEqual([
        expect.objectContaining({ _id: 'BN', name: 'Tỉnh Bắc Ninh', level: 'province', parentCode: null }),
      ]);
      // The shipped forms and processes are there; the signing key is not in the database.
      expect(await db.collection('process_definitions').countDocuments({})).toBeGreaterThan(0);
      expect(await db.collection('settings').countDocuments({ _id: 'embed-token-signing-key' as never })).toBe(0);
      // The creation is in the administrative audit log, by the seed.
      expect(await db.collection('admin_events').findOne({ kind: 'user.create' })).toMatchObject({
        by: 'seed',
        target: 'quantri.tinh',
      });
    });
  }, 300_000);
});

describe('demo mode', () => {
  it('seeds the demo accounts, says so, and keeps its embed signing key in a 0600 file, not the database', async () => {
    launcher = await startLauncher(
      { HOSO_MODE: 'demo', HOSO_SLA_RECONCILE_INTERVAL_MINUTES: '0' },
      240_000,
      'hoso-mode-',
    );
    const log = launcher.statusLines().join('\n');
    expect(log).not.toMatch(/refusing/);
    const api = apiClient(launcher.baseUrl);
    expect((await api.call('GET', '/api/me', { as: 'admin.hanoi' })).status).toBe(200);
    const keyFile = join(launcher.dataDir, 'data', 'embed-signing-key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    await withDatabase(launcher.mongodbUri, async (db) => {
      expect(await db.collection('settings').countDocuments({ _id: 'embed-token-signing-key' as never })).toBe(0);
    });
    // A token signed with the file's key is accepted by the API. The demo enforces units' validity: a ward retired on
    // 30/06/2025 gets none, its successor does.
    const tokenFor = (label: string, processKey: string, unitCode: string) =>
      api.call('POST', '/api/admin/embed-tokens', {
        as: 'admin.hanoi',
        body: {
          label,
          processKey,
          unitCode,
          origins: ['https://cong-thong-tin.hanoi.example.vn'],
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      });
    const retired = await tokenFor('Cổng thông tin phường Hà Cầu', 'housing-support-2024', 'HN-HD-HC');
    expect([retired.status, retired.body.error.fields[0].path]).toEqual([422, '/unitCode']);
    const created = await tokenFor('Cổng thông tin phường Hà Đông', 'housing-support-2025', 'HN-HADONG');
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^e2\.demo\./);
    expect((await api.call('GET', `/api/embed/${created.body.token}/form`)).status).toBe(200);
  }, 300_000);
});
