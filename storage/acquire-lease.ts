import type { Models } from './create-models';
import { isDuplicateKeyError } from './is-duplicate-key-error';

/** A lease held in `settings` (see acquireLease). */
export interface Lease {
  readonly holder: string;
  /** Moves the expiry `ttlMs` on from now; false when the lease was lost (it expired and another holder took it). */
  renew(): Promise<boolean>;
  /** Gives the lease up if still ours; a lease already taken over is left alone. */
  release(): Promise<void>;
}

/**
 * Claims the lease `name` for `holder` until `ttlMs` from now, so that one process at a time does a job (the
 * settings document `lease:<name>`). The claim is one insert (a unique `_id`: one winner), or, when the document
 * exists, one update conditional on its expiry having passed (one winner among concurrent claimants, which the
 * storage guarantees for single-document conditional updates). Returns undefined while another holder's lease runs;
 * a holder that crashed blocks the job for at most `ttlMs`. Database errors are thrown.
 */
export async function acquireLease(
  models: Models,
  options: { name: string; holder: string; ttlMs: number; now?: () => Date },
): Promise<Lease | undefined> {
  const { holder, ttlMs } = options;
  const now = options.now ?? (() => new Date());
  const _id = `lease:${options.name}`;
  const at = now();
  const expiresAt = new Date(at.getTime() + ttlMs);
  const lease: Lease = {
    holder,
    async renew() {
      const res = await models.Setting.updateOne(
        { _id, value: holder },
        { $set: { expiresAt: new Date(now().getTime() + ttlMs) } },
      );
      return res.matchedCount === 1;
    },
    async release() {
      await models.Setting.deleteOne({ _id, value: holder });
    },
  };
  try {
    await models.Setting.collection.insertOne({ _id, value: holder, createdAt: at, expiresAt } as never);
    return lease;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const res = await models.Setting.updateOne(
    { _id, $or: [{ expiresAt: { $lte: at } }, { expiresAt: { $exists: false } }] },
    { $set: { value: holder, createdAt: at, expiresAt } },
  );
  return res.modifiedCount === 1 ? lease : undefined;
}
