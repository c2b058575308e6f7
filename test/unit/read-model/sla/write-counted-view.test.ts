import type { CountedView, CountedViewStore, CountedViewWrite } from '../../../../read-model/sla/counted-view-store';
import { slaCounterContributions, type CountedFields } from '../../../../read-model/sla/sla-counter-contributions';
import { slaCounterDelta } from '../../../../read-model/sla/sla-counter-delta';
import { writeCountedView } from '../../../../read-model/sla/write-counted-view';

type View = Omit<CountedViewWrite, 'slaPending'>;
type Step = keyof CountedViewStore;

/** A crash: thrown by the fake store where a test asks for one, as a killed worker would stop there. */
class Crash extends Error {}

/**
 * The store in memory, with the same single-document semantics as the MongoDB one. `crashAfter(step, n)` throws
 * after the step's effect, on its n-th call from now (for applyCounterUpdates: after the first counter document).
 */
function fakeStore() {
  const views = new Map<string, CountedViewWrite>();
  const counters = new Map<string, { counts: Map<string, number>; tokens: Set<string> }>();
  const crashes = new Map<Step, number>();
  const calls: Step[] = [];
  const maybeCrash = (step: Step) => {
    const left = crashes.get(step);
    if (left === undefined) return;
    if (left > 1) crashes.set(step, left - 1);
    else {
      crashes.delete(step);
      throw new Crash(`killed after ${step}`);
    }
  };
  /** Another writer's whole projection, done between this one's read and its write. */
  let interleave: (() => void) | undefined;
  const projectDirectly = (doc: CountedFields & { seq: number }) => {
    for (const u of slaCounterDelta(views.get(ID) ?? null, doc)) {
      const c = counters.get(u.id) ?? { counts: new Map<string, number>(), tokens: new Set<string>() };
      counters.set(u.id, c);
      for (const { path, n } of u.inc) c.counts.set(path, (c.counts.get(path) ?? 0) + n);
    }
    views.set(ID, { ...structuredClone(doc), slaPending: null } as unknown as CountedViewWrite);
  };
  const store: CountedViewStore = {
    async read(id) {
      calls.push('read');
      const v = views.get(id);
      const result = v ? (structuredClone(v) as CountedView) : null;
      const other = interleave;
      interleave = undefined;
      other?.();
      return result;
    },
    async replace(id, seq, doc) {
      calls.push('replace');
      const v = views.get(id);
      if (!v || v.seq !== seq || v.slaPending) return false;
      views.set(id, structuredClone(doc));
      maybeCrash('replace');
      return true;
    },
    async insert(id, doc) {
      calls.push('insert');
      if (views.has(id)) return false;
      views.set(id, structuredClone(doc));
      maybeCrash('insert');
      return true;
    },
    async applyCounterUpdates(token, updates) {
      calls.push('applyCounterUpdates');
      for (const u of updates) {
        const c = counters.get(u.id) ?? { counts: new Map<string, number>(), tokens: new Set<string>() };
        counters.set(u.id, c);
        if (c.tokens.has(token)) continue;
        for (const { path, n } of u.inc) c.counts.set(path, (c.counts.get(path) ?? 0) + n);
        c.tokens.add(token);
        maybeCrash('applyCounterUpdates');
      }
    },
    async clearPending(id, token) {
      calls.push('clearPending');
      const v = views.get(id);
      if (v?.slaPending?.token === token) v.slaPending = null;
      maybeCrash('clearPending');
    },
    async forgetToken(token, ids) {
      calls.push('forgetToken');
      for (const id of ids) counters.get(id)?.tokens.delete(token);
      maybeCrash('forgetToken');
    },
  };
  return {
    store,
    views,
    calls,
    crashAfter(step: Step, nth = 1) {
      crashes.set(step, nth);
    },
    /** Another writer projects `doc` in full right after this one's next read. */
    interleaveNextRead(doc: object) {
      interleave = () => projectDirectly(doc as CountedFields & { seq: number });
    },
    /** Every non-zero count, as `counter id|path`. */
    counts(): Record<string, number> {
      const out: Record<string, number> = {};
      for (const [id, c] of counters) for (const [path, n] of c.counts) if (n !== 0) out[`${id}|${path}`] = n;
      return out;
    },
    tokensLeft: () => [...counters.values()].reduce((sum, c) => sum + c.tokens.size, 0),
  };
}

/** What the counters must hold for the documents as they are stored. */
function recount(views: Iterable<CountedFields>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of views)
    for (const c of slaCounterContributions(v)) out[`${c.id}|${c.path}`] = (out[`${c.id}|${c.path}`] ?? 0) + 1;
  return out;
}

const chain = {
  unitChain: ['HN-HD-HC', 'HN-HD', 'HN'],
  receivingUnit: 'HN-HD-HC',
  processKey: 'housing-support-2024',
  programme: 'housing',
};
const proposal = {
  ...chain,
  seq: 1,
  status: 'received',
  currentStep: 'proposal',
  currentRole: 'commune_officer',
  currentLevel: 'commune',
  processingUnit: 'HN-HD-HC',
  openBucket: 'not_due',
  closedAt: null,
  closedOnTime: null,
};
const review = {
  ...proposal,
  seq: 2,
  status: 'in_progress',
  currentStep: 'district-review',
  currentRole: 'district_officer',
  currentLevel: 'district',
  processingUnit: 'HN-HD',
};
const dueChanged = { ...review, seq: 3 }; // no counted field moves
const rejected = {
  ...review,
  seq: 4,
  status: 'rejected',
  currentStep: null,
  currentRole: null,
  currentLevel: null,
  processingUnit: null,
  openBucket: null,
  closedAt: new Date('2026-03-10T03:00:00Z'),
  closedOnTime: true,
};
const view = (v: object) => v as unknown as View;
const ID = 'HN-HD-HC-2026-00001';

describe('writeCountedView', () => {
  it('moves the counters with the document, leaving nothing pending and no token behind', async () => {
    const f = fakeStore();
    for (const v of [proposal, review, dueChanged, rejected])
      expect(await writeCountedView(f.store, ID, view(v))).toEqual({ outcome: 'written', recovered: [] });
    expect(f.counts()).toEqual(recount(f.views.values()));
    expect(Object.values(f.counts()).every((n) => n === 1)).toBe(true);
    expect(f.views.get(ID)).toMatchObject({ seq: 4, slaPending: null });
    expect(f.tokensLeft()).toBe(0);
  });

  it('writes no pending delta when no counted field changes', async () => {
    const f = fakeStore();
    await writeCountedView(f.store, ID, view(review));
    f.calls.length = 0;
    await writeCountedView(f.store, ID, view(dueChanged));
    expect(f.calls).toEqual(['read', 'replace']);
  });

  it('leaves the document and the counters alone for a stale or repeated event', async () => {
    const f = fakeStore();
    await writeCountedView(f.store, ID, view(proposal));
    await writeCountedView(f.store, ID, view(review));
    const before = f.counts();
    expect(await writeCountedView(f.store, ID, view(review))).toEqual({ outcome: 'stale', recovered: [] });
    expect(await writeCountedView(f.store, ID, view(proposal))).toEqual({ outcome: 'stale', recovered: [] });
    expect(f.views.get(ID)?.seq).toBe(2);
    expect(f.counts()).toEqual(before);
  });

  describe.each<[Step, string]>([
    ['insert', 'after inserting a new document'],
    ['replace', 'after replacing the document'],
    ['applyCounterUpdates', 'after the first counter document'],
    ['clearPending', 'after clearing the pending delta'],
    ['forgetToken', 'after forgetting the token'],
  ])('killed %s (%s)', (step) => {
    const first = step === 'insert' ? proposal : review;
    const setUp = async () => {
      const f = fakeStore();
      if (step !== 'insert') await writeCountedView(f.store, ID, view(proposal));
      f.crashAfter(step);
      await expect(writeCountedView(f.store, ID, view(first))).rejects.toBeInstanceOf(Crash);
      return f;
    };

    it('counts the write exactly once when the activity retries it', async () => {
      const f = await setUp();
      const retry = await writeCountedView(f.store, ID, view(first));
      expect(retry.outcome).toBe('stale');
      // Settled by the retry unless the crash came after the pending delta was cleared.
      expect(retry.recovered).toHaveLength(['clearPending', 'forgetToken'].includes(step) ? 0 : 1);
      expect(f.views.get(ID)).toMatchObject({ seq: first.seq, slaPending: null });
      expect(f.counts()).toEqual(recount(f.views.values()));
    });

    it('counts it exactly once when the next projection comes first', async () => {
      const f = await setUp();
      await writeCountedView(f.store, ID, view(rejected));
      expect(f.views.get(ID)).toMatchObject({ seq: rejected.seq, slaPending: null });
      expect(f.counts()).toEqual(recount(f.views.values()));
    });

    if (step === 'clearPending') {
      it('leaves the token in the counter documents: the one place where a crash leaves something behind', async () => {
        const f = await setUp();
        expect(f.tokensLeft()).toBeGreaterThan(0);
      });
    }
  });

  it('reads again when another writer moves the document between its read and its write', async () => {
    const f = fakeStore();
    await writeCountedView(f.store, ID, view(proposal));
    // The other writer projects seq 2 in full while this one (also seq 2) is between its read and its write.
    f.interleaveNextRead(review);
    expect((await writeCountedView(f.store, ID, view(review))).outcome).toBe('stale');
    expect(f.counts()).toEqual(recount(f.views.values()));
  });

  it('reads again when another writer inserts the new dossier first', async () => {
    const f = fakeStore();
    f.interleaveNextRead(proposal);
    expect((await writeCountedView(f.store, ID, view(review))).outcome).toBe('written');
    expect(f.counts()).toEqual(recount(f.views.values()));
    expect(f.calls.filter((c) => c === 'insert' || c === 'replace')).toEqual(['insert', 'replace']); // refused, then again
  });
});
