// The poverty register against the real system (Temporal + FerretDB): a commune's officers write its register as
// append-only revisions (a stale or concurrent one is 409, a bad row refuses the whole register at its field with
// nothing written), a ward cannot read or write another ward's register, counts roll up, and a plan's coverage target
// with the register as its baseline counts exactly the households and people the dossiers name (matched by the
// overlap index's keyed hashes), listing the households not yet covered to their own commune only.
import ExcelJS from 'exceljs';
import { REGISTER_COLUMNS } from '../../domain/poverty-register/register-rows';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { example } from './support/form-examples';
import { createOpenApiConformance } from './support/openapi-conformance';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
let conformance: ReturnType<typeof createOpenApiConformance>;
const call = async (method: string, url: string, as: string, body?: unknown) =>
  conformance.check(method, url, await ctx.api.call(method, url, { as, ...(body === undefined ? {} : { body }) }));
const fieldsOf = (body: any): string[] => body.error.fields.map((f: { path: string }) => f.path);
const registerCount = () => ctx.system.models.PovertyRegister.countDocuments();

/** The year of the review: this year (dossiers created now are opened in it). */
const YEAR = Number(vietnamDate(new Date()).slice(0, 4));
const KH = 'HN-KIENHUNG';
const HD = 'HN-HADONG';

const id = (n: number) => `0790000000${String(n).padStart(2, '0')}`;
const household = (name: string, n: number, category: string, members: number[] = []) => ({
  headName: name,
  cccd: id(n),
  hamlet: 'Tổ dân phố số 3',
  category,
  ethnicMinority: n % 2 === 0,
  members: members.map((m) => ({ name: `Thành viên ${m}`, cccd: id(m) })),
});
const KIEN_HUNG = [
  household('Nguyễn Văn An', 1, 'poor', [11, 12]),
  household('Trần Thị Bình', 2, 'near_poor', [21]),
  household('Lê Văn Cường', 3, 'poor'),
  household('Phạm Thị Dung', 4, 'exited'),
];
const HA_DONG = [household('Hoàng Văn Em', 5, 'poor'), household('Đỗ Thị Phương', 6, 'near_poor', [61])];
const register = (
  unitCode: string,
  households: unknown[],
  expectedRevision = 0,
  reason = 'Kết quả rà soát cuối năm',
) => ({
  unitCode,
  year: YEAR,
  expectedRevision,
  reason,
  households,
});

function tetList(ids: number[]) {
  const data = example('tet-gift-list@1');
  data.households = ids.map((n, i) => ({
    headName: `Người nhận ${i + 1}`,
    citizenId: id(n),
    village: 'Tổ dân phố số 3',
    povertyStatus: 'poor',
    value: 1_000_000,
  }));
  data.beneficiaries = ids.length;
  data.requestedAmount = ids.length * 1_000_000;
  return { processKey: 'tet-gift-2025', processVersion: 1, data };
}
function insuranceList(ids: number[]) {
  const data = example('health-insurance-list@1');
  data.people = ids.map((n, i) => ({ ...data.people[0], fullName: `Người được hỗ trợ ${i + 1}`, citizenId: id(n) }));
  data.beneficiaries = ids.length;
  data.requestedAmount = ids.length * data.people[0].cardValue;
  return { processKey: 'health-insurance-2025', processVersion: 1, data };
}

const coverage = (unitCode?: string, counting = 'households', programme = 'tet_gift') => ({
  programme,
  metric: 'coverage',
  value: 100,
  ...(unitCode ? { unitCode } : {}),
  registerBaseline: { categories: ['poor', 'near_poor'], counting },
});
const plan = (targets: unknown[]) => ({
  unitCode: 'HN',
  title: 'Tết vì người nghèo',
  kind: 'year',
  from: `${YEAR}-01-01`,
  to: `${YEAR}-12-31`,
  targets,
});

beforeAll(async () => {
  conformance = createOpenApiConformance((await ctx.api.call('GET', '/openapi.json')).body);
});
afterAll(() => {
  expect(conformance.problems()).toEqual([]);
});

async function workbook(rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách hộ');
  sheet.addRow(REGISTER_COLUMNS.map(([, header]) => header));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('importing a workbook', () => {
  const rows = [
    ['1', 'Nguyễn Văn An', id(1), 'x', 'Tổ dân phố số 3', 'Nghèo', 'không'],
    ['1', 'Thành viên 11', id(11), '', '', '', ''],
    ['2', 'Trần Thị Bình', id(2), 'x', 'Tổ dân phố số 3', 'cận nghèo', 'có'],
  ];

  it('reads one person a row into households, writing nothing', async () => {
    const res = await call('POST', '/api/poverty-registers/xlsx', 'xa2025.kienhung', { content: await workbook(rows) });
    expect(res.status).toBe(200);
    expect(res.body.households).toEqual([
      { ...household('Nguyễn Văn An', 1, 'poor', [11]), ethnicMinority: false },
      { ...household('Trần Thị Bình', 2, 'near_poor'), ethnicMinority: true },
    ]);
    expect(await registerCount()).toBe(0);
  });

  it('answers every bad cell at its sheet row and column, and no households', async () => {
    const bad = [
      rows[0]!,
      ['1', 'Thành viên 11', '12345', '', '', '', ''],
      ['2', '', id(2), '', 'Tổ 3', 'khá giả', ''],
    ];
    const res = await call('POST', '/api/poverty-registers/xlsx', 'xa2025.kienhung', { content: await workbook(bad) });
    expect([res.status, fieldsOf(res.body)]).toEqual([422, ['/rows/3/cccd', '/rows/4/name', '/rows/4/head']]);
    const notExcel = await call('POST', '/api/poverty-registers/xlsx', 'xa2025.kienhung', { content: 'aGVsbG8=' });
    expect([notExcel.status, fieldsOf(notExcel.body)]).toEqual([422, ['/content']]);
  });
});

describe('writing a register', () => {
  it('a bad row refuses the whole register at its field, in Vietnamese and English, and nothing is written', async () => {
    const bad = [
      KIEN_HUNG[0],
      { ...KIEN_HUNG[1], cccd: '12345' },
      { ...KIEN_HUNG[2], members: [{ name: 'Trùng', cccd: id(11) }] },
    ];
    const res = await call('POST', '/api/poverty-registers', 'xa2025.kienhung', register(KH, bad));
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(['/households/1/cccd']);
    const duplicate = await call('POST', '/api/poverty-registers', 'xa2025.kienhung', register(KH, [bad[0], bad[2]]));
    expect([duplicate.status, fieldsOf(duplicate.body)]).toEqual([422, ['/households/1/members/0/cccd']]);
    const english = await ctx.api.call('POST', '/api/poverty-registers', {
      as: 'xa2025.kienhung',
      body: register(KH, [bad[0], bad[2]]),
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.error.fields[0].message).not.toEqual(duplicate.body.error.fields[0].message);
    expect(JSON.stringify([res.body, duplicate.body, english.body])).not.toContain(id(11));
    for (const unit of ['HN', 'HN-NOWHERE']) {
      const wrongUnit = await call('POST', '/api/poverty-registers', 'admin.hanoi', register(unit, []));
      expect([wrongUnit.status, fieldsOf(wrongUnit.body)]).toEqual([422, ['/unitCode']]);
    }
    expect(await registerCount()).toBe(0);
  });

  it('the commune writes revisions with who and why; another ward gets 403, a stale revision 409, concurrent ones one winner', async () => {
    const first = await call('POST', '/api/poverty-registers', 'xa2025.kienhung', register(KH, KIEN_HUNG.slice(0, 1)));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ revision: 1, unitName: 'Phường Kiến Hưng', mayEdit: true });
    expect(first.body.households[0].cccd).toBe('0790******01');
    expect(JSON.stringify(first.body)).not.toContain(id(1));
    expect((await call('POST', '/api/poverty-registers', 'xa2025.hadong', register(KH, KIEN_HUNG))).status).toBe(403);
    const stale = await call('POST', '/api/poverty-registers', 'xa2025.kienhung', register(KH, KIEN_HUNG));
    expect([stale.status, stale.body.error.code]).toEqual([409, 'register_revision_conflict']);

    const racing = await Promise.all(
      [0, 1, 2].map((i) =>
        call(
          'POST',
          '/api/poverty-registers',
          'xa2025.kienhung',
          register(KH, KIEN_HUNG, 1, `Bổ sung sau rà soát ${i}`),
        ),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const stored = await ctx.system.models.PovertyRegister.find({ unitCode: KH }).lean();
    expect(stored.map((r) => r.revision).sort()).toEqual([1, 2]);
    expect(JSON.stringify(stored)).not.toContain(id(1));

    expect((await call('POST', '/api/poverty-registers', 'xa2025.hadong', register(HD, HA_DONG))).status).toBe(201);
  });
});

describe('reading registers', () => {
  it('the ward and the levels above read it, ids masked; another ward gets 403; counts roll up to the city', async () => {
    const own = await call('GET', `/api/poverty-registers/${KH}/${YEAR}`, 'xa2025.kienhung');
    expect(own.status).toBe(200);
    expect(own.body.revision).toBe(2);
    expect(own.body.revisions.map((r: { revision: number; reason: string }) => r.revision)).toEqual([1, 2]);
    expect(own.body.counts).toEqual({
      households: { poor: 2, near_poor: 1, exited: 1 },
      people: { poor: 4, near_poor: 2, exited: 1 },
      ethnicMinorityHouseholds: 2,
    });
    const city = await call('GET', `/api/poverty-registers/${KH}/${YEAR}`, 'tp.hanoi');
    expect([city.status, city.body.mayEdit]).toEqual([200, false]);
    expect(city.body.households[0].members.map((m: { cccd: string }) => m.cccd)).toEqual([
      '0790******11',
      '0790******12',
    ]);
    expect((await call('GET', `/api/poverty-registers/${KH}/${YEAR}`, 'xa2025.hadong')).status).toBe(403);
    expect((await call('GET', `/api/poverty-registers/${KH}/${YEAR - 1}`, 'tp.hanoi')).status).toBe(404);

    const summary = await call('GET', `/api/poverty-register-summary?unit=HN&year=${YEAR}`, 'tp.hanoi');
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      registers: 2,
      counts: { households: { poor: 3, near_poor: 2, exited: 1 }, people: { poor: 5, near_poor: 4, exited: 1 } },
    });
    expect(summary.body.byUnit.map((u: { name: string; registers: number }) => [u.name, u.registers])).toEqual([
      ['Phường Hà Đông', 1],
      ['Phường Kiến Hưng', 1],
    ]);
    expect((await call('GET', `/api/poverty-register-summary?unit=HN&year=${YEAR}`, 'xa2025.hadong')).status).toBe(403);
  });
});

describe('coverage against the register', () => {
  it('a register baseline is refused on a target that is not coverage, or with a typed baseline too', async () => {
    const res = await call(
      'POST',
      '/api/plans',
      'tp.hanoi',
      plan([
        { ...coverage(), metric: 'count', value: 5 },
        { ...coverage(undefined, 'people', 'health_insurance'), baseline: 10 },
      ]),
    );
    expect([res.status, fieldsOf(res.body).sort()]).toEqual([
      422,
      ['/targets/0/registerBaseline', '/targets/1/registerBaseline'],
    ]);
  });

  it('counts exactly the households and people the dossiers name, and lists the uncovered to their own commune only', async () => {
    const created = await Promise.all([
      // Kiến Hưng's Tết list: a head, a member of another household, an exited household and someone not registered.
      ctx.api.call('POST', '/api/dossiers', { as: 'xa2025.kienhung', body: tetList([1, 21, 4, 99]) }),
      ctx.api.call('POST', '/api/dossiers', { as: 'xa2025.hadong', body: tetList([5]) }),
      // Health insurance for three people of Kiến Hưng: they count for insurance, not for Tết gifts.
      ctx.api.call('POST', '/api/dossiers', { as: 'xa2025.kienhung', body: insuranceList([1, 11, 3]) }),
    ]);
    expect(created.map((r) => r.status)).toEqual([201, 201, 201]);

    const made = await call(
      'POST',
      '/api/plans',
      'tp.hanoi',
      plan([coverage(), coverage(undefined, 'people', 'health_insurance'), coverage(KH), coverage(HD)]),
    );
    expect(made.status).toBe(201);
    const progress = await call('GET', `/api/plans/${made.body.id}/progress`, 'tp.hanoi');
    expect(progress.status).toBe(200);
    const [tet, insurance] = progress.body.targets;
    expect(tet).toMatchObject({ actual: 3, of: 5, achieved: 60, met: false });
    expect(tet.byUnit.map((u: { name: string; actual: number }) => [u.name, u.actual])).toEqual([
      ['Phường Kiến Hưng', 2],
      ['Phường Hà Đông', 1],
    ]);
    expect(tet.register).toEqual({
      byCommune: [
        { unitCode: HD, name: 'Phường Hà Đông', covered: 1, total: 2 },
        { unitCode: KH, name: 'Phường Kiến Hưng', covered: 2, total: 3 },
      ],
      uncovered: [],
    });
    expect(insurance).toMatchObject({ actual: 3, of: 9 });
    expect(JSON.stringify(progress.body)).not.toContain('Lê Văn Cường');

    const kienHung = await call('GET', `/api/plans/${made.body.id}/progress`, 'xa2025.kienhung');
    expect(kienHung.body.targets.map((t: { index: number }) => t.index)).toEqual([2]);
    expect(kienHung.body.targets[0].register.uncovered).toEqual([
      {
        unitCode: KH,
        name: 'Phường Kiến Hưng',
        households: [
          {
            headName: 'Lê Văn Cường',
            cccd: '0790******03',
            hamlet: 'Tổ dân phố số 3',
            category: 'poor',
            people: 1,
            uncoveredPeople: 1,
          },
        ],
      },
    ]);
    const haDong = await call('GET', `/api/plans/${made.body.id}/progress`, 'xa2025.hadong');
    expect(
      haDong.body.targets[0].register.uncovered[0].households.map((h: { headName: string }) => h.headName),
    ).toEqual(['Đỗ Thị Phương']);
    expect(JSON.stringify(haDong.body)).not.toContain('Lê Văn Cường');
  });
});
