import { randomUUID } from 'node:crypto';
import type { CountedView, CountedViewStore, CountedViewWrite } from './counted-view-store';
import type { PendingSlaDelta } from '../../storage/pending-sla-delta';
import { slaCounterDelta } from './sla-counter-delta';

/** Read, compare and write again at most this often before giving up (the activity's retry takes over). */
const MAX_ATTEMPTS = 20;

export interface WriteCountedViewResult {
  /** `stale`: the stored document already has this seq or a later one, and was left as it was. */
  outcome: 'written' | 'stale';
  /** Tokens of pending deltas left by an earlier, interrupted write that this call applied first. */
  recovered: string[];
}

const newToken = (): string => `x${randomUUID().replace(/-/g, '').slice(0, 16)}`;

/**
 * Writes a read-model document and moves the SLA counters with it, so that a crash at any point loses no counter
 * update:
 * 1. reads the stored document; if it still owes counter updates (`slaPending`, left by an interrupted write),
 *    settles them first (steps 4–6);
 * 2. stops if the stored seq is not below the new one (a stale or repeated event changes nothing);
 * 3. computes the counter updates from the stored document to the new one and writes the new document together
 *    with them as its `slaPending`, in one single-document update filtered on the seq it read and on owing nothing
 *    (or an insert for a new dossier); if another writer got there first, goes back to 1;
 * 4. applies the updates, each counter document once per token (it keeps the token as `t.<token>`);
 * 5. clears `slaPending`; 6. removes the token from the counter documents.
 * A retried projection, or the dossier's next one, finds what a killed one left in `slaPending` and settles it.
 *
 * What is not exactly-once:
 * - killed between 5 and 6: the token stays in those counter documents for good (the counts are right; a few bytes
 *   each, never reused since tokens are random, and ignored by everything that reads counts);
 * - two calls settling the same pending delta at the same time, the slower one applying it after the faster one has
 *   done 6: applied twice. The workflow projects one state at a time, so this needs an attempt that outlives its
 *   start-to-close timeout (30 s) while its retry runs; a reconcile against a recount repairs it.
 * Throws on database errors (the activity retries; every step is safe to repeat), and after MAX_ATTEMPTS lost races.
 */
export async function writeCountedView(
  store: CountedViewStore,
  dossierId: string,
  view: Omit<CountedViewWrite, 'slaPending'>,
  tokens: () => string = newToken,
  /** The stored document as the caller has just read it (store.read's fields), saving the first read. */
  firstRead?: CountedView | null,
): Promise<WriteCountedViewResult> {
  const recovered: string[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = attempt === 0 && firstRead !== undefined ? firstRead : await store.read(dossierId);
    if (stored?.slaPending) {
      await settle(store, dossierId, stored.slaPending);
      recovered.push(stored.slaPending.token);
    }
    if (stored && stored.seq >= view.seq) return { outcome: 'stale', recovered };
    const updates = slaCounterDelta(stored, view);
    const pending = updates.length > 0 ? { token: tokens(), updates } : null;
    const doc = { ...view, slaPending: pending };
    const written = stored ? await store.replace(dossierId, stored.seq, doc) : await store.insert(dossierId, doc);
    if (!written) continue;
    if (pending) await settle(store, dossierId, pending);
    return { outcome: 'written', recovered };
  }
  throw new Error(
    `dossier ${dossierId}: the read model kept moving during ${MAX_ATTEMPTS} attempts to write seq ${view.seq}`,
  );
}

async function settle(store: CountedViewStore, dossierId: string, pending: PendingSlaDelta): Promise<void> {
  await store.applyCounterUpdates(pending.token, pending.updates);
  await store.clearPending(dossierId, pending.token);
  await store.forgetToken(
    pending.token,
    pending.updates.map((u) => u.id),
  );
}
