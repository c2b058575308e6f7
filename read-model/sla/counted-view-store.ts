import type { Models } from '../../storage/create-models';
import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import type { PendingSlaDelta } from '../../storage/pending-sla-delta';
import { COUNTED_FIELDS, type CountedFields } from './sla-counter-contributions';
import type { SlaCounterUpdate } from './sla-counter-delta';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';

/** What writeCountedView reads of a stored read-model document. */
export type CountedView = CountedFields & { seq: number; slaPending?: PendingSlaDelta | null };

/** A read-model document as written, with the counter updates it owes (null when none). */
export type CountedViewWrite = Omit<DossierViewDoc, '_id'> & { slaPending: PendingSlaDelta | null };

/**
 * The storage steps of writeCountedView, each one a single-document write (or, for the counters, one per counter
 * document), so that it only needs what every MongoDB-wire database gives: an atomic update of one document with a
 * filter (test/storage/). A fake implements it in the unit tests.
 */
export interface CountedViewStore {
  read(dossierId: string): Promise<CountedView | null>;
  /** Replaces the document if it still has `seq` and owes nothing; false if it moved meanwhile. */
  replace(dossierId: string, seq: number, doc: CountedViewWrite): Promise<boolean>;
  /** Inserts the document; false if one exists (written meanwhile). */
  insert(dossierId: string, doc: CountedViewWrite): Promise<boolean>;
  /** Applies each update to its counter document once per token, whatever was applied before. */
  applyCounterUpdates(token: string, updates: SlaCounterUpdate[]): Promise<void>;
  /** Removes the pending delta with this token from the document (nothing if it is gone already). */
  clearPending(dossierId: string, token: string): Promise<void>;
  /** Removes the token's marks from the counter documents (once the pending delta is cleared). */
  forgetToken(token: string, counterIds: string[]): Promise<void>;
}

/** The counter document's mark of a token: applied counts are never applied again while it is there. */
const tokenPath = (token: string) => `t.${token}`;

/** Whether a stored counter document marks `token` as applied (its updates are in its counts). */
export function holdsToken(counter: Record<string, unknown> | undefined, token: string): boolean {
  const marks = counter?.t;
  return typeof marks === 'object' && marks !== null && token in marks;
}

/** The store on the read model (`dossiers`) and the SLA counters (`sla_counters`) of `models`. */
export function mongoCountedViewStore(models: Models): CountedViewStore {
  const views = models.DossierView.collection;
  const counters = models.SlaCounter.collection;
  return {
    async read(dossierId) {
      return models.DossierView.findById(dossierId, { ...COUNTED_FIELDS, seq: 1, slaPending: 1 }).lean<CountedView>();
    },
    async replace(dossierId, seq, doc) {
      const res = await models.DossierView.updateOne({ _id: dossierId, seq, slaPending: null }, { $set: doc });
      return res.matchedCount === 1;
    },
    async insert(dossierId, doc) {
      try {
        await views.insertOne({ _id: dossierId, ...doc } as never);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    async applyCounterUpdates(token, updates) {
      const ops = updates.map(({ id, key, inc }) => {
        const filter = { _id: id, [tokenPath(token)]: { $exists: false } } as never;
        const update = { $inc: Object.fromEntries(inc.map((i) => [i.path, i.n])), $set: { [tokenPath(token)]: 1 } };
        return { filter, update, key };
      });
      // The common case in one command: every counter document takes its update once (the token filter), created if
      // new. Any error (a document that already holds the token, a concurrent creation) sends the whole set through
      // the per-document path below, which is safe to repeat: what the bulk applied is skipped by the same filter.
      // (The embedded FerretDB stops a bulk write at its first error, ordered or not, so the bulk cannot be trusted
      // to have tried the rest.)
      try {
        await counters.bulkWrite(
          ops.map(({ filter, update, key }) => ({
            updateOne: { filter, update: { ...update, $setOnInsert: key }, upsert: true },
          })),
          { ordered: false },
        );
        return;
      } catch {
        // falls through to one write per document
      }
      await Promise.all(
        ops.map(async ({ filter, update, key }) => {
          try {
            await counters.updateOne(filter, { ...update, $setOnInsert: key }, { upsert: true });
          } catch (error) {
            // The document exists but holds the token (applied before), or another writer created it first: without
            // upsert, the same filter tells them apart.
            if (!isDuplicateKeyError(error)) throw error;
            await counters.updateOne(filter, update);
          }
        }),
      );
    },
    async clearPending(dossierId, token) {
      await views.updateOne({ _id: dossierId, 'slaPending.token': token } as never, { $set: { slaPending: null } });
    },
    async forgetToken(token, counterIds) {
      await counters.updateMany({ _id: { $in: counterIds } } as never, { $unset: { [tokenPath(token)]: '' } });
    },
  };
}
