import type { Models } from '../../../../storage/create-models';
import type { SlaCounterDrift } from '../../../../read-model/sla/diff-sla-counters';
import { reconcileSlaCounters, type ReconcileSlaCountersDeps } from '../../../../read-model/sla/reconcile-sla-counters';
import { stableSlaCounterDrifts } from '../../../../read-model/sla/stable-sla-counter-drifts';
import { startSlaReconcileSchedule } from '../../../../read-model/sla/start-sla-reconcile-schedule';
import { slaReconcileIntervalMs } from '../../../../scripts/lib/sla-reconcile-interval-ms';

const OPEN = JSON.stringify(['open', '*', 'HN-HD']);
const FINISHED = JSON.stringify(['finished', 'HN', '*', 'housing-support-2024']);
const drift = (path: string, stored: number, recounted: number, id = OPEN): SlaCounterDrift => ({
  id,
  path,
  stored,
  recounted,
  key:
    id === OPEN
      ? { kind: 'open', scope: '*', processingUnit: 'HN-HD' }
      : { kind: 'finished', scope: 'HN', receivingUnit: '*', processKey: 'housing-support-2024' },
});
const ROLE = 'c.district_officer|district|housing|in_progress|not_due';

describe('stableSlaCounterDrifts', () => {
  it('keeps a drift seen in both passes with the same values and sets aside the rest as transient', () => {
    const kept = drift(ROLE, 3, 1);
    const moved = drift('c.treasurer|district|housing|in_progress|not_due', 2, 1);
    const gone = drift('m.2026-03.late', 0, 1, FINISHED);
    const arrived = drift('m.2026-03.onTime', 4, 5, FINISHED);
    const { stable, transient } = stableSlaCounterDrifts(
      [kept, moved, gone],
      [{ ...kept }, { ...moved, stored: 1, recounted: 0 }, arrived],
    );
    expect(stable).toEqual([kept]);
    expect(transient).toEqual([{ ...moved, stored: 1, recounted: 0 }, arrived, gone]);
  });
  it('counts a drift whose recount moved while its stored value stayed as transient', () => {
    expect(stableSlaCounterDrifts([drift(ROLE, 3, 1)], [drift(ROLE, 3, 2)])).toEqual({
      stable: [],
      transient: [drift(ROLE, 3, 2)],
    });
  });
});

/** Models with just what reconcileSlaCounters touches: the lease in `settings` and the counters' bulkWrite. */
function fakeModels() {
  const settings = new Map<string, { value: string; expiresAt: Date }>();
  const writes: unknown[][] = [];
  const models = {
    Setting: {
      collection: {
        insertOne: async (doc: { _id: string; value: string; expiresAt: Date }) => {
          if (settings.has(doc._id)) throw Object.assign(new Error('E11000'), { code: 11000 });
          settings.set(doc._id, { value: doc.value, expiresAt: doc.expiresAt });
        },
      },
      updateOne: async (
        filter: { _id: string; value?: string },
        update: { $set: { value?: string; expiresAt: Date } },
      ) => {
        const doc = settings.get(filter._id);
        const matches =
          doc && (filter.value === undefined ? doc.expiresAt.getTime() <= Date.now() : doc.value === filter.value);
        if (matches) Object.assign(doc, update.$set);
        return { matchedCount: matches ? 1 : 0, modifiedCount: matches ? 1 : 0 };
      },
      deleteOne: async (filter: { _id: string; value: string }) => {
        if (settings.get(filter._id)?.value === filter.value) settings.delete(filter._id);
      },
    },
    SlaCounter: { bulkWrite: async (ops: unknown[]) => void writes.push(ops) },
  };
  return { models: models as unknown as Models, settings, writes };
}

function setUp(passes: SlaCounterDrift[][], extra: Partial<ReconcileSlaCountersDeps> = {}) {
  const fake = fakeModels();
  const logged: { level: string; message: string; meta?: Record<string, unknown> }[] = [];
  const slept: number[] = [];
  let diffs = 0;
  const deps: ReconcileSlaCountersDeps = {
    models: fake.models,
    logger: {
      info: (message, meta) => logged.push({ level: 'info', message, ...(meta ? { meta } : {}) }),
      warn: (message, meta) => logged.push({ level: 'warn', message, ...(meta ? { meta } : {}) }),
    },
    sleep: async (ms) => void slept.push(ms),
    settleMs: 50,
    diff: async () => ({ dossiers: 7, drifts: passes[diffs++] ?? [] }),
    ...extra,
  };
  return { ...fake, deps, logged, slept, diffs: () => diffs };
}

describe('reconcileSlaCounters', () => {
  it('stops after one pass when the counters equal the recount, without a write or a wait', async () => {
    const t = setUp([[]]);
    expect(await reconcileSlaCounters(t.deps)).toEqual({
      outcome: 'clean',
      dossiers: 7,
      drifts: [],
      repaired: [],
      transient: [],
    });
    expect([t.diffs(), t.slept, t.writes]).toEqual([1, [], []]);
    expect(t.settings.size).toBe(0); // the lease is released
  });

  it('repairs a drift seen twice by the difference, with an $inc that creates a missing counter, and logs it', async () => {
    const up = drift('m.2026-03.onTime', 0, 2, FINISHED);
    const down = drift(ROLE, 3, 1);
    const moving = drift('c.treasurer|district|housing|in_progress|not_due', 1, 0);
    const t = setUp([
      [up, down, moving],
      [up, down],
    ]);
    const report = await reconcileSlaCounters(t.deps);
    expect(report).toEqual({
      outcome: 'repaired',
      dossiers: 7,
      drifts: [up, down],
      repaired: [up, down],
      transient: [moving],
    });
    expect(t.slept).toEqual([50]);
    expect(t.writes).toEqual([
      [
        {
          updateOne: {
            filter: { _id: FINISHED },
            update: { $inc: { 'm.2026-03.onTime': 2 }, $setOnInsert: up.key },
            upsert: true,
          },
        },
        {
          updateOne: { filter: { _id: OPEN }, update: { $inc: { [ROLE]: -2 }, $setOnInsert: down.key }, upsert: false },
        },
      ],
    ]);
    expect(t.logged.filter((l) => l.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: 'sla counter repaired',
        meta: { counterId: FINISHED, path: 'm.2026-03.onTime', stored: 0, recounted: 2 },
      },
      {
        level: 'warn',
        message: 'sla counter repaired',
        meta: { counterId: OPEN, path: ROLE, stored: 3, recounted: 1 },
      },
    ]);
    expect(t.settings.size).toBe(0);
  });

  it('leaves alone a drift whose values moved between the passes', async () => {
    const t = setUp([[drift(ROLE, 3, 1)], [drift(ROLE, 2, 1)]]);
    const report = await reconcileSlaCounters(t.deps);
    expect(report).toMatchObject({ outcome: 'clean', drifts: [], repaired: [], transient: [drift(ROLE, 2, 1)] });
    expect(t.writes).toEqual([]);
  });

  it('only reports with repair off: no lease, no write, outcome drift', async () => {
    const t = setUp([[drift(ROLE, -1, 0)], [drift(ROLE, -1, 0)]], { repair: false });
    const report = await reconcileSlaCounters(t.deps);
    expect(report).toMatchObject({ outcome: 'drift', drifts: [drift(ROLE, -1, 0)], repaired: [] });
    expect(t.writes).toEqual([]);
    expect(t.logged).toContainEqual({
      level: 'warn',
      message: 'sla counter drift found',
      meta: { counterId: OPEN, path: ROLE, stored: -1, recounted: 0 },
    });
  });

  it('does nothing while another process holds the lease, and takes over a lease that expired', async () => {
    const t = setUp([[drift(ROLE, 3, 1)], [drift(ROLE, 3, 1)]]);
    t.settings.set('lease:sla-reconcile', { value: 'other', expiresAt: new Date(Date.now() + 60_000) });
    expect(await reconcileSlaCounters(t.deps)).toMatchObject({ outcome: 'busy', repaired: [] });
    expect([t.diffs(), t.writes.length, t.settings.get('lease:sla-reconcile')?.value]).toEqual([0, 0, 'other']);

    t.settings.set('lease:sla-reconcile', { value: 'other', expiresAt: new Date(Date.now() - 1) });
    expect(await reconcileSlaCounters(t.deps)).toMatchObject({ outcome: 'repaired', repaired: [drift(ROLE, 3, 1)] });
    expect(t.settings.size).toBe(0);
  });

  it('does not repair when its lease was taken over during the settle time', async () => {
    const t = setUp([[drift(ROLE, 3, 1)], [drift(ROLE, 3, 1)]]);
    t.deps.sleep = async () =>
      void t.settings.set('lease:sla-reconcile', { value: 'other', expiresAt: new Date(Date.now() + 60_000) });
    expect(await reconcileSlaCounters(t.deps)).toMatchObject({ outcome: 'busy' });
    expect(t.writes).toEqual([]);
    expect(t.settings.get('lease:sla-reconcile')?.value).toBe('other'); // not released: not ours
  });

  it('rejects on abort before repairing and releases its lease', async () => {
    const stop = new AbortController();
    const t = setUp([[drift(ROLE, 3, 1)], [drift(ROLE, 3, 1)]], { signal: stop.signal });
    t.deps.sleep = async () => stop.abort(new Error('stopping'));
    await expect(reconcileSlaCounters(t.deps)).rejects.toThrow('stopping');
    expect(t.writes).toEqual([]);
    expect(t.settings.size).toBe(0);
  });
});

describe('startSlaReconcileSchedule', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs shortly after start, then each interval after the previous run ended, never two at once, logging errors', async () => {
    const errors: string[] = [];
    let active = 0;
    let most = 0;
    let runs = 0;
    const schedule = startSlaReconcileSchedule({
      intervalMs: 1_000,
      firstDelayMs: 100,
      logger: { error: (_m, meta) => errors.push(String(meta?.error)) },
      run: async (signal) => {
        runs += 1;
        active += 1;
        most = Math.max(most, active);
        await new Promise((r) => {
          const timer = setTimeout(r, 5_000); // longer than the interval
          signal.addEventListener('abort', () => r(clearTimeout(timer)));
        });
        active -= 1;
        if (runs === 1) throw new Error('database unreachable');
      },
    });
    await jest.advanceTimersByTimeAsync(99);
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(5_000 + 999);
    expect([runs, errors]).toEqual([1, ['database unreachable']]);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    await jest.advanceTimersByTimeAsync(20_000);
    expect(runs).toBe(5); // at 100, 6,100, 12,100, 18,100 and 24,100 ms: each a 5 s run, then 1 s
    expect(most).toBe(1);
    await schedule.stop();
    expect(active).toBe(0);
  });

  it('aborts the run in progress on stop, waits for it, and runs no more', async () => {
    let runs = 0;
    let aborted = false;
    const schedule = startSlaReconcileSchedule({
      intervalMs: 1_000,
      firstDelayMs: 0,
      logger: {
        error: () => {
          throw new Error('an aborted run is not an error');
        },
      },
      run: (signal) => {
        runs += 1;
        return new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          }),
        );
      },
    });
    await jest.advanceTimersByTimeAsync(0);
    await schedule.stop();
    expect(aborted).toBe(true);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(1);
  });

  it('never runs with an interval of 0', async () => {
    const run = jest.fn(async () => undefined);
    const schedule = startSlaReconcileSchedule({ intervalMs: 0, logger: { error: () => undefined }, run });
    await jest.advanceTimersByTimeAsync(24 * 3600_000);
    expect(run).not.toHaveBeenCalled();
    await schedule.stop();
  });
});

describe('slaReconcileIntervalMs', () => {
  it.each([
    [undefined, 3_600_000],
    ['', 3_600_000],
    ['0', 0],
    ['15', 900_000],
    ['10080', 604_800_000],
  ])('reads HOSO_SLA_RECONCILE_INTERVAL_MINUTES=%p as %p ms', (raw, ms) => {
    expect(slaReconcileIntervalMs(raw === undefined ? {} : { HOSO_SLA_RECONCILE_INTERVAL_MINUTES: raw })).toBe(ms);
  });
  it.each(['-5', '1.5', 'hourly', '10081', '1e3'])('refuses %p, naming the variable', (raw) => {
    expect(() => slaReconcileIntervalMs({ HOSO_SLA_RECONCILE_INTERVAL_MINUTES: raw })).toThrow(
      /HOSO_SLA_RECONCILE_INTERVAL_MINUTES must be a whole number/,
    );
  });
});
