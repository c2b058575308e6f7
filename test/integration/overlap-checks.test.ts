// Overlap checks (issue 15, item 5; docs/overlap-checks.md) through the API with a real worker and database, on the
// shipped rules: a second housing dossier for one household within 10 years is refused with 409 OverlapFound (its
// overlaps named without any citizen id or name) unless the creator overrides with a reason, which the history and
// the audit log keep; both dossiers' details show the overlap at read time; the administrator's rules API; the
// embed path; the backfill; concurrent creations.
import { DEFAULT_OVERLAP_RULES } from '../../domain/overlap/default-overlap-rules';
import { createFormRegistry } from '../../api/registry/create-form-registry';
import { createOverlapChecker } from '../../api/overlap/create-overlap-checker';
import { createOverlapRulesStore } from '../../api/overlap/overlap-rules-store';
import { reindexOverlapKeys } from '../../api/overlap/reindex-overlap-keys';
import { createEmbedToken, TEST_PORTAL } from './support/create-embed-token';
import { example } from './support/form-examples';
import { createOpenApiConformance } from './support/openapi-conformance';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem(undefined, { overlapDefaults: DEFAULT_OVERLAP_RULES });
let conformance: ReturnType<typeof createOpenApiConformance>;
const call = async (
  method: string,
  url: string,
  options: { as?: string; body?: unknown; headers?: Record<string, string> } = {},
) => conformance.check(method, url, await ctx.api.call(method, url, options));

let serial = 0;
/** A fresh household head's citizen id and name for each test. */
const household = () => {
  serial += 1;
  return { citizenId: `0011850${String(90000 + serial).padStart(5, '0')}`, headName: `Trần Văn Thử ${serial}` };
};

/** The housing proposal (housing-proposal@2) of `head`, in commune `unit`. */
function proposal(head: { citizenId: string; headName: string }, unit: string) {
  const data = example('housing-proposal@2');
  data.household.citizenId = head.citizenId;
  data.household.headName = head.headName;
  data.household.address.unitCode = unit;
  return data;
}

const create = (as: string, unit: string, head: { citizenId: string; headName: string }, extra: object = {}) =>
  call('POST', '/api/dossiers', {
    as,
    body: { processKey: 'housing-support-2024', processVersion: 4, data: proposal(head, unit), ...extra },
  });

/** `npm run overlap:reindex` on the test system, with the shipped rules. */
const reindex = () => {
  const { models, overlapKey } = ctx.system;
  return reindexOverlapKeys({
    models,
    forms: createFormRegistry({ models }),
    overlaps: createOverlapChecker({
      models,
      key: overlapKey,
      rules: createOverlapRulesStore(models, DEFAULT_OVERLAP_RULES),
    }),
  });
};

const unitName = async (code: string) => (await ctx.system.models.Unit.findById(code, { name: 1 }).lean())!.name;

/** Everything the console received while `run` ran, as one string (the harness's API and worker log there). */
async function consoleDuring<T>(run: () => Promise<T>): Promise<{ result: T; logged: string }> {
  const lines: string[] = [];
  const spies = (['log', 'info', 'warn', 'error'] as const).map((m) =>
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(JSON.stringify(args))),
  );
  try {
    return { result: await run(), logged: lines.join('\n') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

beforeAll(async () => {
  conformance = createOpenApiConformance((await ctx.api.call('GET', '/openapi.json')).body);
});

afterAll(() => {
  expect(conformance.problems()).toEqual([]);
});

describe('overlap checks at creation', () => {
  it('refuses a second housing dossier for the household with 409 OverlapFound, naming no person, and stores nothing', async () => {
    const head = household();
    const first = await create('xa.hacau', 'HN-HD-HC', head);
    expect(first.status).toBe(201);
    expect(first.body.overlap).toEqual({ overlaps: [], override: null });
    const views = await ctx.system.models.DossierView.countDocuments();
    const submissions = await ctx.system.models.Submission.countDocuments();

    const { result: refused, logged } = await consoleDuring(() => create('xa.yennghia', 'HN-HD-YN', head));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'OverlapFound',
      message: expect.stringContaining('trùng lặp'),
      overlaps: [
        {
          ruleId: 'housing-10-years',
          ruleTitle: DEFAULT_OVERLAP_RULES[0]!.title,
          subject: 'household',
          programme: 'housing',
          supportType: 'new_build',
          year: Number(first.body.openedAt.slice(0, 4)),
          unitName: await unitName('HN-HD-HC'),
        },
      ],
    });
    // Another ward may not read the first dossier: its code is left out.
    expect(refused.body.error.overlaps[0]).not.toHaveProperty('dossierId');
    for (const text of [JSON.stringify(refused.body), logged]) {
      expect(text).not.toContain(head.citizenId);
      expect(text).not.toContain(head.headName);
    }
    expect(await ctx.system.models.DossierView.countDocuments()).toBe(views);
    expect(await ctx.system.models.Submission.countDocuments()).toBe(submissions);

    // The first dossier's own ward may read it: the code is given, in English too.
    const own = await call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      headers: { 'accept-language': 'en' },
      body: { processKey: 'housing-support-2024', processVersion: 4, data: proposal(head, 'HN-HD-HC') },
    });
    expect(own.status).toBe(409);
    expect(own.body.error.message).toMatch(/overlapping dossier/);
    expect(own.body.error.overlaps).toEqual([expect.objectContaining({ dossierId: first.body.id })]);
  });

  it('creates it with an override: the reason and overlaps in the history and the audit log, and the flag on both dossiers', async () => {
    const head = household();
    const first = await create('xa.hacau', 'HN-HD-HC', head);
    const reason = 'Nhà bị lũ cuốn trôi tháng 9, cần xây lại';
    const second = await create('xa.yennghia', 'HN-HD-YN', head, { overlapOverride: { reason } });
    expect(second.status).toBe(201);
    const id = second.body.id as string;
    expect(second.body.history[0]).toMatchObject({
      action: 'create',
      actor: { userId: expect.any(String), unitCode: 'HN-HD-YN' },
      overlapOverride: {
        reason,
        overlaps: [{ ruleId: 'housing-10-years', programme: 'housing', supportType: 'new_build', unit: 'HN-HD-HC' }],
      },
    });
    // Not readable by the ward that overrode: the history shows the overlap without the other dossier's code.
    expect(second.body.history[0].overlapOverride.overlaps[0]).not.toHaveProperty('dossierId');
    const audit = await ctx.system.models.AuditEntry.findById(`${id}#1`).lean();
    expect(audit).toMatchObject({
      action: 'create',
      actor: { unitCode: 'HN-HD-YN' },
      overlapOverride: { reason, overlaps: [{ ruleId: 'housing-10-years', dossierId: first.body.id }] },
    });

    // The next level sees the flag with the override reason, and the code of a dossier in its district.
    const atDistrict = await call('GET', `/api/dossiers/${id}`, { as: 'quan.hadong' });
    expect(atDistrict.body.overlap).toEqual({
      overlaps: [expect.objectContaining({ ruleId: 'housing-10-years', dossierId: first.body.id })],
      override: { reason, at: second.body.openedAt, by: second.body.history[0].actor },
    });
    // The earlier dossier learns of the later one at read time.
    const earlier = await call('GET', `/api/dossiers/${first.body.id}`, { as: 'xa.hacau' });
    expect(earlier.body.overlap).toEqual({
      overlaps: [expect.objectContaining({ ruleId: 'housing-10-years', unitName: await unitName('HN-HD-YN') })],
      override: null,
    });
    expect(earlier.body.overlap.overlaps[0]).not.toHaveProperty('dossierId');
  });

  it('keeps citizen ids out of the index, the workflow search attributes and the workflow input', async () => {
    const head = household();
    const first = await create('xa.hacau', 'HN-HD-HC', head);
    const entries = await ctx.system.models.OverlapKey.find({ dossierId: first.body.id }).lean();
    expect(entries).toEqual([
      expect.objectContaining({
        subject: 'household',
        programme: 'housing',
        keyHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    expect(JSON.stringify(entries)).not.toContain(head.citizenId);
    const described = await ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(first.body.id)).describe();
    expect(JSON.stringify(described.searchAttributes)).not.toContain(head.citizenId);
    expect(JSON.stringify(described.typedSearchAttributes)).not.toContain(head.headName);
    // The workflow's input (its first event's payload, the definition and facts included) names neither.
    const handle = ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(first.body.id));
    const started = (await handle.fetchHistory()).events?.[0]?.workflowExecutionStartedEventAttributes;
    const input = Buffer.from(started!.input!.payloads![0]!.data!).toString('utf8');
    expect(input).toContain(first.body.id);
    expect(input).not.toContain(head.citizenId);
    expect(input).not.toContain(head.headName);
  });

  it('refuses an override without a reason, field by field, and creates nothing', async () => {
    const head = household();
    await create('xa.hacau', 'HN-HD-HC', head);
    const views = await ctx.system.models.DossierView.countDocuments();
    for (const overlapOverride of [{ reason: '' }, { reason: '     ' }, { reason: 'x'.repeat(1001) }, {}]) {
      const res = await create('xa.hacau', 'HN-HD-HC', head, { overlapOverride });
      expect(res.status).toBe(422);
      const paths = new Set(res.body.error.fields.map((f: { path: string }) => f.path));
      expect([...paths]).toEqual(['/overlapOverride/reason']);
    }
    expect(await ctx.system.models.DossierView.countDocuments()).toBe(views);
  });

  it('lets a new dossier through once the earlier one is withdrawn (it gave no support)', async () => {
    const head = household();
    const first = await create('xa.hacau', 'HN-HD-HC', head);
    const withdrawn = await call('POST', `/api/dossiers/${first.body.id}/actions`, {
      as: 'xa.hacau',
      body: { action: 'withdraw', comment: 'Hộ xin rút hồ sơ' },
    });
    expect(withdrawn.status).toBe(200);
    const entry = await ctx.system.models.OverlapKey.findOne({ dossierId: first.body.id }).lean();
    expect(entry).toMatchObject({ outcome: 'withdrawn', closedAt: expect.any(Date) });
    expect((await create('xa.hacau', 'HN-HD-HC', head)).status).toBe(201);
  });

  it('flags concurrent creations for one household on both dossiers at read time', async () => {
    const head = household();
    const results = await Promise.all([0, 1, 2].map(() => create('xa.hacau', 'HN-HD-HC', head)));
    expect(results.every((r) => r.status === 201 || (r.status === 409 && r.body.error.code === 'OverlapFound'))).toBe(
      true,
    );
    const created = results.filter((r) => r.status === 201).map((r) => r.body.id as string);
    expect(created.length).toBeGreaterThanOrEqual(1);
    // Whichever passed the check together know of each other: each detail lists every other created dossier.
    for (const id of created) {
      const detail = await call('GET', `/api/dossiers/${id}`, { as: 'xa.hacau' });
      expect(detail.body.overlap.overlaps.map((o: { dossierId: string }) => o.dossierId).sort()).toEqual(
        created.filter((other) => other !== id).sort(),
      );
    }
  });

  it('checks the embed path too, never naming a dossier code to a portal, and takes its override', async () => {
    const head = household();
    const first = await create('xa.hacau', 'HN-HD-HC', head);
    const { token } = await createEmbedToken(ctx.api, { processKey: 'housing-support-2024', processVersion: 4 });
    const submit = (extra: object = {}) =>
      call('POST', `/api/embed/${token}/submissions`, {
        headers: { origin: TEST_PORTAL },
        body: { data: proposal(head, 'HN-HD-HC'), ...extra },
      });
    const refused = await submit();
    expect(refused.status).toBe(409);
    expect(refused.body.error.overlaps).toEqual([expect.objectContaining({ ruleId: 'housing-10-years' })]);
    expect(refused.body.error.overlaps[0]).not.toHaveProperty('dossierId');
    expect(JSON.stringify(refused.body)).not.toContain(first.body.id);
    const accepted = await submit({ overlapOverride: { reason: 'Hộ đã tách khẩu, chủ hộ mới' } });
    expect(accepted.status).toBe(201);
    const detail = await call('GET', `/api/dossiers/${accepted.body.dossierId}`, { as: 'xa.hacau' });
    expect(detail.body.overlap.override).toMatchObject({
      reason: 'Hộ đã tách khẩu, chủ hộ mới',
      by: { role: 'portal' },
    });
  });

  it('finds a person by any field the form marks as cccd: a second open education dossier for the child', async () => {
    const data = example('education-support@1');
    data.household.unitCode = 'HN-KIENHUNG';
    data.child.citizenId = '001215077702';
    const start = () =>
      call('POST', '/api/dossiers', {
        as: 'xa2025.kienhung',
        body: { processKey: 'education-support-2025', processVersion: 1, data },
      });
    const first = await start();
    expect(first.status).toBe(201);
    const second = await start();
    expect(second.status).toBe(409);
    expect(second.body.error.overlaps).toEqual([
      expect.objectContaining({
        ruleId: 'education-one-open',
        subject: 'person',
        programme: 'education',
        dossierId: first.body.id,
      }),
    ]);
    expect(JSON.stringify(second.body)).not.toContain(data.child.citizenId);
  });

  it('rebuilds lost index entries with the backfill (npm run overlap:reindex)', async () => {
    const head = household();
    const first = await create('xa.hacau', 'HN-HD-HC', head);
    await ctx.system.models.OverlapKey.deleteMany({ dossierId: first.body.id });
    expect((await create('xa.hacau', 'HN-HD-HC', head)).status).toBe(201); // nothing to overlap with now
    const { models } = ctx.system;
    const report = await reindex();
    expect(report.indexed).toBeGreaterThanOrEqual(2);
    expect(await models.OverlapKey.countDocuments({ dossierId: first.body.id })).toBe(1);
    expect((await create('xa.hacau', 'HN-HD-HC', head)).status).toBe(409);
  });
});

describe('the overlap rules API', () => {
  it('shows the shipped rules to a province administrator only, and replaces them (audited); a bad rule is 422 and saves nothing', async () => {
    expect((await call('GET', '/api/admin/overlap-rules', { as: 'xa.hacau' })).status).toBe(403);
    const shipped = await call('GET', '/api/admin/overlap-rules', { as: 'admin.hanoi' });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toEqual({ rules: DEFAULT_OVERLAP_RULES, custom: false });

    const rule = DEFAULT_OVERLAP_RULES[0]!;
    const bad = await call('PUT', '/api/admin/overlap-rules', {
      as: 'admin.hanoi',
      body: {
        rules: [
          { ...rule, subject: 'family' },
          { ...rule, id: 'b', window: { years: 0 } },
          { ...rule, id: 'c', sides: [rule.sides[0]] },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['/rules/0/subject', '/rules/1/window', '/rules/2/sides']),
    );
    const duplicate = await call('PUT', '/api/admin/overlap-rules', {
      as: 'admin.hanoi',
      body: { rules: [rule, rule] },
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.error.fields).toEqual([
      expect.objectContaining({ path: '/rules/1/id', message: expect.stringContaining('bị trùng') }),
    ]);
    expect((await call('GET', '/api/admin/overlap-rules', { as: 'admin.hanoi' })).body.custom).toBe(false);

    // Housing repairs only: a new build and a repair for one household no longer overlap.
    const repairsOnly = {
      ...rule,
      sides: [
        { programme: 'housing', supportTypes: ['repair'] },
        { programme: 'housing', supportTypes: ['repair'] },
      ],
    };
    const saved = await call('PUT', '/api/admin/overlap-rules', { as: 'admin.hanoi', body: { rules: [repairsOnly] } });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ rules: [repairsOnly], custom: true });
    expect(await ctx.system.models.AdminEvent.findOne({ kind: 'overlap_rules.update' }).lean()).toMatchObject({
      target: 'overlap-rules',
      details: { ruleIds: [rule.id] },
    });
    const head = household();
    expect((await create('xa.hacau', 'HN-HD-HC', head)).status).toBe(201);
    expect((await create('xa.hacau', 'HN-HD-HC', head)).status).toBe(201);

    const restored = await call('PUT', '/api/admin/overlap-rules', {
      as: 'admin.hanoi',
      body: { rules: DEFAULT_OVERLAP_RULES },
    });
    expect(restored.body).toEqual({ rules: DEFAULT_OVERLAP_RULES, custom: true });
    expect((await create('xa.hacau', 'HN-HD-HC', head)).status).toBe(409);
  });
});

describe("a Tết-gift list's lines in the overlap checks", () => {
  /** A commune's Tết-gift list (tet-gift-list@1, post-2025 chain) whose lines are `heads`, one gift each. */
  const list = (heads: { citizenId: string; headName: string }[], extra: object = {}) => {
    const data = example('tet-gift-list@1');
    const line = data.households[0];
    data.households = heads.map((h) => ({ ...line, citizenId: h.citizenId, headName: h.headName, value: 500_000 }));
    data.beneficiaries = heads.length;
    data.requestedAmount = heads.length * 500_000;
    return call('POST', '/api/dossiers', {
      as: 'xa2025.kienhung',
      body: { processKey: 'tet-gift-2025', processVersion: 1, data, ...extra },
    });
  };

  it('refuses a second list that names a household of an earlier list, pointing at its line, and the reindex keeps it so', async () => {
    const [a, b, c, d] = [household(), household(), household(), household()];
    const first = await list([a, b]);
    expect(first.status).toBe(201);
    expect((await list([c, d])).status).toBe(201); // no household in common

    const second = await list([household(), c, household()]);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('OverlapFound');
    expect(second.body.error.overlaps).toEqual([
      expect.objectContaining({ ruleId: 'tet-gift-once', subject: 'household', programme: 'tet_gift' }),
    ]);
    expect(second.body.error.fields).toEqual([
      {
        path: '/data/households/1/citizenId',
        keyword: 'overlap',
        message: expect.stringContaining('Hộ ở dòng 2 đã được hỗ trợ'),
      },
    ]);
    expect(JSON.stringify(second.body)).not.toContain(c.citizenId);
    expect(JSON.stringify(second.body)).not.toContain(c.headName);

    // Lost entries of the first list come back from its creation submission, line by line.
    await ctx.system.models.OverlapKey.deleteMany({ dossierId: first.body.id });
    expect((await list([b, household()])).status).toBe(201); // nothing to overlap with now
    const { models } = ctx.system;
    await reindex();
    const entries = await models.OverlapKey.find({ dossierId: first.body.id }, { subject: 1 }).lean();
    expect(entries.map((e) => e.subject)).toEqual(['household', 'household']);
    const third = await list([a]);
    expect([third.status, third.body.error?.fields?.map((f: { path: string }) => f.path)]).toEqual([
      409,
      ['/data/households/0/citizenId'],
    ]);
  });

  it("refuses a list naming a household that got a Tết gift by another list, with the line's field, in English too", async () => {
    const head = household();
    expect((await list([head])).status).toBe(201);
    const again = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa2025.kienhung',
      headers: { 'Accept-Language': 'en' },
      body: {
        processKey: 'tet-gift-2025',
        processVersion: 1,
        data: {
          ...example('tet-gift-list@1'),
          households: [{ ...example('tet-gift-list@1').households[1], citizenId: head.citizenId, value: 1_000_000 }],
          beneficiaries: 1,
          requestedAmount: 1_000_000,
        },
      },
    });
    expect([again.status, again.body.error.fields]).toEqual([
      409,
      [
        {
          path: '/data/households/0/citizenId',
          keyword: 'overlap',
          message: expect.stringContaining('household on line 1 is already supported'),
        },
      ],
    ]);
    const overridden = await list([head], { overlapOverride: { reason: 'Hộ bị hỏa hoạn, được tặng thêm quà' } });
    expect(overridden.status).toBe(201);
  });
});
