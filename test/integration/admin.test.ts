// Administration through the API against the real system: users and grants, units, and publishing forms and
// processes with their diffs; every change in the administrative audit log.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const definitions = path.join(__dirname, '..', '..');
const readJson = async (file: string) => JSON.parse(await readFile(path.join(definitions, file), 'utf8'));
const login = (username: string, password: string) =>
  ctx.api.call('POST', '/api/auth/login', { body: { username, password } });
const fieldsOf = (body: any) => body.error.fields.map((f: { path: string }) => f.path);

describe('user administration', () => {
  it('creates a user with grants, refuses bad input field by field, and audits the change', async () => {
    const notAdmin = await ctx.api.call('GET', '/api/admin/users', { as: 'xa.hacau' });
    expect(notAdmin).toMatchObject({ status: 403, body: { error: { code: 'forbidden', fields: [] } } });
    const list = await ctx.api.call('GET', '/api/admin/users?q=hacau', { as: 'admin.hanoi' });
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { id: string }) => u.id)).toContain('xa.hacau');
    expect(JSON.stringify(list.body)).not.toContain('scrypt');

    const bad = await ctx.api.call('POST', '/api/admin/users', {
      as: 'admin.hanoi',
      body: {
        username: 'A B',
        displayName: '',
        password: 'short',
        grants: [{ role: 'commune_officer', unitCode: 'hn' }],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(fieldsOf(bad.body)).toEqual(
      expect.arrayContaining(['/username', '/displayName', '/password', '/grants/0/unitCode']),
    );

    const unknownRole = await ctx.api.call('POST', '/api/admin/users', {
      as: 'admin.hanoi',
      body: {
        username: 'nv.moi',
        displayName: 'Nhân viên mới',
        password: 'matkhau-dai-123',
        grants: [{ role: 'wizard', unitCode: 'HN-HD-HC' }],
      },
    });
    expect(unknownRole.status).toBe(422);
    expect(fieldsOf(unknownRole.body)).toEqual(['/grants/0/role']);

    const created = await ctx.api.call('POST', '/api/admin/users', {
      as: 'admin.hanoi',
      body: {
        username: 'nv.moi',
        displayName: 'Nhân viên mới',
        password: 'matkhau-dai-123',
        grants: [{ role: 'commune_officer', unitCode: 'HN-HD-HC' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: 'nv.moi',
      displayName: 'Nhân viên mới',
      active: true,
      locked: false,
      grants: [{ role: 'commune_officer', unitCode: 'HN-HD-HC' }],
    });
    expect((await login('nv.moi', 'matkhau-dai-123')).status).toBe(200);
    const noGrant = await ctx.api.call('POST', '/api/admin/users', {
      as: 'admin.hanoi',
      body: { username: 'nv.khong', displayName: 'X', password: 'matkhau-dai-123', grants: [] },
    });
    expect(fieldsOf(noGrant.body)).toEqual(['/grants']);
    const again = await ctx.api.call('POST', '/api/admin/users', {
      as: 'admin.hanoi',
      body: {
        username: 'nv.moi',
        displayName: 'X',
        password: 'matkhau-dai-123',
        grants: [{ role: 'commune_officer', unitCode: 'HN-HD-HC' }],
      },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('username_taken');

    const events = await ctx.api.call('GET', '/api/admin/events', { as: 'admin.hanoi' });
    expect(events.body.items[0]).toMatchObject({
      kind: 'user.create',
      target: 'nv.moi',
      by: 'admin.hanoi',
      scope: 'HN-HD-HC',
    });
    expect(JSON.stringify(events.body)).not.toContain('matkhau');
  });

  it('limits a district administrator to its own subtree', async () => {
    const created = await ctx.api.call('POST', '/api/admin/users', {
      as: 'admin.hanoi',
      body: {
        username: 'qt.hadong',
        displayName: 'Quản trị quận',
        password: 'matkhau-dai-456',
        grants: [{ role: 'admin', unitCode: 'HN-HD' }],
      },
    });
    expect(created.status).toBe(201);
    const token = (await login('qt.hadong', 'matkhau-dai-456')).body.token as string;
    const as = { authorization: `Bearer ${token}` };
    const inside = await ctx.api.call('POST', '/api/admin/users/xa.hacau/grants', {
      headers: as,
      body: { role: 'district_officer', unitCode: 'HN-HD' },
    });
    expect(inside.status).toBe(200);
    expect(inside.body.grants).toEqual(expect.arrayContaining([{ role: 'district_officer', unitCode: 'HN-HD' }]));
    // HN-HADONG (post-2025) sits under the city, outside the district's subtree.
    const outside = await ctx.api.call('POST', '/api/admin/users/xa.hacau/grants', {
      headers: as,
      body: { role: 'commune_officer', unitCode: 'HN-HADONG' },
    });
    expect(outside).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const hacau = (await ctx.api.call('GET', '/api/admin/users?q=hacau', { as: 'admin.hanoi' })).body.items.find(
      (u: { id: string }) => u.id === 'xa.hacau',
    );
    expect(hacau.grants).not.toEqual(expect.arrayContaining([{ role: 'commune_officer', unitCode: 'HN-HADONG' }]));
    // A user whose grants are all outside the subtree is not visible at all, and stays active.
    const invisible = await ctx.api.call('POST', '/api/admin/users/tp.hanoi/deactivate', { headers: as });
    expect(invisible).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await login('tp.hanoi', DEMO_PASSWORD)).status).toBe(200);
    const revoked = await ctx.api.call('POST', '/api/admin/users/xa.hacau/grants/revoke', {
      headers: as,
      body: { role: 'district_officer', unitCode: 'HN-HD' },
    });
    expect(revoked.body.grants).not.toEqual(expect.arrayContaining([{ role: 'district_officer', unitCode: 'HN-HD' }]));
    const own = await ctx.api.call('POST', '/api/admin/users/qt.hadong/grants/revoke', {
      headers: as,
      body: { role: 'admin', unitCode: 'HN-HD' },
    });
    expect(own).toMatchObject({ status: 409, body: { error: { code: 'own_admin_role' } } });
    // A user who also holds a role above the district: the district administrator may not take the account over.
    const both = await ctx.api.call('POST', '/api/admin/users', {
      as: 'admin.hanoi',
      body: {
        username: 'nv.hai',
        displayName: 'Hai cấp',
        password: 'matkhau-dai-456',
        grants: [
          { role: 'commune_officer', unitCode: 'HN-HD-HC' },
          { role: 'admin', unitCode: 'HN' },
        ],
      },
    });
    expect(both.status).toBe(201);
    expect(
      (
        await ctx.api.call('POST', '/api/admin/users/nv.hai/password', {
          headers: as,
          body: { password: 'chiem-quyen-dai-1' },
        })
      ).status,
    ).toBe(403);
    expect((await ctx.api.call('POST', '/api/admin/users/nv.hai/deactivate', { headers: as })).status).toBe(403);
    expect((await login('nv.hai', 'matkhau-dai-456')).status).toBe(200);
    expect((await ctx.api.call('GET', '/api/admin/users?limit=abc', { headers: as })).status).toBe(422);
    const found = await ctx.api.call('GET', '/api/admin/users?q=HAI%20C', { headers: as });
    expect(found.body.items.map((u: { id: string }) => u.id)).toEqual(['nv.hai']);
  });

  it('deactivation ends sessions and blocks login until reactivated; a new password ends sessions too', async () => {
    const created = await ctx.api.call('POST', '/api/admin/users', {
      as: 'admin.hanoi',
      body: {
        username: 'nv.tam',
        displayName: 'Nhân viên tạm',
        password: 'matkhau-dai-789',
        grants: [{ role: 'commune_officer', unitCode: 'HN-HD-YN' }],
      },
    });
    expect(created.status).toBe(201);
    const token = (await login('nv.tam', 'matkhau-dai-789')).body.token as string;
    const me = () => ctx.api.call('GET', '/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    expect((await ctx.api.call('POST', '/api/admin/users/nv.tam/deactivate', { as: 'admin.hanoi' })).body.active).toBe(
      false,
    );
    expect((await me()).status).toBe(401);
    expect((await login('nv.tam', 'matkhau-dai-789')).status).toBe(401);
    expect((await ctx.api.call('POST', '/api/admin/users/admin.hanoi/deactivate', { as: 'admin.hanoi' })).status).toBe(
      409,
    );
    expect((await ctx.api.call('POST', '/api/admin/users/nv.tam/activate', { as: 'admin.hanoi' })).body.active).toBe(
      true,
    );
    const second = (await login('nv.tam', 'matkhau-dai-789')).body.token as string;
    expect(
      (await ctx.api.call('POST', '/api/admin/users/nv.tam/password', { as: 'admin.hanoi', body: { password: 'x' } }))
        .status,
    ).toBe(422);
    expect(
      (
        await ctx.api.call('POST', '/api/admin/users/nv.tam/password', {
          as: 'admin.hanoi',
          body: { password: 'matkhau-moi-dai-1' },
        })
      ).status,
    ).toBe(200);
    expect((await ctx.api.call('GET', '/api/me', { headers: { authorization: `Bearer ${second}` } })).status).toBe(401);
    expect((await login('nv.tam', 'matkhau-moi-dai-1')).status).toBe(200);
    const kinds = (await ctx.api.call('GET', '/api/admin/events', { as: 'admin.hanoi' })).body.items
      .filter((e: any) => e.target === 'nv.tam')
      .map((e: any) => e.kind);
    expect(kinds).toEqual(['user.password', 'user.activate', 'user.deactivate', 'user.create']);
  });
});

describe('unit administration', () => {
  it('creates units under administered units, retires them with a successor, and refuses what would break the tree', async () => {
    const create = (body: Record<string, unknown>, as = 'admin.hanoi') =>
      ctx.api.call('POST', '/api/admin/units', { as, body });
    expect(
      (
        await create(
          { code: 'HN-THU', name: 'Phường Thử', level: 'commune', parentCode: 'HN', effectiveFrom: '2026-01-01' },
          'tp.hanoi',
        )
      ).status,
    ).toBe(403);
    const invalid = await create({
      code: 'hn thu',
      name: '',
      level: 'village',
      parentCode: 'HN',
      effectiveFrom: '01/01/2026',
    });
    expect(invalid.status).toBe(422);
    expect(fieldsOf(invalid.body)).toEqual(expect.arrayContaining(['/code', '/name', '/level', '/effectiveFrom']));
    const underCommune = await create({
      code: 'HN-THU',
      name: 'Phường Thử',
      level: 'commune',
      parentCode: 'HN-HADONG',
      effectiveFrom: '2026-01-01',
    });
    expect(underCommune.status).toBe(422);
    expect(fieldsOf(underCommune.body)).toEqual(['/level']);
    const retiredParent = await create({
      code: 'HN-HD-THU',
      name: 'Phường Thử',
      level: 'commune',
      parentCode: 'HN-HD',
      effectiveFrom: '2026-01-01',
    });
    expect(retiredParent.status).toBe(422);
    expect(fieldsOf(retiredParent.body)).toEqual(['/effectiveFrom']);

    const created = await create({
      code: 'HN-THU',
      name: 'Phường Thử',
      nameEn: 'Thu ward',
      level: 'commune',
      parentCode: 'HN',
      effectiveFrom: '2026-01-01',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ _id: 'HN-THU', parentCode: 'HN', effectiveTo: null });
    expect(
      (await create({ code: 'HN-THU', name: 'Trùng', level: 'commune', parentCode: 'HN', effectiveFrom: '2026-01-01' }))
        .status,
    ).toBe(409);

    const retire = (code: string, body: Record<string, unknown>) =>
      ctx.api.call('POST', `/api/admin/units/${code}/retire`, { as: 'admin.hanoi', body });
    expect((await retire('HN', { effectiveTo: '2026-12-31' })).body.error.code).toBe('unit_has_children');
    expect((await retire('HN-HD', { effectiveTo: '2026-12-31' })).status).toBe(409);
    expect(fieldsOf((await retire('HN-THU', { effectiveTo: '2025-12-31' })).body)).toEqual(['/effectiveTo']);
    expect(fieldsOf((await retire('HN-THU', { effectiveTo: '2026-06-30', successorCode: 'HN-THU' })).body)).toEqual([
      '/successorCode',
    ]);
    expect(fieldsOf((await retire('HN-THU', { effectiveTo: '2026-06-30', successorCode: 'HN-HD' })).body)).toEqual([
      '/successorCode',
    ]);
    const retired = await retire('HN-THU', { effectiveTo: '2026-06-30', successorCode: 'HN-HADONG' });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ effectiveTo: '2026-06-30', successorCode: 'HN-HADONG' });
    const kinds = (await ctx.api.call('GET', '/api/admin/events', { as: 'admin.hanoi' })).body.items
      .filter((e: any) => e.target === 'HN-THU')
      .map((e: any) => e.kind);
    expect(kinds).toEqual(['unit.retire', 'unit.create']);
  });
});

describe('registry administration', () => {
  it('publishes a new form and process version, shows their diffs, and refuses conflicting or broken ones', async () => {
    expect((await ctx.api.call('GET', '/api/admin/forms', { as: 'quan.hadong' })).status).toBe(403);
    const forms = await ctx.api.call('GET', '/api/admin/forms', { as: 'admin.hanoi' });
    expect(forms.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'housing-proposal', version: 1 })]),
    );

    // Test versions are numbered from 90, so the shipped versions can take the next numbers.
    const shipped = await readJson('forms/definitions/housing-proposal@3.json');
    const v90 = {
      ...shipped,
      version: 90,
      schema: { ...shipped.schema, $id: shipped.schema.$id.replace('@3', '@90') },
      title: { ...shipped.title, vi: `${shipped.title.vi} (mẫu 2026)` },
    };
    const published = await ctx.api.call('POST', '/api/admin/forms', { as: 'admin.hanoi', body: v90 });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ ref: 'housing-proposal@90', created: true });
    expect((await ctx.api.call('POST', '/api/admin/forms', { as: 'admin.hanoi', body: v90 })).status).toBe(200);
    const conflicting = await ctx.api.call('POST', '/api/admin/forms', {
      as: 'admin.hanoi',
      body: { ...v90, title: { ...v90.title, vi: 'Khác' } },
    });
    expect(conflicting).toMatchObject({ status: 409, body: { error: { code: 'version_published' } } });
    const broken = await ctx.api.call('POST', '/api/admin/forms', {
      as: 'admin.hanoi',
      body: { ...v90, version: 91, schema: { ...v90.schema, type: 'nonsense' } },
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('validation_failed');
    expect(broken.body.error.fields.length).toBeGreaterThan(0);
    // Neither refusal changed the registry: version 90 as first published, no version 91.
    const form2 = await ctx.api.call('GET', '/api/forms/housing-proposal/90', { as: 'admin.hanoi' });
    expect(form2.body.title).toEqual(v90.title);
    const form3 = await ctx.api.call('GET', '/api/forms/housing-proposal/91', { as: 'admin.hanoi' });
    expect(form3).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });

    const diff = await ctx.api.call('GET', '/api/admin/forms/housing-proposal/90/diff', { as: 'admin.hanoi' });
    expect(diff.status).toBe(200);
    expect(diff.body.from).toBe('housing-proposal@3');
    expect(diff.body.changes).toEqual(
      expect.arrayContaining([
        { op: 'replace', path: '/title/vi', before: shipped.title.vi, after: v90.title.vi },
        expect.objectContaining({ path: '/version' }),
      ]),
    );
    expect((await ctx.api.call('GET', '/api/admin/forms/housing-proposal/1/diff', { as: 'admin.hanoi' })).status).toBe(
      404,
    );
    expect(
      (await ctx.api.call('GET', '/api/admin/forms/housing-proposal/90/diff?against=abc', { as: 'admin.hanoi' }))
        .status,
    ).toBe(422);

    // The latest shipped version is 6 (the portal's citizen part); the administrator publishes 90 on the new form.
    const shippedProcess = await readJson('domain/process/definitions/housing-support-2025@6.json');
    const process90 = JSON.parse(
      JSON.stringify(shippedProcess).replace(/"housing-proposal@3"/g, '"housing-proposal@90"'),
    );
    process90.version = 90;
    const pub = await ctx.api.call('POST', '/api/admin/processes', { as: 'admin.hanoi', body: process90 });
    expect(pub.status).toBe(201);
    const pdiff = await ctx.api.call('GET', '/api/admin/processes/housing-support-2025/90/diff', { as: 'admin.hanoi' });
    expect(pdiff.body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ op: 'replace', before: 'housing-proposal@3', after: 'housing-proposal@90' }),
      ]),
    );
    const unknownForm = JSON.parse(
      JSON.stringify(shippedProcess).replace(/"housing-proposal@3"/g, '"housing-proposal@89"'),
    );
    unknownForm.version = 91;
    expect((await ctx.api.call('POST', '/api/admin/processes', { as: 'admin.hanoi', body: unknownForm })).status).toBe(
      422,
    );
    const processes = await ctx.api.call('GET', '/api/admin/processes', { as: 'admin.hanoi' });
    expect(
      processes.body.items.filter((p: any) => p.key === 'housing-support-2025').map((p: any) => p.version),
    ).toEqual([90, 6, 5, 4, 3, 2, 1]);
    const kinds = (await ctx.api.call('GET', '/api/admin/events', { as: 'admin.hanoi' })).body.items.map(
      (e: any) => `${e.kind} ${e.target}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining(['form.publish housing-proposal@90', 'process.publish housing-support-2025@90']),
    );
  });
});

describe('a grant with a start day', () => {
  it('authorises nothing before its day (administration included), and is revoked like any other', async () => {
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    const grant = { role: 'admin', unitCode: 'HN-KIENHUNG', from: tomorrow };
    const given = await ctx.api.call('POST', '/api/admin/users/xa2025.kienhung/grants', {
      as: 'admin.hanoi',
      body: grant,
    });
    expect(given.status).toBe(200);
    expect(given.body.grants).toEqual(expect.arrayContaining([grant]));
    // Not yet: neither the caller's grants nor an administrative read take it into account.
    const me = await ctx.api.call('GET', '/api/me', { as: 'xa2025.kienhung' });
    expect(me.body.grants).not.toEqual(expect.arrayContaining([expect.objectContaining({ role: 'admin' })]));
    expect((await ctx.api.call('GET', '/api/admin/users', { as: 'xa2025.kienhung' })).status).toBe(403);
    // Revoked whatever its start day: the stored grant is gone, and the revocation is audited once.
    const revoked = await ctx.api.call('POST', '/api/admin/users/xa2025.kienhung/grants/revoke', {
      as: 'admin.hanoi',
      body: { role: 'admin', unitCode: 'HN-KIENHUNG' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.grants).not.toEqual(expect.arrayContaining([expect.objectContaining({ role: 'admin' })]));
    const stored = await ctx.system.models.User.findById('xa2025.kienhung').lean();
    expect(stored!.grants.filter((g) => g.role === 'admin')).toEqual([]);
  });
});

describe("a user's names", () => {
  it('sets the Vietnamese and the English name and title, refuses a blank one at its field, and removes the English one', async () => {
    const set = await ctx.api.call('POST', '/api/admin/users/xa.biengiang/names', {
      as: 'admin.hanoi',
      body: { displayName: 'Vũ Văn Giang', displayNameEn: 'Vu Van Giang, poverty-reduction officer' },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      id: 'xa.biengiang',
      displayName: 'Vũ Văn Giang',
      displayNameEn: 'Vu Van Giang, poverty-reduction officer',
    });
    const me = await ctx.api.call('GET', '/api/me', { as: 'xa.biengiang' });
    expect(me.body.displayNameEn).toBe('Vu Van Giang, poverty-reduction officer');
    const listed = await ctx.api.call('GET', '/api/admin/users?q=xa.biengiang', { as: 'admin.hanoi' });
    expect(listed.body.items[0].displayNameEn).toBe('Vu Van Giang, poverty-reduction officer');

    const blank = await ctx.api.call('POST', '/api/admin/users/xa.biengiang/names', {
      as: 'admin.hanoi',
      body: { displayName: ' ', displayNameEn: '' },
    });
    expect(blank.status).toBe(422);
    const paths = blank.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['/displayName', '/displayNameEn']));

    // Outside the caller's units: not found, as for any other change of the account.
    const outside = await ctx.api.call('POST', '/api/admin/users/xa.biengiang/names', {
      as: 'admin.dongnai',
      body: { displayName: 'X', displayNameEn: null },
    });
    expect(outside.status).toBe(404);

    const removed = await ctx.api.call('POST', '/api/admin/users/xa.biengiang/names', {
      as: 'admin.hanoi',
      body: { displayName: 'Vũ Văn Giang', displayNameEn: null },
    });
    expect(removed.status).toBe(200);
    expect(removed.body).not.toHaveProperty('displayNameEn');
    const stored = await ctx.system.models.User.findById('xa.biengiang').lean();
    expect(stored).not.toHaveProperty('displayNameEn');
    const events = await ctx.api.call('GET', '/api/admin/events', { as: 'admin.hanoi' });
    const named = events.body.items.filter((e: { kind: string; target: string }) => e.kind === 'user.names');
    expect(named).toHaveLength(2);
    // The audit record carries no name.
    expect(JSON.stringify(named)).not.toContain('Giang');
  });
});
