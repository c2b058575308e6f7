import type { Models } from '../../storage/create-models';

export interface UploadSweeper {
  /**
   * Removes the unattached uploads created before `now - maxAgeMs`, and finishes any removal an earlier sweep left
   * half done; answers how many files it removed. Safe to run in several processes at once.
   */
  sweep(): Promise<number>;
  /** Sweeps every `intervalMs` (first after one interval) until the returned function is called; errors are logged. */
  start(intervalMs: number): () => void;
}

/** At most this many files per sweep: one sweep stays short; the next one continues. */
const BATCH = 200;

/**
 * The sweep of unattached uploads (FerretDB v1 has no TTL indexes, so expiry is a job). Each file is claimed with a
 * conditional single-document update (`state: 'unattached'` → `'sweeping'`), which has one winner against the
 * attach (`storeSubmission` moves files to `attached` only from another state than `sweeping`, and refuses the
 * submission when a file it names was claimed meanwhile). So an attached file is never removed, and a file being
 * removed is never attached. Then the bytes go, then the record: a crash in between leaves a `sweeping` record,
 * which the next sweep finishes; no record ever points at bytes it still needs after its claim.
 */
export function createUploadSweeper(deps: {
  models: Models;
  maxAgeMs: number;
  now?: () => Date;
  logger?: {
    info(message: string, meta: Record<string, unknown>): void;
    error(message: string, meta: Record<string, unknown>): void;
  };
}): UploadSweeper {
  const now = deps.now ?? (() => new Date());
  const { StoredFile, FileBlob } = deps.models;

  async function sweep(): Promise<number> {
    const cutoff = new Date(now().getTime() - deps.maxAgeMs);
    const candidates = await StoredFile.find(
      { $or: [{ state: 'unattached', createdAt: { $lt: cutoff } }, { state: 'sweeping' }] },
      { _id: 1, state: 1 },
    )
      .limit(BATCH)
      .lean();
    let removed = 0;
    for (const file of candidates) {
      if (file.state === 'unattached') {
        const claimed = await StoredFile.updateOne(
          { _id: file._id, state: 'unattached', createdAt: { $lt: cutoff } },
          { $set: { state: 'sweeping' } },
        );
        if (claimed.modifiedCount !== 1) continue; // attached meanwhile, or another sweep has it
      }
      await FileBlob.deleteOne({ _id: file._id });
      const gone = await StoredFile.deleteOne({ _id: file._id, state: 'sweeping' });
      removed += gone.deletedCount;
    }
    if (removed > 0) deps.logger?.info('unattached uploads removed', { removed, before: cutoff.toISOString() });
    return removed;
  }

  return {
    sweep,
    start(intervalMs) {
      const timer = setInterval(() => {
        sweep().catch((error: unknown) => deps.logger?.error('upload sweep failed', { error: String(error) }));
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
