// Plans and targets against the real system: who may write and read a plan, every bad input refused at its field with
// nothing written, revisions that never lose an edit (a stale or concurrent edit is 409), and progress computed end to
// end from dossiers brought to approval and payment on housing-support-2024@4.
import { vietnamDate } from '../../domain/time/vietnam-date';
import { createTestFund } from './support/create-test-fund';
import { M, moneyDossiers } from './support/money-dossiers';
import { createOpenApiConformance } from './support/openapi-conformance';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();

type Conformance = ReturnType<typeof createOpenApiConformance>;
let conformance: Conformance;
const call = async (method: string, url: string, as: string, body?: unknown) =>
  conformance.check(method, url, await ctx.api.call(method, url, { as, ...(body === undefined ? {} : { body }) }));
const fieldsOf = (body: any): string[] => body.error.fields.map((f: { path: string }) => f.path);
const revisionCount = () => ctx.system.models.PlanRevision.countDocuments();

/** The city's plan for 2025: seed-era Hà Đông and its ward Hà Cầu were in force in its first half. */
const cityPlan2025 = {
  unitCode: 'HN',
  title: 'Kế hoạch giảm nghèo năm 2025 của Thành phố',
  kind: 'year',
  from: '2025-01-01',
  to: '2025-12-31',
  basis: 'Nghị quyết số 23/NQ-HĐND',
  targets: [
    { programme: 'livelihood', metric: 'count', value: 1000, note: 'Toàn thành phố ≥ 1.000 mô hình' },
    { programme: 'livelihood', metric: 'count', value: 50, unitCode: 'HN-HD', note: 'Mỗi quận ≥ 50' },
    { programme: 'savings_book', metric: 'count', value: 2, unitCode: 'HN-HD-HC', note: 'Hà Cầu 02 sổ' },
  ],
};

/** Hà Đông's 2024 plan (seed 004), with a target for each of two wards. */
const districtPlan2024 = {
  unitCode: 'HN-HD',
  title: 'Kế hoạch hỗ trợ hộ cận nghèo thoát cận nghèo năm 2024',
  kind: 'year',
  from: '2024-01-01',
  to: '2024-12-31',
  targets: [
    { programme: 'savings_book', metric: 'count', value: 78 },
    { programme: 'savings_book', metric: 'count', value: 2, unitCode: 'HN-HD-HC' },
    { programme: 'savings_book', metric: 'count', value: 3, unitCode: 'HN-HD-YN' },
  ],
};

beforeAll(async () => {
  conformance = createOpenApiConformance((await ctx.api.call('GET', '/openapi.json')).body);
});

afterAll(() => {
  expect(conformance.problems()).toEqual([]);
});

describe('writing plans', () => {
  it('the city’s officer, the district’s head and an administrator write their units’ plans; others get 403 and nothing is written', async () => {
    const city = await call('POST', '/api/plans', 'tp.hanoi', cityPlan2025);
    expect(city.status).toBe(201);
    expect(city.body).toMatchObject({
      revision: 1,
      unitCode: 'HN',
      level: 'province',
      view: 'full',
      mayEdit: true,
      updatedBy: expect.any(String),
      names: { units: { HN: 'Thành phố Hà Nội', 'HN-HD': 'Quận Hà Đông', 'HN-HD-HC': 'Phường Hà Cầu' } },
    });
    expect((await call('POST', '/api/plans', 'lanhdao.hadong', districtPlan2024)).status).toBe(201);
    const ward = { ...districtPlan2024, unitCode: 'HN-HD-HC', title: 'Kế hoạch của phường', targets: [] };
    expect((await call('POST', '/api/plans', 'admin.hanoi', ward)).status).toBe(201);

    const before = await revisionCount();
    for (const [as, plan] of [
      ['quan.hadong', cityPlan2025], // a district officer, for the city
      ['xa.hacau', districtPlan2024], // a ward's officer, for the district
      ['khobac.hanoi', cityPlan2025], // the city's treasury: not an officer of the level
      ['xa.yennghia', ward], // another ward
    ] as const) {
      expect((await call('POST', '/api/plans', as, plan)).status).toBe(403);
    }
    expect(await revisionCount()).toBe(before);
  });

  it.each([
    ['a missing title', { title: undefined }, ['/title']],
    ['a year that is not a calendar year', { to: '2025-11-30' }, ['/to']],
    ['an unknown unit', { unitCode: 'HN-XX' }, ['/unitCode']],
    [
      'a lower unit of another level’s plan, an unknown programme and a fund that does not exist',
      {
        targets: [
          { programme: 'housing', metric: 'count', value: 1, unitCode: 'HN' },
          { programme: 'lottery', metric: 'count', value: 1 },
          { programme: 'housing', metric: 'amount', value: 1, fundId: 'no-such-fund' },
        ],
      },
      ['/targets/0/unitCode', '/targets/1/programme', '/targets/2/fundId'],
    ],
    [
      'a percentage over 100',
      { targets: [{ programme: 'tet_gift', metric: 'coverage', value: 120, baseline: 84 }] },
      ['/targets/0/value'],
    ],
    [
      'a target field the schema does not know',
      { targets: [{ programme: 'housing', metric: 'count', value: 1, quota: 2 }] },
      ['/targets/0/quota'],
    ],
  ])('%s is 422 at each field, in Vietnamese and in English, and nothing is written', async (_name, change, paths) => {
    const before = await revisionCount();
    const body = { ...cityPlan2025, ...change };
    const res = await call('POST', '/api/plans', 'tp.hanoi', body);
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body).sort()).toEqual([...paths].sort());
    const english = await ctx.api.call('POST', '/api/plans', {
      as: 'tp.hanoi',
      body,
      headers: { 'accept-language': 'en' },
    });
    expect(fieldsOf(english.body)).toEqual(fieldsOf(res.body));
    res.body.error.fields.forEach((f: { message: string }, i: number) => {
      expect(f.message).not.toEqual(english.body.error.fields[i].message);
    });
    expect(await revisionCount()).toBe(before);
  });
});

describe('sources', () => {
  it('a plan may name the funds of its unit, the units above and the units below it, listed by name; others are 422', async () => {
    const { models } = ctx.system;
    const ward = await createTestFund(models, 'Quỹ Vì người nghèo phường Hà Cầu', {
      unitCode: 'HN-HD-HC',
      level: 'commune',
    });
    const district = await createTestFund(models, 'Quỹ Bảo trợ trẻ em quận Hà Đông');
    const city = await createTestFund(models, 'Quỹ Vì người nghèo thành phố', { unitCode: 'HN', level: 'province' });
    const elsewhere = await createTestFund(models, 'Quỹ phường Kiến Hưng', {
      unitCode: 'HN-KIENHUNG',
      level: 'commune',
    });
    const sources = await call('GET', '/api/plan-sources?unit=HN-HD', 'quan.hadong');
    expect(sources.status).toBe(200);
    const ids = sources.body.items.map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining([ward, district, city]));
    expect(ids).not.toContain(elsewhere);
    expect(sources.body.items.find((f: { id: string }) => f.id === ward)).toEqual({
      id: ward,
      name: 'Quỹ Vì người nghèo phường Hà Cầu',
      unitCode: 'HN-HD-HC',
      active: true,
    });
    expect((await call('GET', '/api/plan-sources?unit=HN-HD', 'xa.dongmai')).status).toBe(403);

    const plan = (fundId: string) => ({
      ...districtPlan2024,
      title: 'Sổ tiết kiệm theo nguồn',
      targets: [{ programme: 'savings_book', metric: 'count', value: 11, fundId }],
    });
    expect((await call('POST', '/api/plans', 'quan.hadong', plan(ward))).status).toBe(201);
    expect((await call('POST', '/api/plans', 'quan.hadong', plan(city))).status).toBe(201);
    const refused = await call('POST', '/api/plans', 'quan.hadong', plan(elsewhere));
    expect([refused.status, fieldsOf(refused.body)]).toEqual([422, ['/targets/0/fundId']]);
  });
});

describe('revisions', () => {
  it('an edit makes a new revision with who and why; a stale one is 409; of concurrent edits exactly one wins', async () => {
    const created = await call('POST', '/api/plans', 'tp.hanoi', {
      ...cityPlan2025,
      title: 'Kế hoạch quý II',
      kind: 'quarter',
      from: '2025-04-01',
      to: '2025-06-30',
    });
    const id = created.body.id as string;
    const edit = (as: string, expectedRevision: number, reason: string, value = 900) =>
      call('PUT', `/api/plans/${id}`, as, {
        expectedRevision,
        reason,
        title: 'Kế hoạch quý II',
        kind: 'quarter',
        from: '2025-04-01',
        to: '2025-06-30',
        targets: [{ programme: 'livelihood', metric: 'count', value }],
      });

    const second = await edit('tp.hanoi', 1, 'Điều chỉnh theo Thông báo 1703-TB/QU');
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ revision: 2, targets: [{ programme: 'livelihood', value: 900 }] });
    const stale = await edit('tp.hanoi', 1, 'Sửa trên bản cũ');
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('plan_revision_conflict');
    expect((await edit('quan.hadong', 2, 'Không có quyền')).status).toBe(403);
    expect((await edit('tp.hanoi', 2, 'Sai', 1.5)).status).toBe(422);

    const racing = await Promise.all(
      Array.from({ length: 6 }, (_, i) => edit(i % 2 ? 'tp.hanoi' : 'admin.hanoi', 2, `Sửa đồng thời ${i}`, 1000 + i)),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const winner = racing.find((r) => r.status === 200)!;

    const detail = await call('GET', `/api/plans/${id}`, 'tp.hanoi');
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ revision: 3, targets: winner.body.targets });
    expect(detail.body.revisions.map((r: any) => [r.revision, r.by, r.reason])).toEqual([
      [1, 'tp.hanoi', null],
      [2, 'tp.hanoi', 'Điều chỉnh theo Thông báo 1703-TB/QU'],
      [3, expect.stringMatching(/^(tp|admin)\.hanoi$/), expect.stringMatching(/^Sửa đồng thời/)],
    ]);
    expect(detail.body.revisions[0].targets).toEqual(cityPlan2025.targets);
    expect(
      (
        await call('PUT', '/api/plans/no-such-plan', 'tp.hanoi', {
          ...cityPlan2025,
          unitCode: undefined,
          expectedRevision: 1,
          reason: 'x',
        })
      ).status,
    ).toBe(404);
  });
});

describe('reading plans', () => {
  it('each level lists its plans and those below; a lower unit sees only the targets set for it by the levels above', async () => {
    const district = await call('GET', '/api/plans?unit=HN-HD&year=2025', 'quan.hadong');
    expect(district.status).toBe(200);
    const cityForDistrict = district.body.items.find((p: any) => p.title === cityPlan2025.title);
    expect(cityForDistrict).toMatchObject({ view: 'targets_for_us', mayEdit: false });
    expect(cityForDistrict.targets.map((t: any) => t.unitCode)).toEqual(['HN-HD', 'HN-HD-HC']);

    const ward = await call('GET', '/api/plans', 'xa.hacau');
    const titles = ward.body.items.map((p: any) => [p.title, p.view, p.targets.map((t: any) => t.unitCode ?? null)]);
    expect(titles).toEqual(
      expect.arrayContaining([
        [cityPlan2025.title, 'targets_for_us', ['HN-HD-HC']],
        [districtPlan2024.title, 'targets_for_us', ['HN-HD-HC']],
        ['Kế hoạch của phường', 'full', []],
      ]),
    );
    const yenNghia = await call('GET', '/api/plans?year=2024', 'xa.yennghia');
    expect(yenNghia.body.items.map((p: any) => [p.title, p.targets.map((t: any) => t.unitCode)])).toEqual([
      [districtPlan2024.title, ['HN-HD-YN']],
    ]);

    const city = await call('GET', '/api/plans?unit=HN&year=2024', 'tp.hanoi');
    expect(city.body.items.map((p: any) => [p.unitCode, p.view])).toEqual(
      expect.arrayContaining([
        ['HN-HD', 'full'],
        ['HN-HD-HC', 'full'],
      ]),
    );
    expect((await call('GET', '/api/plans?unit=HN', 'quan.hadong')).status).toBe(403);
    expect((await call('GET', '/api/plans?year=1999', 'tp.hanoi')).status).toBe(422);
  });

  it('a plan is read whole at its level and above, partly below it, and not at all elsewhere', async () => {
    const list = await call('GET', '/api/plans?unit=HN&year=2025', 'tp.hanoi');
    const id = list.body.items.find((p: any) => p.title === cityPlan2025.title).id;
    expect((await call('GET', `/api/plans/${id}`, 'lanhdao.hanoi')).body.view).toBe('full');
    const ward = await call('GET', `/api/plans/${id}`, 'xa.hacau');
    expect(ward.body).toMatchObject({ view: 'targets_for_us', targets: [{ unitCode: 'HN-HD-HC' }] });
    expect(ward.body.revisions[0].targets).toEqual([cityPlan2025.targets[2]]);
    expect((await call('GET', `/api/plans/${id}`, 'xa.yennghia')).status).toBe(403);
    expect((await call('GET', `/api/plans/${id}/progress`, 'xa.yennghia')).status).toBe(403);
    expect((await call('GET', '/api/plans/no-such-plan', 'tp.hanoi')).status).toBe(404);

    // A second revision adds a target for the district's other ward: Hà Cầu's view of each revision keeps only its own.
    const { unitCode: _unit, ...fields } = cityPlan2025;
    const yenNghia = { programme: 'savings_book', metric: 'count', value: 3, unitCode: 'HN-HD-YN' };
    const edited = await call('PUT', `/api/plans/${id}`, 'tp.hanoi', {
      ...fields,
      targets: [...cityPlan2025.targets, yenNghia],
      expectedRevision: 1,
      reason: 'Thêm chỉ tiêu cho phường Yên Nghĩa',
    });
    expect(edited.status).toBe(200);
    const again = await call('GET', `/api/plans/${id}`, 'xa.hacau');
    expect(again.body.targets).toEqual([cityPlan2025.targets[2]]);
    expect(again.body.revisions.map((r: any) => r.targets)).toEqual([
      [cityPlan2025.targets[2]],
      [cityPlan2025.targets[2]],
    ]);
    const district = await call('GET', `/api/plans/${id}`, 'quan.hadong');
    expect(district.body.revisions.map((r: any) => r.targets.length)).toEqual([2, 3]);
  });
});

describe('progress', () => {
  it('equals what the dossiers approved and paid on housing-support-2024@4 add up to, per target and per lower unit', async () => {
    const money = moneyDossiers(ctx);
    const poor = await money.fund('Quỹ Vì người nghèo quận Hà Đông (kế hoạch)', 500 * M, 'HN-HD');
    const city = await money.fund('Ngân sách thành phố (kế hoạch)', 500 * M, 'HN');
    const first = await money.atApproval();
    expect(
      (
        await money.approve(first, 100 * M, [
          [poor, 70 * M],
          [city, 30 * M],
        ])
      ).status,
    ).toBe(200);
    const second = await money.atApproval();
    expect((await money.approve(second, 100 * M, [[poor, 100 * M]])).status).toBe(200);
    expect((await money.order(second, 50 * M)).status).toBe(200);
    expect((await money.confirmPaid(second)).status).toBe(200);
    await money.atApproval(); // proposed, not approved

    // The dossiers are opened and approved today: a city plan for this year.
    const year = vietnamDate(new Date()).slice(0, 4);
    const targets = [
      { programme: 'housing', metric: 'count', value: 3 },
      { programme: 'housing', supportType: 'new_build', metric: 'count', value: 2 },
      { programme: 'housing', metric: 'amount', value: 150 * M },
      { programme: 'housing', metric: 'count', value: 2, fundId: poor },
      { programme: 'housing', metric: 'count', value: 2, fundId: city },
      { programme: 'housing', metric: 'share', value: 70, sourceLevels: ['district'] },
      { programme: 'housing', metric: 'coverage', value: 50, baseline: 4 },
      { programme: 'savings_book', metric: 'count', value: 5 },
    ];
    const created = await call('POST', '/api/plans', 'tp.hanoi', {
      unitCode: 'HN',
      title: `Kế hoạch hỗ trợ nhà ở năm ${year}`,
      kind: 'year',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      targets,
    });
    expect(created.status).toBe(201);

    const progress = await call('GET', `/api/plans/${created.body.id}/progress`, 'tp.hanoi');
    expect(progress.status).toBe(200);
    const figures = progress.body.targets.map((t: any) => [t.actual, t.of, t.achieved, t.met]);
    expect(figures).toEqual([
      [2, null, 2, false], // two approved of three proposed
      [2, null, 2, true], // both new builds
      [200 * M, null, 200 * M, true], // 100 M + 100 M committed
      [2, null, 2, true], // the district's fund in both
      [1, null, 1, false], // the city's budget in the first only
      [2, 2, 100, true], // funded by a district fund: both of the two approved
      [2, 4, 50, true], // one household each, of 4
      [0, null, 0, false],
    ]);
    expect(progress.body.targets[0]).toMatchObject({
      ratio: 2 / 3,
      target: targets[0],
      byUnit: [{ unitCode: 'HN-HD', name: 'Quận Hà Đông', actual: 2 }],
    });
    expect(progress.body.names.funds).toEqual({
      [poor]: 'Quỹ Vì người nghèo quận Hà Đông (kế hoạch)',
      [city]: 'Ngân sách thành phố (kế hoạch)',
    });
  });
});
