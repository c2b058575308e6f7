import { createSupervisor, type SupervisedRun, type SupervisorDeps } from '../../../scripts/servers/create-supervisor';

/** A child's life that the test ends by hand; `stop()` ends it as a clean stop would. */
interface FakeRun extends SupervisedRun {
  crash(how?: string): void;
  stopped: boolean;
}

let nextPid = 100;
function fakeRun(): FakeRun {
  let end: () => void = () => undefined;
  let how = 'is running';
  const exited = new Promise<void>((resolve) => (end = resolve));
  const run: FakeRun = {
    pid: nextPid++,
    exited,
    stopped: false,
    describeExit: () => how,
    crash(description = 'was killed by SIGKILL') {
      how = description;
      end();
    },
    async stop() {
      run.stopped = true;
      how = 'exited with code 0';
      end();
    },
  };
  return run;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A supervisor on a fake clock whose backoff waits are recorded and released by the test. */
function harness(policy: SupervisorDeps['policy'] = {}) {
  let clock = 0;
  const lines: string[] = [];
  const waits: number[] = [];
  const gaveUp: string[] = [];
  let allRunning = 0;
  const releases: (() => void)[] = [];
  const supervisor = createSupervisor({
    log: (line) => lines.push(line),
    onGiveUp: (reason) => gaveUp.push(reason),
    onAllRunning: () => (allRunning += 1),
    now: () => clock,
    policy,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        waits.push(ms);
        releases.push(() => resolve());
        signal.addEventListener('abort', () => resolve(), { once: true });
      }),
  });
  return {
    supervisor,
    lines,
    waits,
    gaveUp,
    allRunning: () => allRunning,
    advance: (ms: number) => (clock += ms),
    /** Ends the oldest pending backoff wait. */
    release: async () => {
      releases.shift()?.();
      await flush();
    },
  };
}

describe('createSupervisor', () => {
  it('restarts a crashed child after the first backoff, keeps its siblings and says when all are back', async () => {
    const h = harness();
    const lives = [fakeRun(), fakeRun()];
    const sibling = fakeRun();
    const worker = h.supervisor.watch('worker', lives[0]!, async () => lives[1]!);
    h.supervisor.watch('api', sibling, async () => fakeRun());

    lives[0]!.crash();
    await flush();
    expect(worker.current).toBeUndefined();
    expect(h.supervisor.down()).toEqual(['worker']);
    expect(h.waits).toEqual([500]);
    expect(h.lines.slice(0, 2)).toEqual([`worker started (pid ${lives[0]!.pid})`, `api started (pid ${sibling.pid})`]);
    expect(h.lines[2]).toBe('worker was killed by SIGKILL; restarting it in 0.5 s (crash 1 of 5 allowed within 120 s)');

    await h.release();
    expect(worker.current).toBe(lives[1]);
    expect(worker.restarts).toBe(1);
    expect(h.supervisor.down()).toEqual([]);
    expect(h.allRunning()).toBe(1);
    expect(h.lines).toContain(`worker is back (pid ${lives[1]!.pid}) after 0 s`);
    expect(sibling.stopped).toBe(false);
  });

  it('doubles the wait with each crash in a row up to the maximum, and starts again after a stable life', async () => {
    const h = harness({ maxCrashes: 100, maxBackoffMs: 4_000, stableAfterMs: 60_000 });
    let life = fakeRun();
    h.supervisor.watch('temporal', life, async () => (life = fakeRun()));
    for (let i = 0; i < 5; i++) {
      life.crash();
      await flush();
      await h.release();
    }
    expect(h.waits).toEqual([500, 1_000, 2_000, 4_000, 4_000]);

    h.advance(60_000);
    life.crash();
    await flush();
    expect(h.waits.at(-1)).toBe(500);
  });

  it('gives up, once, after too many crashes within the window, and restarts nothing more', async () => {
    const h = harness({ maxCrashes: 3, crashWindowMs: 120_000 });
    let life = fakeRun();
    const starts: FakeRun[] = [];
    h.supervisor.watch('ferretdb', life, async () => {
      life = fakeRun();
      starts.push(life);
      return life;
    });
    life.crash('exited with code 2');
    await flush();
    await h.release();
    h.advance(1_000);
    life.crash('exited with code 2');
    await flush();
    await h.release();
    h.advance(1_000);
    life.crash('exited with code 2');
    await flush();

    expect(h.gaveUp).toEqual([
      'ferretdb exited with code 2: 3 crashes within 120 s; giving up on the system (see its output above)',
    ]);
    expect(starts).toHaveLength(2);
    expect(h.waits).toHaveLength(2);
  });

  it('forgets crashes older than the window', async () => {
    const h = harness({ maxCrashes: 2, crashWindowMs: 10_000 });
    let life = fakeRun();
    h.supervisor.watch('api', life, async () => (life = fakeRun()));
    life.crash();
    await flush();
    await h.release();
    h.advance(10_001);
    life.crash();
    await flush();
    expect(h.gaveUp).toEqual([]);
    expect(h.lines.at(-1)).toContain('crash 1 of 2');
  });

  it('counts a restart that fails as a crash and tries again with a longer wait', async () => {
    const h = harness();
    const first = fakeRun();
    const second = fakeRun();
    let attempts = 0;
    const child = h.supervisor.watch('temporal', first, async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('Temporal dev server did not start: port in use\n--- last output ---');
      return second;
    });
    first.crash();
    await flush();
    await h.release();
    expect(h.lines).toContain(
      'temporal did not come back (Temporal dev server did not start: port in use); restarting it in 1 s (crash 2 of 5 allowed within 120 s)',
    );
    await h.release();
    expect(child.current).toBe(second);
  });

  it('treats an exit after stop() as expected: no restart, and a pending backoff ends at once', async () => {
    const h = harness();
    const life = fakeRun();
    let restarted = 0;
    const child = h.supervisor.watch('worker', life, async () => {
      restarted += 1;
      return fakeRun();
    });
    await child.stop();
    await flush();
    expect(life.stopped).toBe(true);
    expect(h.waits).toEqual([]);

    const other = fakeRun();
    const api = h.supervisor.watch('api', other, async () => {
      restarted += 1;
      return fakeRun();
    });
    other.crash();
    await flush();
    expect(h.waits).toEqual([500]);
    await api.stop(); // Ctrl-C during the backoff: the wait ends and nothing starts
    await flush();
    expect(restarted).toBe(0);
    expect(h.supervisor.down()).toEqual([]);
  });

  it('stops a life that a restart started while supervision was ending', async () => {
    const h = harness();
    const first = fakeRun();
    const late = fakeRun();
    let finishStart: () => void = () => undefined;
    const child = h.supervisor.watch('temporal', first, async () => {
      await new Promise<void>((resolve) => (finishStart = resolve));
      return late;
    });
    first.crash();
    await flush();
    await h.release(); // the restart is now in progress
    const stopping = child.stop();
    finishStart();
    await stopping;
    expect(late.stopped).toBe(true);
    expect(child.current).toBeUndefined();
  });

  it('restarts nothing after supervisor.stop()', async () => {
    const h = harness();
    const life = fakeRun();
    let restarted = 0;
    h.supervisor.watch('api', life, async () => {
      restarted += 1;
      return fakeRun();
    });
    h.supervisor.stop();
    life.crash();
    await flush();
    expect(h.waits).toEqual([]);
    expect(restarted).toBe(0);
  });
});
