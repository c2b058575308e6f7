/** One life of a supervised child: what the supervisor needs to watch it and stop it. */
export interface SupervisedRun {
  readonly pid?: number | undefined;
  /** Resolves when this life has ended, whatever the reason. */
  readonly exited: Promise<unknown>;
  /** "was killed by SIGKILL" / "exited with code 1", for the log. */
  describeExit(): string;
  stop(options?: { force?: boolean }): Promise<unknown>;
}

/** When to restart and when to give up. */
export interface RestartPolicy {
  /** Wait before the first restart after a crash; doubles with each further crash. */
  readonly initialBackoffMs: number;
  /** The longest wait between restarts. */
  readonly maxBackoffMs: number;
  /** A life at least this long resets the backoff to `initialBackoffMs`. */
  readonly stableAfterMs: number;
  /** Give up once one child has crashed this many times within `crashWindowMs` … */
  readonly maxCrashes: number;
  readonly crashWindowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialBackoffMs: 500,
  maxBackoffMs: 30_000,
  stableAfterMs: 60_000,
  maxCrashes: 5,
  crashWindowMs: 120_000,
};

/** Dependencies of {@link createSupervisor}; tests pass fakes for the clock and the waits. */
export interface SupervisorDeps {
  /** One status line, without prefix (the launcher prints it as `[hoso] …`). Never gets personal data. */
  log(message: string): void;
  /** Called once when a child crashed too often: the caller stops everything. The supervisor has stopped itself. */
  onGiveUp(reason: string): void;
  /** Called whenever the last child that was down is running again (not at the first start). */
  onAllRunning?(): void;
  policy?: Partial<RestartPolicy>;
  now?: () => number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** A child under supervision. */
export interface SupervisedChild {
  readonly name: string;
  /** The life running now; undefined while the child waits for or goes through a restart. */
  readonly current: SupervisedRun | undefined;
  /** Times it has been restarted after a crash. */
  readonly restarts: number;
  /** Ends its supervision (no more restarts; a pending restart is cancelled) and stops its current life. */
  stop(options?: { force?: boolean }): Promise<void>;
}

export interface Supervisor {
  /**
   * Watches `first` (already started and ready); each time a life ends while the child is supervised it is a crash:
   * after the backoff, `restart(signal)` starts a new life and resolves once that is ready. A restart that rejects
   * counts as another crash. `signal` aborts when supervision ends (Ctrl-C during a restart).
   */
  watch(name: string, first: SupervisedRun, restart: (signal: AbortSignal) => Promise<SupervisedRun>): SupervisedChild;
  /** Ends every child's supervision at once: no restart starts after this, waits in progress end. Stops nothing. */
  stop(): void;
  /** The names of the children that are down now (waiting for or in a restart). */
  down(): string[];
}

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

/**
 * Restarts crashed children with exponential backoff while the others keep running, like systemd's
 * `Restart=on-failure` with `RestartSec` and `StartLimitBurst`, for `npm start`.
 *
 * A child's exit is a crash unless its supervision was ended first (`child.stop()` or `supervisor.stop()`). After
 * a crash the child waits `initialBackoffMs` × 2^(crashes in a row − 1), at most `maxBackoffMs`; a life that lasted
 * `stableAfterMs` starts the row again. When one child has crashed `maxCrashes` times within `crashWindowMs`, the
 * supervisor says so, ends all supervision and calls `onGiveUp` once — restarting something that keeps dying only
 * hides the cause. A restart that throws (a server that does not become ready) is a crash too.
 */
export function createSupervisor(deps: SupervisorDeps): Supervisor {
  const policy = { ...DEFAULT_RESTART_POLICY, ...deps.policy };
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const ended = new AbortController();
  const downNow = new Set<string>();

  function giveUp(reason: string): void {
    if (ended.signal.aborted) return;
    ended.abort();
    deps.onGiveUp(reason);
  }

  function watch(
    name: string,
    first: SupervisedRun,
    restart: (signal: AbortSignal) => Promise<SupervisedRun>,
  ): SupervisedChild {
    const own = new AbortController();
    const stopped = AbortSignal.any([own.signal, ended.signal]);
    let current: SupervisedRun | undefined = first;
    let restarts = 0;
    let inRow = 0;
    const crashes: number[] = [];
    /** A restart in progress, so that stop() can wait for it and stop what it started. */
    let pending: Promise<SupervisedRun> | undefined;

    /** Records a crash; answers the wait before the next restart, or undefined when it is time to give up. */
    function crashed(lifeMs: number | undefined, what: string): number | undefined {
      const at = now();
      crashes.push(at);
      while (crashes.length > 0 && at - crashes[0]! > policy.crashWindowMs) crashes.shift();
      if (crashes.length >= policy.maxCrashes) {
        giveUp(
          `${name} ${what}: ${crashes.length} crashes within ${seconds(policy.crashWindowMs)}; ` +
            'giving up on the system (see its output above)',
        );
        return undefined;
      }
      inRow = lifeMs !== undefined && lifeMs >= policy.stableAfterMs ? 1 : inRow + 1;
      const wait = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (inRow - 1));
      deps.log(
        `${name} ${what}; restarting it in ${seconds(wait)} ` +
          `(crash ${crashes.length} of ${policy.maxCrashes} allowed within ${seconds(policy.crashWindowMs)})`,
      );
      return wait;
    }

    async function supervise(life: SupervisedRun, startedAt: number): Promise<void> {
      for (;;) {
        await life.exited;
        if (stopped.aborted) return;
        current = undefined;
        downNow.add(name);
        let wait = crashed(now() - startedAt, life.describeExit());
        for (;;) {
          if (wait === undefined) return;
          await sleep(wait, stopped);
          if (stopped.aborted) return;
          const downSince = now();
          try {
            deps.log(`restarting ${name} …`);
            pending = restart(stopped);
            life = await pending;
          } catch (error) {
            if (stopped.aborted) return;
            const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
            wait = crashed(undefined, `did not come back (${message})`);
            continue;
          }
          if (stopped.aborted) return; // stop() stops the life that pending started
          pending = undefined;
          restarts += 1;
          current = life;
          startedAt = now();
          downNow.delete(name);
          deps.log(
            `${name} is back${life.pid === undefined ? '' : ` (pid ${life.pid})`} after ${seconds(now() - downSince)}`,
          );
          if (downNow.size === 0) deps.onAllRunning?.();
          break;
        }
      }
    }

    deps.log(`${name} started${first.pid === undefined ? '' : ` (pid ${first.pid})`}`);
    void supervise(first, now());
    return {
      name,
      get current() {
        return current;
      },
      get restarts() {
        return restarts;
      },
      async stop(options) {
        own.abort();
        downNow.delete(name);
        await pending?.then(
          (life) => life.stop(options),
          () => undefined,
        );
        await current?.stop(options);
      },
    };
  }

  return {
    watch,
    stop: () => ended.abort(),
    down: () => [...downNow],
  };
}
