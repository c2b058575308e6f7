/** The settings of one `npm run bench:engine` run, from its flags or their environment variables. */
export interface EngineBenchConfig {
  seconds: number;
  rounds: number;
  warmup: number;
  clients: number;
  /** Temporal in memory instead of its SQLite file. */
  memory: boolean;
  writeDoc: boolean;
}

function option(argv: readonly string[], env: NodeJS.ProcessEnv, name: string, variable: string, fallback: number) {
  const i = argv.indexOf(`--${name}`);
  const raw = i >= 0 ? argv[i + 1] : env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`--${name} / ${variable} must be a positive number, got '${raw}'`);
  return value;
}

/** `--seconds` (BENCH_ENGINE_SECONDS, 40), `--rounds` (2), `--warmup` (10), `--clients` (8), `--memory`, `--no-doc`. */
export function engineBenchConfigOf(argv: readonly string[], env: NodeJS.ProcessEnv): EngineBenchConfig {
  return {
    seconds: option(argv, env, 'seconds', 'BENCH_ENGINE_SECONDS', 40),
    rounds: Math.round(option(argv, env, 'rounds', 'BENCH_ENGINE_ROUNDS', 2)),
    warmup: option(argv, env, 'warmup', 'BENCH_ENGINE_WARMUP', 10),
    clients: Math.round(option(argv, env, 'clients', 'BENCH_ENGINE_CLIENTS', 8)),
    memory: argv.includes('--memory'),
    writeDoc: !argv.includes('--no-doc'),
  };
}
