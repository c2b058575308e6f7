import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { acquireLease } from '../../storage/acquire-lease';
import { diffSlaCounters, type SlaCounterDrift } from '../../read-model/sla/diff-sla-counters';
import { mongoCountedViewStore, type CountedViewWrite } from '../../read-model/sla/counted-view-store';
import { reconcileSlaCounters, SLA_RECONCILE_LEASE } from '../../read-model/sla/reconcile-sla-counters';
import { writeCountedView } from '../../read-model/sla/write-counted-view';
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

/**
 * The SLA counters repaired while the system runs: real dossiers through the API, drift written straight into
 * `sla_counters` (what a projection killed between its two writes, or a storage that lost an update, leaves), the
 * API meanwhile never showing a negative count, and reconcileSlaCounters (and `npm run sla:reconcile`) putting the
 * counters back to a recount of the read model. Its own database and workflow-id prefix come from useTestSystem.
 */
const ctx = useTestSystem();
const HOUSING = 'housing-support-2024';
const act = (user: string, id: string, body: Record<string, unknown>) =>
  ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body });
async function create(user: string, unit: string): Promise<string> {
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: user,
    body: { processKey: HOUSING, data: proposalIn(unit) },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}
const counters = () => ctx.system.models.SlaCounter.collection;
const openId = (scope: string, unit: string) => JSON.stringify(['open', scope, unit]);
const finishedId = (scope: string, receivingUnit: string) =>
  JSON.stringify(['finished', scope, receivingUnit, HOUSING]);

/** Every number anywhere in an API answer (counts, totals, rates), with where it is. */
function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}/${k}`));
}
/** What users see of the counts: the summary (per procedure and per unit) and the inbox counts, for a few users. */
async function shownCounts(): Promise<Record<string, unknown>> {
  const shown: Record<string, unknown> = {};
  for (const [user, path] of [
    ['tp.hanoi', '/api/sla/summary'],
    ['tp.hanoi', '/api/sla/summary?finishedBy=unit'],
    ['quan.hadong', '/api/sla/summary'],
    ['xa.hacau', '/api/sla/summary'],
    ['xa.hacau', '/api/inbox'],
    ['quan.hadong', '/api/inbox'],
  ] as const) {
    const res = await ctx.api.call('GET', path, { as: user });
    expect(res.status).toBe(200);
    shown[`${user} ${path}`] = path.startsWith('/api/inbox')
      ? res.body.counts
      : { pending: res.body.pending, totals: res.body.totals, finished: res.body.finished };
  }
  return shown;
}
async function allPages(user: string, path: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await ctx.api.call(
      'GET',
      `${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      { as: user },
    );
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((i) => i.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}
/** The counts equal the lists behind them: the summary's open totals and the inbox counts. */
async function expectCountsEqualLists(): Promise<void> {
  for (const user of ['tp.hanoi', 'quan.hadong', 'xa.hacau']) {
    const summary = await ctx.api.call('GET', '/api/sla/summary', { as: user });
    expect(summary.body.totals.total).toBe((await allPages(user, '/api/sla/pending')).length);
    for (const t of ['not_due', 'near_due', 'overdue', 'stopped']) {
      expect([user, t, summary.body.totals[t]]).toEqual([
        user,
        t,
        (await allPages(user, `/api/sla/pending?timeliness=${t}`)).length,
      ]);
    }
  }
  for (const user of ['xa.hacau', 'quan.hadong']) {
    const inbox = await ctx.api.call('GET', '/api/inbox?limit=200', { as: user });
    expect(inbox.body.counts.total).toBe(inbox.body.items.length);
  }
}
/** Polls until the counters equal a recount (the projections of the last actions have landed). */
async function settled(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await diffSlaCounters(ctx.system.models)).drifts.length > 0) {
    if (Date.now() > deadline) throw new Error('the SLA counters never equalled the recount');
    await new Promise((r) => setTimeout(r, 200));
  }
}
const captureLogger = () => {
  const lines: { level: string; message: string; meta: Record<string, unknown> | undefined }[] = [];
  return {
    lines,
    info: (message: string, meta?: Record<string, unknown>) => void lines.push({ level: 'info', message, meta }),
    warn: (message: string, meta?: Record<string, unknown>) => void lines.push({ level: 'warn', message, meta }),
  };
};

let finished: string;
beforeAll(async () => {
  await create('xa.hacau', 'HN-HD-HC'); // waits at the commune
  for (const [user, unit] of [
    ['xa.yennghia', 'HN-HD-YN'],
    ['xa.phuluong', 'HN-HD-PL'],
  ] as const) {
    expect((await act(user, await create(user, unit), { action: 'submit' })).status).toBe(200); // waits at the district
  }
  finished = await create('xa.dongmai', 'HN-HD-DM');
  expect((await act('xa.dongmai', finished, { action: 'submit' })).status).toBe(200);
  expect((await act('quan.hadong', finished, { action: 'reject', comment: 'Không đủ điều kiện' })).status).toBe(200);
  await settled();
});

describe('reconciling the SLA counters', () => {
  it('repairs each injected drift, logs it, and the API never shows a negative count meanwhile', async () => {
    const before = await shownCounts();
    const district = openId('*', 'HN-HD');
    const districtDoc = await counters().findOne({ _id: district as never });
    const [districtEntry, districtCount] = Object.entries((districtDoc?.c ?? {}) as Record<string, number>).find(
      ([, n]) => n > 0,
    )!;
    const communeEntry = Object.keys(
      ((await counters().findOne({ _id: openId('*', 'HN-HD-HC') as never }))?.c ?? {}) as Record<string, number>,
    )[0]!;
    const deleted = finishedId('HN', '*');
    const deletedDoc = await counters().findOne({ _id: deleted as never });
    expect(deletedDoc?.m).toBeDefined();
    const [month] = Object.keys(deletedDoc!.m as Record<string, unknown>);
    const bogus = 'c.treasurer|district|housing|in_progress|overdue';

    // The drift: one count moved, a counter document lost, a count that no dossier stands behind, two negatives.
    await counters().updateOne({ _id: district as never }, { $inc: { [`c.${districtEntry}`]: 2 } });
    await counters().deleteOne({ _id: deleted as never });
    await counters().updateOne({ _id: openId('HN', 'HN-HD') as never }, { $inc: { [bogus]: 3 } });
    await counters().updateOne({ _id: openId('*', 'HN-HD-HC') as never }, { $set: { [`c.${communeEntry}`]: -1 } });
    await counters().updateOne({ _id: openId('HN', 'HN-HD-HC') as never }, { $set: { [`c.${communeEntry}`]: -2 } });
    const injected: Omit<SlaCounterDrift, 'key'>[] = [
      { id: openId('*', 'HN-HD'), path: `c.${districtEntry}`, stored: districtCount + 2, recounted: districtCount },
      { id: openId('*', 'HN-HD-HC'), path: `c.${communeEntry}`, stored: -1, recounted: 1 },
      { id: openId('HN', 'HN-HD'), path: bogus, stored: 3, recounted: 0 },
      { id: openId('HN', 'HN-HD-HC'), path: `c.${communeEntry}`, stored: -2, recounted: 1 },
      { id: deleted, path: `m.${month}.onTime`, stored: 0, recounted: 1 },
    ].sort((a, b) => (a.id === b.id ? a.path.localeCompare(b.path) : a.id.localeCompare(b.id)));
    expect((await diffSlaCounters(ctx.system.models)).drifts).toEqual(injected.map((d) => expect.objectContaining(d)));

    // Users see no negative: a negative stored count is shown as 0 (and the operator is warned), never subtracted.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const drifted = await shownCounts();
      expect(numbersIn(drifted).filter(([, n]) => n < 0)).toEqual([]);
      expect((drifted['xa.hacau /api/inbox'] as { total: number }).total).toBe(0);
      expect(drifted).not.toEqual(before); // the drift did reach the API: a check that could not fail proves nothing
      expect(warn).toHaveBeenCalledWith('negative sla count shown as 0; run npm run sla:reconcile', {
        counterId: openId('*', 'HN-HD-HC'),
        path: `c.${communeEntry}`,
        stored: -1,
      });
      expect(warn).toHaveBeenCalledWith('negative sla count shown as 0; run npm run sla:reconcile', {
        counterId: openId('HN', 'HN-HD-HC'),
        path: `c.${communeEntry}`,
        stored: -2,
      });
    } finally {
      warn.mockRestore();
    }

    // While another process holds the lease, a run reads and writes nothing.
    const other = await acquireLease(ctx.system.models, {
      name: SLA_RECONCILE_LEASE,
      holder: 'other-worker',
      ttlMs: 60_000,
    });
    expect(other).toBeDefined();
    expect(
      await reconcileSlaCounters({ models: ctx.system.models, logger: captureLogger(), settleMs: 100 }),
    ).toMatchObject({ outcome: 'busy', repaired: [] });
    expect((await diffSlaCounters(ctx.system.models)).drifts).toHaveLength(injected.length);
    await other!.release();

    const logger = captureLogger();
    const report = await reconcileSlaCounters({ models: ctx.system.models, logger, settleMs: 300 });
    expect(report).toMatchObject({ outcome: 'repaired', dossiers: 4, transient: [] });
    expect(report.repaired).toEqual(injected.map((d) => expect.objectContaining(d)));
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual(
      injected.map((d) => ({
        level: 'warn',
        message: 'sla counter repaired',
        meta: { counterId: d.id, path: d.path, stored: d.stored, recounted: d.recounted },
      })),
    );
    expect(logger.lines.at(-1)).toMatchObject({
      message: 'sla counters reconciled',
      meta: { outcome: 'repaired', repaired: injected.length },
    });

    expect((await diffSlaCounters(ctx.system.models)).drifts).toEqual([]);
    // The lost document is back with its identifying fields, so the summary's queries find it again.
    expect(await counters().findOne({ _id: deleted as never })).toMatchObject({
      kind: 'finished',
      scope: 'HN',
      receivingUnit: '*',
      processKey: HOUSING,
      m: { [month!]: { onTime: 1 } },
    });
    expect(await ctx.system.models.Setting.findById(`lease:${SLA_RECONCILE_LEASE}`).lean()).toBeNull();
    expect(await shownCounts()).toEqual(before);
    await expectCountsEqualLists();
    // A second run finds nothing to do.
    expect(await reconcileSlaCounters({ models: ctx.system.models, logger: captureLogger() })).toMatchObject({
      outcome: 'clean',
      drifts: [],
      repaired: [],
    });
  });

  it('leaves alone what an interrupted projection still owes, and its retry then applies it once', async () => {
    const id = (await ctx.system.models.DossierView.findOne({ currentStep: 'district-review' }).lean())!._id as string;
    const stored = (await ctx.system.models.DossierView.findById(id).lean())!;
    expect(stored.openBucket).toBe('not_due');
    const { _id, ...rest } = stored as typeof stored & { slaPending?: unknown };
    const next = { ...rest, openBucket: 'overdue', seq: stored.seq + 1 } as unknown as Omit<
      CountedViewWrite,
      'slaPending'
    >;
    const overdueAtDistrict = async () => {
      const c = (await counters().findOne({ _id: openId('*', 'HN-HD') as never }))?.c as Record<string, number>;
      return Object.entries(c)
        .filter(([entry]) => entry.endsWith('|overdue'))
        .reduce((sum, [, n]) => sum + n, 0);
    };
    const overdueBefore = await overdueAtDistrict();

    // The worker dies right after the read-model write: the document owes its counter updates, none applied.
    const store = mongoCountedViewStore(ctx.system.models);
    const dying = {
      ...store,
      applyCounterUpdates: async () => {
        throw new Error('SIGKILL');
      },
    };
    await expect(writeCountedView(dying, id, next)).rejects.toThrow('SIGKILL');
    expect(
      ((await ctx.system.models.DossierView.findById(id).lean()) as { slaPending?: unknown }).slaPending,
    ).toBeTruthy();
    expect(await overdueAtDistrict()).toBe(overdueBefore);

    // The owed updates count as stored: no drift, and a reconcile repairs nothing.
    expect((await diffSlaCounters(ctx.system.models)).drifts).toEqual([]);
    expect(
      await reconcileSlaCounters({ models: ctx.system.models, logger: captureLogger(), settleMs: 100 }),
    ).toMatchObject({ outcome: 'clean', repaired: [] });

    // The retried projection applies them once; the counters then equal the recount.
    expect(await writeCountedView(store, id, next)).toMatchObject({
      outcome: 'stale',
      recovered: [expect.any(String)],
    });
    expect(await overdueAtDistrict()).toBe(overdueBefore + 1);
    expect((await diffSlaCounters(ctx.system.models)).drifts).toEqual([]);
    expect(
      await reconcileSlaCounters({ models: ctx.system.models, logger: captureLogger(), settleMs: 100 }),
    ).toMatchObject({ outcome: 'clean', repaired: [] });
  });

  it('npm run sla:reconcile: --check exits 1 on drift and 0 once the command has repaired it; bad flags exit 2', async () => {
    const uri = `${process.env.HOSO_TEST_MONGODB_URI!.replace(/\/$/, '')}/${ctx.system.models.SlaCounter.db.name}`;
    const run = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', join(__dirname, '../../scripts/reconcile-sla-counters.ts'), ...args],
          {
            env: { ...process.env, MONGODB_URI: uri },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const district = openId('*', 'HN-HD');
    const entry = Object.keys(
      ((await counters().findOne({ _id: district as never }))?.c ?? {}) as Record<string, number>,
    )[0]!;
    await counters().updateOne({ _id: district as never }, { $inc: { [`c.${entry}`]: 5 } });

    const check = await run('--check', '--settle-seconds', '0.2');
    expect([check.code, check.stderr]).toEqual([1, expect.stringContaining('recount 2/2')]);
    expect(check.stdout).toContain(
      `1 count(s) differ from the recount (not repaired: --check):\n  ${district}  c.${entry}: stored `,
    );
    expect((await diffSlaCounters(ctx.system.models)).drifts).toHaveLength(1); // --check writes nothing

    const repair = await run('--settle-seconds=0.2');
    expect(repair.code).toBe(0);
    expect(repair.stdout).toContain(`Repaired 1 count(s):\n  ${district}  c.${entry}: stored `);
    expect(repair.stdout).toContain('"message":"sla counter repaired"');
    expect((await diffSlaCounters(ctx.system.models)).drifts).toEqual([]);

    const clean = await run('--check');
    expect([clean.code, clean.stdout]).toEqual([0, expect.stringContaining('Every count equals the recount.')]);

    const bad = await run('--chek');
    expect([bad.code, bad.stderr]).toEqual([
      2,
      expect.stringContaining("sla:reconcile: unknown argument '--chek'\nusage: npm run sla:reconcile"),
    ]);
    const badSettle = await run('--settle-seconds', 'soon');
    expect([badSettle.code, badSettle.stderr]).toEqual([
      2,
      expect.stringContaining("--settle-seconds takes a number of seconds from 0 to 600, got 'soon'"),
    ]);
  });
});
