import type { Models } from '../../storage/create-models';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';

export interface RateLimiter {
  /** Counts one hit for `key`; resolves to 0 when allowed, else the seconds until the window resets. */
  hit(key: string, limitPerMinute: number): Promise<number>;
}

const WINDOW_MS = 60_000;
/** Windows older than this are removed, at most once per SWEEP_EVERY_MS by each process. */
const KEEP_MS = 2 * WINDOW_MS;
const SWEEP_EVERY_MS = WINDOW_MS;

/**
 * A fixed one-minute window per key, counted in the database (`rate_windows`) with one atomic `$inc` upsert per
 * hit, so that several API processes behind a load balancer share one count (the guarantee the dossier numbers
 * rely on too: concurrent increments of one document all count, on MongoDB and on the embedded FerretDB). Windows
 * older than two minutes are removed as keys are hit.
 */
export function createRateLimiter(deps: {
  models: Models;
  now?: () => number;
  onSweepError?: (error: unknown) => void;
}): RateLimiter {
  const now = deps.now ?? Date.now;
  let sweptAt = 0;
  const increment = (id: string, windowStart: number) =>
    deps.models.RateWindow.findOneAndUpdate(
      { _id: id },
      { $inc: { count: 1 }, $setOnInsert: { windowStart: new Date(windowStart) } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
  return {
    async hit(key, limitPerMinute) {
      const t = now();
      const windowStart = t - (t % WINDOW_MS);
      const id = `${key}|${windowStart}`;
      let window;
      try {
        window = await increment(id, windowStart);
      } catch (error) {
        // Two first hits of a window at once, on a server that does not retry the upsert itself: it exists now.
        if (!isDuplicateKeyError(error)) throw error;
        window = await increment(id, windowStart);
      }
      if (t - sweptAt >= SWEEP_EVERY_MS) {
        sweptAt = t;
        deps.models.RateWindow.deleteMany({ windowStart: { $lt: new Date(t - KEEP_MS) } }).catch((error: unknown) =>
          deps.onSweepError?.(error),
        );
      }
      return (window?.count ?? 0) > limitPerMinute ? Math.ceil((windowStart + WINDOW_MS - t) / 1000) : 0;
    },
  };
}
