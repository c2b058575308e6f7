// Unit validity enforced against a real system (issue 17): a unit not in force today opens no dossier, takes no new
// grant and no embed token, its grants stop authorising actions (reading stays possible) and its tokens stop
// taking submissions; units retire into several successors with shares or rules; provinces can be created.
import { vietnamDate } from '../../domain/time/vietnam-date';
import { proposalIn } from './support/form-examples';
import { TEST_PORTAL } from './support/create-embed-token';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem(undefined, { enforceUnitValidity: true });
const fieldsOf = (body: any) => body.error.fields.map((f: { path: string }) => f.path);
const messagesOf = (body: any) => JSON.stringify(body.error);
const PASSWORD = 'matkhau-dai-123';
const yesterday = () => vietnamDate(Date.now() - 86_400_000);
/** The national administrator of the demo (an admin grant at VN): the one who creates provinces. */
const NATIONAL = 'admin.quocgia';
const createUnit = (body: Record<string, unknown>, as = 'admin.hanoi') =>
  ctx.api.call('POST', '/api/admin/units', { as, body });
/** A commune officer account at `unitCode`, made by the city's administrator; `as: username` then signs in. */
async function officerAt(unitCode: string, username: string, displayName: string): Promise<void> {
  const user = await ctx.api.call('POST', '/api/admin/users', {
    as: 'admin.hanoi',
    body: { username, displayName, password: PASSWORD, grants: [{ role: 'commune_officer', unitCode }] },
  });
  expect(user.status).toBe(201);
  ctx.api.usePassword(username, PASSWORD);
}
const retire = (code: string, body: Record<string, unknown>, as = 'admin.hanoi') =>
  ctx.api.call('POST', `/api/admin/units/${code}/retire`, { as, body });

describe('a unit retired by the 2025 reform', () => {
  it.each(['housing-support-2024', 'housing-support-2025'])(
    'opens no dossier of %s: 422 at /unitCode naming the ward, not its code',
    async (processKey) => {
      const before = await ctx.system.models.DossierView.countDocuments();
      const res = await ctx.api.call('POST', '/api/dossiers', {
        as: 'xa.hacau',
        body: { processKey, data: proposalIn('HN-HD-HC') },
      });
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(['/unitCode']);
      expect(res.body.error.fields[0].message).toContain('Phường Hà Cầu');
      expect(res.body.error.fields[0].message).toContain('30/06/2025');
      expect(messagesOf(res.body)).not.toContain('HN-HD-HC');
      expect(await ctx.system.models.DossierView.countDocuments()).toBe(before);
    },
  );

  it('refuses a commune in force under the abolished district, naming the district', async () => {
    expect(
      (
        await createUnit({
          code: 'HN-HD-MOI',
          name: 'Phường Mới',
          level: 'commune',
          parentCode: 'HN-HD',
          effectiveFrom: '2025-01-01',
        })
      ).status,
    ).toBe(201);
    await officerAt('HN-HD-MOI', 'nv.hdmoi', 'Nhân viên phường Mới');
    const res = await ctx.api.call('POST', '/api/dossiers', {
      as: 'nv.hdmoi',
      body: { processKey: 'housing-support-2024', data: proposalIn('HN-HD-MOI') },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]).toMatchObject({
      path: '/unitCode',
      message: expect.stringContaining('Quận Hà Đông'),
    });
  });

  it('takes no new grant, in a new account or added to one', async () => {
    const created = await ctx.api.call('POST', '/api/admin/users', {
      as: 'admin.hanoi',
      body: {
        username: 'nv.cu',
        displayName: 'Nhân viên cũ',
        password: 'matkhau-dai-123',
        grants: [{ role: 'commune_officer', unitCode: 'HN-HD-YN' }],
      },
    });
    expect(created.status).toBe(422);
    expect(fieldsOf(created.body)).toEqual(['/grants/0/unitCode']);
    expect(created.body.error.fields[0].message).toContain('Phường Yên Nghĩa');
    expect(await ctx.system.models.User.exists({ _id: 'nv.cu' })).toBeNull();
    const added = await ctx.api.call('POST', '/api/admin/users/tp.hanoi/grants', {
      as: 'admin.hanoi',
      body: { role: 'commune_officer', unitCode: 'HN-HD-YN' },
    });
    expect(added.status).toBe(422);
    expect(fieldsOf(added.body)).toEqual(['/unitCode']);
  });

  it('takes no new embed token', async () => {
    const res = await ctx.api.call('POST', '/api/admin/embed-tokens', {
      as: 'admin.hanoi',
      body: {
        label: 'Cổng phường Hà Cầu',
        processKey: 'housing-support-2024',
        unitCode: 'HN-HD-HC',
        origins: [TEST_PORTAL],
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(['/unitCode']);
    expect(res.body.error.fields[0].message).toContain('Phường Hà Cầu');
  });
});

describe('a ward retired today into two successors', () => {
  let dossierId = '';
  let token = '';

  beforeAll(async () => {
    expect(
      (
        await createUnit({
          code: 'HN-VANTHANH',
          name: 'Phường Vạn Thành',
          level: 'commune',
          parentCode: 'HN',
          effectiveFrom: '2025-07-01',
        })
      ).status,
    ).toBe(201);
    await officerAt('HN-VANTHANH', 'nv.vanthanh', 'Cán bộ phường Vạn Thành');
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'nv.vanthanh',
      body: { processKey: 'housing-support-2025', processVersion: 4, data: proposalIn('HN-VANTHANH') },
    });
    expect(created.status).toBe(201);
    dossierId = created.body.id;
    const issued = await ctx.api.call('POST', '/api/admin/embed-tokens', {
      as: 'admin.hanoi',
      body: {
        label: 'Cổng phường Vạn Thành',
        processKey: 'housing-support-2025',
        unitCode: 'HN-VANTHANH',
        origins: [TEST_PORTAL],
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    expect(issued.status).toBe(201);
    token = issued.body.token;
  });

  it('refuses shares that do not sum to 100 % field by field, retiring nothing', async () => {
    const res = await retire('HN-VANTHANH', {
      effectiveTo: yesterday(),
      successors: [
        { code: 'HN-KIENHUNG', share: 60 },
        { code: 'HN-DUONGNOI', share: 30 },
      ],
    });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(['/successors']);
    expect((await ctx.system.models.Unit.findById('HN-VANTHANH').lean())?.effectiveTo).toBeNull();
  });

  it('records the split with its shares and rule, and the first successor for older readers', async () => {
    const successors = [
      { code: 'HN-KIENHUNG', share: 60, rule: 'Tổ dân phố 1–9' },
      { code: 'HN-DUONGNOI', share: 40, rule: 'Tổ dân phố 10–15' },
    ];
    const res = await retire('HN-VANTHANH', { effectiveTo: yesterday(), successors });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ effectiveTo: yesterday(), successorCode: 'HN-KIENHUNG', successors });
  });

  it('is listed as not in force today with every successor, so the officer app offers it nothing to start', async () => {
    // The officer app decides what a unit may start from this list (web/app/dossier/startable-grants.ts).
    const res = await ctx.api.call('GET', '/api/units?all=true&under=HN-VANTHANH', { as: 'nv.vanthanh' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        code: 'HN-VANTHANH',
        effectiveTo: yesterday(),
        inForce: false,
        acceptsDossiers: false,
        successor: 'HN-KIENHUNG',
        successors: [
          { code: 'HN-KIENHUNG', share: 60, rule: 'Tổ dân phố 1–9' },
          { code: 'HN-DUONGNOI', share: 40, rule: 'Tổ dân phố 10–15' },
        ],
      }),
    ]);
    const today = await ctx.api.call('GET', '/api/units?under=HN-VANTHANH', { as: 'nv.vanthanh' });
    expect(today.body.items).toEqual([]);
  });

  it("stops its officer's grant from authorising actions, with the reason, while the dossier stays readable", async () => {
    const act = await ctx.api.call('POST', `/api/dossiers/${dossierId}/actions`, {
      as: 'nv.vanthanh',
      body: { action: 'submit' },
    });
    expect(act.status).toBe(403);
    expect(act.body.error.message).toContain('Phường Vạn Thành');
    const read = await ctx.api.call('GET', `/api/dossiers/${dossierId}`, { as: 'nv.vanthanh' });
    expect(read.status).toBe(200);
    expect(read.body.currentStep.id).toBe('proposal');
  });

  it('opens no new dossier', async () => {
    const res = await ctx.api.call('POST', '/api/dossiers', {
      as: 'nv.vanthanh',
      body: { processKey: 'housing-support-2025', data: proposalIn('HN-KIENHUNG') },
    });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(['/unitCode']);
  });

  it("turns its embed token's submissions away with 410, storing nothing", async () => {
    const before = await ctx.system.models.DossierView.countDocuments();
    const res = await ctx.api.call('POST', `/api/embed/${token}/submissions`, {
      headers: { origin: TEST_PORTAL },
      body: { data: proposalIn('HN-KIENHUNG') },
    });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('embed_unit_retired');
    expect(res.body.error.message).toContain('Phường Vạn Thành');
    expect(await ctx.system.models.DossierView.countDocuments()).toBe(before);
  });
});

describe('provinces and mergers', () => {
  it('creates a province for a national administrator only, without a parent', async () => {
    const province = { code: 'TEST-X', name: 'Tỉnh X', level: 'province', effectiveFrom: '2025-07-01' };
    expect((await createUnit(province, 'xa.hacau')).status).toBe(403);
    // A province's administrator may not give itself another province.
    const byProvince = await createUnit(province, 'admin.hanoi');
    expect(byProvince.status).toBe(403);
    expect(byProvince.body.error.message).toContain('quản trị viên cấp quốc gia');
    const withParent = await createUnit({ ...province, parentCode: 'HN' }, NATIONAL);
    expect(withParent.status).toBe(422);
    expect(fieldsOf(withParent.body)).toEqual(['/parentCode']);
    const commune = await createUnit({ code: 'TEST-C', name: 'Xã C', level: 'commune', effectiveFrom: '2025-07-01' });
    expect(fieldsOf(commune.body)).toEqual(['/parentCode']);
  });

  it('merges two provinces into a new one, each recording it as successor', async () => {
    for (const [code, name, from] of [
      ['TEST-A', 'Tỉnh A', '2008-01-01'],
      ['TEST-B', 'Tỉnh B', '2008-01-01'],
      ['TEST-AB', 'Tỉnh A-B', '2025-07-01'],
    ] as const) {
      const res = await createUnit({ code, name, level: 'province', effectiveFrom: from }, NATIONAL);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ parentCode: null, level: 'province' });
    }
    for (const code of ['TEST-A', 'TEST-B']) {
      const res = await retire(code, { effectiveTo: '2025-06-30', successors: [{ code: 'TEST-AB' }] }, NATIONAL);
      expect(res.status).toBe(200);
    }
    const merged = await ctx.system.models.Unit.find({ 'successors.code': 'TEST-AB' }, { _id: 1 }).lean();
    expect(merged.map((u) => u._id).sort()).toEqual(['TEST-A', 'TEST-B']);
  });
});
