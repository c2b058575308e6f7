import type { Models } from '../../storage/create-models';
import type { CountedFields } from './sla-counter-contributions';
import { slaCounterDelta } from './sla-counter-delta';

/**
 * Moves the SLA counters from what `before` contributed to what `after` contributes (either may be null: a new or
 * a removed document), in one bulk write that is not idempotent: a caller that retries it counts twice. The
 * projection does not use it (see writeCountedView, which survives a crash between the document and its counters);
 * it is for repairs and tests that move a document by hand.
 */
export async function applySlaCounterDelta(
  models: Models,
  before: CountedFields | null,
  after: CountedFields | null,
): Promise<void> {
  const ops = slaCounterDelta(before, after).map(({ id, key, inc }) => ({
    updateOne: {
      filter: { _id: id },
      update: { $inc: Object.fromEntries(inc.map((i) => [i.path, i.n])), $setOnInsert: key },
      upsert: true,
    },
  }));
  if (ops.length > 0) await models.SlaCounter.bulkWrite(ops as never, { ordered: true });
}
