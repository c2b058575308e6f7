// The unit lists behind the unit picker: GET /api/units for signed-in users and GET /api/embed/:token/units for
// embedded forms, against the demo units (seed-era Hà Đông wards ended 2025-06-30, post-2025 wards from 2025-07-01).
import { vietnamDate } from '../../domain/time/vietnam-date';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const PORTAL = 'https://cong-thong-tin.hanoi.example.vn';
const OTHER = 'https://evil.example.com';
const inAWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();
const codes = (body: { items: { code: string }[] }) => body.items.map((u) => u.code).sort();
const NEW_WARDS = ['HN-DUONGNOI', 'HN-HADONG', 'HN-KIENHUNG', 'HN-PHULUONG', 'HN-YENNGHIA'];
const OLD_WARDS = ['HN-HD-BG', 'HN-HD-DM', 'HN-HD-DN', 'HN-HD-HC', 'HN-HD-PL', 'HN-HD-YN'];

beforeAll(async () => {
  // A unit of another province, for the embed's area limit.
  await ctx.system.models.Unit.updateOne(
    { _id: 'DN' },
    {
      $set: {
        name: 'Thành phố Đà Nẵng',
        nameEn: 'Da Nang',
        level: 'province',
        parentCode: null,
        effectiveFrom: '1997-01-01',
        effectiveTo: null,
        successorCode: null,
      },
    },
    { upsert: true },
  );
});

describe('GET /api/units', () => {
  it('lists the units in force today by default, with their dates and successors', async () => {
    const asked = Date.now();
    const res = await ctx.api.call('GET', '/api/units', { as: 'xa.hacau' });
    expect(res.status).toBe(200);
    // Today in Việt Nam (either side of a midnight that fell during the request), not today in UTC.
    expect([vietnamDate(asked), vietnamDate(Date.now())]).toContain(res.body.at);
    expect(res.body.under).toBeNull();
    expect(codes(res.body)).toEqual(['DN', 'HN', ...NEW_WARDS].sort());
    expect(res.body.items[0].level).toBe('province');
    expect(res.body.items.find((u: { code: string }) => u.code === 'HN-HADONG')).toEqual({
      code: 'HN-HADONG',
      name: 'Phường Hà Đông',
      nameEn: 'Ha Dong ward',
      level: 'commune',
      parent: 'HN',
      effectiveFrom: '2025-07-01',
      effectiveTo: null,
      successor: null,
      successors: [],
      inForce: true,
      acceptsDossiers: true,
    });
  });

  it('lists the units of another day, all units, or one unit and those below it', async () => {
    const seedEra = await ctx.api.call('GET', '/api/units?at=2024-03-15&under=HN-HD', { as: 'quan.hadong' });
    expect(seedEra.status).toBe(200);
    expect(seedEra.body).toMatchObject({ at: '2024-03-15', under: 'HN-HD' });
    expect(codes(seedEra.body)).toEqual(['HN-HD', ...OLD_WARDS].sort());
    expect(seedEra.body.items.find((u: { code: string }) => u.code === 'HN-HD-HC')).toMatchObject({
      effectiveTo: '2025-06-30',
      successor: 'HN-HADONG',
      successors: [{ code: 'HN-HADONG', share: 100 }],
      // in force on the day asked for, but not today: the flag is about today
      inForce: false,
      // This test system does not enforce validity: the API would take a dossier there, and says so.
      acceptsDossiers: true,
      parent: 'HN-HD',
    });

    // Both ends of a unit's life are included: the last day of the old wards, the first of the new ones.
    expect(codes((await ctx.api.call('GET', '/api/units?at=2025-06-30&under=HN', { as: 'tp.hanoi' })).body)).toEqual(
      ['HN', 'HN-HD', ...OLD_WARDS].sort(),
    );
    expect(codes((await ctx.api.call('GET', '/api/units?at=2025-07-01&under=HN', { as: 'tp.hanoi' })).body)).toEqual(
      ['HN', ...NEW_WARDS].sort(),
    );

    const all = await ctx.api.call('GET', '/api/units?all=true&under=HN', { as: 'tp.hanoi' });
    expect(all.body.at).toBeNull();
    expect(codes(all.body)).toEqual(['HN', 'HN-HD', ...OLD_WARDS, ...NEW_WARDS].sort());
  });

  it('refuses bad parameters field by field, an unknown unit, and anonymous callers', async () => {
    const bad = await ctx.api.call('GET', '/api/units?at=2025-02-31&under=ha%20dong&all=yes', {
      as: 'xa.hacau',
      headers: { 'accept-language': 'en' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      '/query/all',
      '/query/at',
      '/query/under',
    ]);
    const both = await ctx.api.call('GET', '/api/units?all=true&at=2025-01-01', { as: 'xa.hacau' });
    expect(both.status).toBe(422);
    expect(both.body.error.fields).toEqual([{ path: '/query/all', keyword: 'not', message: 'Không dùng cùng at' }]);
    const twice = await ctx.api.call('GET', '/api/units?at=2025-01-01&at=2025-01-02', { as: 'xa.hacau' });
    expect(twice.status).toBe(422);
    expect(twice.body.error.fields[0].path).toBe('/query/at');
    const unknown = await ctx.api.call('GET', '/api/units?under=HN-XX', { as: 'xa.hacau' });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found', fields: [] } } });
    expect(unknown.body.error.message).toContain('HN-XX');
    const anonymous = await ctx.api.call('GET', '/api/units');
    expect(anonymous).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });
});

describe('GET /api/embed/:token/units', () => {
  async function createToken(): Promise<string> {
    const res = await ctx.api.call('POST', '/api/admin/embed-tokens', {
      as: 'admin.hanoi',
      body: {
        label: 'Cổng thông tin phường Hà Cầu',
        processKey: 'housing-support-2024',
        unitCode: 'HN-HD-HC',
        origins: [PORTAL],
        expiresAt: inAWeek(),
      },
    });
    expect(res.status).toBe(201);
    return res.body.token as string;
  }

  it("lists the units of the token's province, in force today unless asked otherwise, with CORS for the token's origins only", async () => {
    const token = await createToken();
    const asked = Date.now();
    const res = await ctx.api.call('GET', `/api/embed/${token}/units`, { headers: { origin: PORTAL } });
    expect(res.status).toBe(200);
    expect([vietnamDate(asked), vietnamDate(Date.now())]).toContain(res.body.at);
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(res.body.area).toBe('HN');
    expect(codes(res.body)).toEqual(['HN', ...NEW_WARDS].sort()); // not Đà Nẵng

    const old = await ctx.api.call('GET', `/api/embed/${token}/units?all=true&under=HN-HD`, {
      headers: { origin: PORTAL },
    });
    expect(old.status).toBe(200);
    expect(codes(old.body)).toEqual(['HN-HD', ...OLD_WARDS].sort());

    const refused = await ctx.api.call('GET', `/api/embed/${token}/units`, { headers: { origin: OTHER } });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses bad parameters, a unit outside the province, and a bad token', async () => {
    const token = await createToken();
    const bad = await ctx.api.call('GET', `/api/embed/${token}/units?at=15/03/2024`, { headers: { origin: PORTAL } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['/query/at']);
    const outside = await ctx.api.call('GET', `/api/embed/${token}/units?under=DN`, { headers: { origin: PORTAL } });
    expect(outside).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const unknown = await ctx.api.call('GET', `/api/embed/${token}/units?under=HN-NOPE`, {
      headers: { origin: PORTAL },
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const tampered = `${token.slice(0, -2)}xx`;
    const forged = await ctx.api.call('GET', `/api/embed/${tampered}/units`, { headers: { origin: PORTAL } });
    expect(forged).toMatchObject({ status: 401, body: { error: { code: 'embed_token_invalid' } } });
  });
});
