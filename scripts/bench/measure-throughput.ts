/**
 * One thing to measure: `run` is one operation (one validation); its result is consumed so it cannot be optimised away.
 */
export interface ThroughputCase {
  id: string;
  run: () => unknown;
}

export interface ThroughputOptions {
  /** Time each case runs, unmeasured, before the first round (lets V8 optimise the hot code). */
  warmupMs: number;
  rounds: number;
  /** Time each case runs in each round. */
  roundMs: number;
  /** Called before each case of each round, for a progress display; `round` 0 is the warm-up. */
  onProgress?: (progress: { round: number; rounds: number; caseIndex: number; cases: number; id: string }) => void;
}

/** Statistics of one case's per-round figures (operations per second). */
export interface RoundStats {
  perRound: number[];
  median: number;
  min: number;
  max: number;
}

/**
 * One case's throughput, per round: `wall` counts operations per elapsed second, `cpu` per second of CPU time this
 * process used (user + system). On a machine shared with other work the two differ; `cpu` is what one core does when
 * it runs this code, `wall` what this run got.
 */
export interface ThroughputResult {
  id: string;
  wall: RoundStats;
  cpu: RoundStats;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Every result goes in here, so V8 cannot drop the work that produced it. */
let sink = 0;
const consume = (value: unknown) => {
  sink = (sink + (value === undefined || value === null ? 0 : typeof value === 'object' ? 1 : 2)) | 0;
};

/**
 * Runs `fn` in batches until `ms` have passed; returns operations per wall-clock and per CPU second. The batch size
 * keeps the clock reads (one per batch) negligible next to the work even for sub-microsecond operations.
 */
function runFor(fn: () => unknown, ms: number, batch: number): { wall: number; cpu: number; batchNs: number } {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(ms * 1e6));
  let ops = 0;
  let now: bigint;
  do {
    for (let i = 0; i < batch; i++) consume(fn());
    ops += batch;
    now = process.hrtime.bigint();
  } while (now < deadline);
  const cpuUsed = process.cpuUsage(cpuStart);
  const elapsedNs = Number(now - start);
  const cpuNs = Math.max((cpuUsed.user + cpuUsed.system) * 1000, 1);
  return { wall: (ops * 1e9) / elapsedNs, cpu: (ops * 1e9) / cpuNs, batchNs: (elapsedNs / ops) * batch };
}

const stats = (perRound: number[]): RoundStats => ({
  perRound,
  median: median(perRound),
  min: Math.min(...perRound),
  max: Math.max(...perRound),
});

/**
 * Measures each case's throughput on this thread (so the figures are per core). After a warm-up, the rounds are
 * interleaved — round 1 of every case, then round 2 of every case, ... — so that a slowdown of the machine during the
 * run (another process, a thermal limit) affects every case alike instead of one of them; the spread of the rounds
 * shows how noisy the run was. Cases are measured, never compared, here: ratios are the caller's.
 */
export function measureThroughput(cases: readonly ThroughputCase[], options: ThroughputOptions): ThroughputResult[] {
  const batches = cases.map(() => 1);
  cases.forEach((c, i) => {
    options.onProgress?.({ round: 0, rounds: options.rounds, caseIndex: i, cases: cases.length, id: c.id });
    // Grow the batch until one takes about a millisecond, then warm up with it.
    for (
      let probe = runFor(c.run, 0, 1);
      probe.batchNs < 1e6 && batches[i]! < 1 << 20;
      probe = runFor(c.run, 0, batches[i]!)
    ) {
      batches[i] = batches[i]! * 2;
    }
    runFor(c.run, options.warmupMs, batches[i]!);
  });

  const wall = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  for (let round = 1; round <= options.rounds; round++) {
    cases.forEach((c, i) => {
      options.onProgress?.({ round, rounds: options.rounds, caseIndex: i, cases: cases.length, id: c.id });
      const result = runFor(c.run, options.roundMs, batches[i]!);
      wall[i]!.push(result.wall);
      cpu[i]!.push(result.cpu);
    });
  }
  return cases.map((c, i) => ({ id: c.id, wall: stats(wall[i]!), cpu: stats(cpu[i]!) }));
}
