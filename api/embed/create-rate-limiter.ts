import type { Models } from '../../storage/create-models';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';

export interface RateLimiter {
  /** Counts one hit for `key`; resolves to 0 when allowed, else the seconds until the window resets. */
  hit(key: string, limitPerWindow: number): Promise<number>;
  /** Takes back one hit of `key` in the current window (a counted attempt that turned out not to count). */
  undo(key: string): Promise<void>;
  /** Forgets the current window's hits of `key` (a success that ends a run of counted failures). */
  reset(key: string): Promise<void>;
}

/** The longest window a limiter may use. */
const MAX_WINDOW_MS = 3600_000;
/**
 * Windows older than this are removed, at most once per minute by each limiter. One age for every limiter: they all
 * share `rate_windows`, so a limiter with short windows must not remove another's long ones.
 */
const KEEP_MS = 2 * MAX_WINDOW_MS;
const SWEEP_EVERY_MS = 60_000;

/**
 * A fixed window per key (one minute unless `windowMs` says otherwise, at most an hour), counted in the database
 * (`rate_windows`) with one atomic `$inc` upsert per hit, so that several API processes behind a load balancer share
 * one count (the guarantee the dossier numbers rely on too: concurrent increments of one document all count, on
 * MongoDB and on the embedded FerretDB). Windows older than two hours are removed as keys are hit.
 */
export function createRateLimiter(deps: {
  models: Models;
  windowMs?: number;
  now?: () => number;
  onSweepError?: (error: unknown) => void;
}): RateLimiter {
  const now = deps.now ?? Date.now;
  const windowMs = deps.windowMs ?? 60_000;
  if (!(windowMs > 0 && windowMs <= MAX_WINDOW_MS)) throw new RangeError(`rate window ${windowMs} ms out of range`);
  let sweptAt = 0;
  const windowOf = (key: string) => {
    const t = now();
    const windowStart = t - (t % windowMs);
    return { t, windowStart, id: `${key}|${windowStart}`, secondsLeft: Math.ceil((windowStart + windowMs - t) / 1000) };
  };
  const increment = (id: string, windowStart: number) =>
    deps.models.RateWindow.findOneAndUpdate(
      { _id: id },
      { $inc: { count: 1 }, $setOnInsert: { windowStart: new Date(windowStart) } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
  return {
    async hit(key, limitPerWindow) {
      const { t, windowStart, id, secondsLeft } = windowOf(key);
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
      return (window?.count ?? 0) > limitPerWindow ? secondsLeft : 0;
    },
    async undo(key) {
      await deps.models.RateWindow.updateOne({ _id: windowOf(key).id, count: { $gt: 0 } }, { $inc: { count: -1 } });
    },
    async reset(key) {
      await deps.models.RateWindow.deleteOne({ _id: windowOf(key).id });
    },
  };
}
