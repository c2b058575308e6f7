/** Reads one stored SLA count for a user (see createCountReader). */
export type CountReader = (stored: unknown, at: { counterId: string; path: string }) => number;

/**
 * The one place where counts read from `sla_counters` become counts shown to users: a negative (a counter that
 * drifted: a projection that died between its two writes) is shown as 0, and anything that is not a finite number
 * as 0. A negative count is logged as a warning (counter id and path: unit codes, roles and procedure keys, no
 * personal data) so that an operator knows to run `npm run sla:reconcile`; at most once per count per `warnEveryMs`
 * (default 10 minutes), so a dashboard polled every few seconds does not flood the log.
 */
export function createCountReader(deps: {
  logger: { warn(message: string, meta: Record<string, unknown>): void };
  warnEveryMs?: number;
  now?: () => number;
}): CountReader {
  const warnEveryMs = deps.warnEveryMs ?? 10 * 60_000;
  const now = deps.now ?? Date.now;
  const warnedAt = new Map<string, number>();
  return (stored, at) => {
    if (typeof stored !== 'number' || !Number.isFinite(stored)) return 0;
    if (stored >= 0) return stored;
    const key = `${at.counterId}\u0000${at.path}`;
    const t = now();
    const last = warnedAt.get(key);
    if (last === undefined || t - last >= warnEveryMs) {
      warnedAt.set(key, t);
      deps.logger.warn('negative sla count shown as 0; run npm run sla:reconcile', {
        counterId: at.counterId,
        path: at.path,
        stored,
      });
    }
    return 0;
  };
}
