export interface RateLimiter {
  /** Counts one hit for `key`; returns 0 when allowed, else the seconds until the window resets. */
  hit(key: string, limitPerMinute: number): number;
}

/**
 * A fixed one-minute window per key, in this process's memory. Enough for one API process; several API processes
 * would each allow the limit (a shared store is the upgrade path). Old windows are dropped as keys are hit.
 */
export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, limitPerMinute) {
      const t = now();
      const current = windows.get(key);
      if (!current || t - current.start >= 60_000) {
        windows.set(key, { start: t, count: 1 });
        if (windows.size > 10_000) for (const [k, w] of windows) if (t - w.start >= 60_000) windows.delete(k);
        return 0;
      }
      current.count += 1;
      return current.count > limitPerMinute ? Math.ceil((current.start + 60_000 - t) / 1000) : 0;
    },
  };
}
