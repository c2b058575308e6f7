/** A running schedule (see startSlaReconcileSchedule). */
export interface SlaReconcileSchedule {
  /** Cancels the next run, aborts a run in progress and waits for it to end. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Runs `run` once `firstDelayMs` after start (default 10 s: after the worker's start-up, so projections replayed at
 * start settle first), then `intervalMs` after each run ends, so two runs never overlap. An error is logged with
 * `logger.error` and the schedule goes on; nothing is thrown. `intervalMs` 0 disables the schedule (no run at all).
 * `run` gets a signal that aborts on stop().
 */
export function startSlaReconcileSchedule(deps: {
  run: (signal: AbortSignal) => Promise<unknown>;
  intervalMs: number;
  firstDelayMs?: number;
  /** What a failed run is logged as; default 'sla reconcile failed' (the audit sealer runs on this schedule too). */
  failureMessage?: string;
  logger: { error(message: string, meta?: Record<string, unknown>): void };
}): SlaReconcileSchedule {
  if (deps.intervalMs <= 0) return { stop: async () => undefined };
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      running = tick();
    }, ms);
  };
  const tick = async () => {
    try {
      await deps.run(stopping.signal);
    } catch (error) {
      if (!stopping.signal.aborted)
        deps.logger.error(deps.failureMessage ?? 'sla reconcile failed', {
          error: String((error as Error)?.message ?? error),
        });
    }
    running = undefined;
    if (!stopping.signal.aborted) schedule(deps.intervalMs);
  };
  schedule(deps.firstDelayMs ?? 10_000);
  return {
    async stop() {
      stopping.abort();
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
