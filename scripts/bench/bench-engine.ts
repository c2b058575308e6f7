// `npm run bench:engine [-- --seconds S --rounds R --warmup S --clients N --memory --no-doc]`: the performance of one
// decision (issue 11). In one run, on one Temporal dev server:
//   - the engine: the real system (Temporal CLI dev server + patched FerretDB through scripts/servers, the worker,
//     seed and API as in `npm run demo`), driven over HTTP by N concurrent clients (default 8), each taking dossiers of
//     the seed-era housing chain through create, submit and three decisions (district, province, treasury);
//   - the raw ceiling: a minimal workflow of the same shape (scripts/bench/engine-ceiling/), one workflow per
//     dossier and five updates each running one no-op activity, driven by N clients with the Temporal client.
// Phases alternate (warm-up raw, warm-up engine, then raw, engine, … for R rounds) so both see the same machine.
// Reports actions/s, p50/p95/p99 latency, CPU per action of each process (utime+stime from /proc/<pid>/stat), the
// engine/raw ratio, and the Temporal round trips the API makes per action (counted in the API process by
// scripts/bench/engine/count-grpc-calls.ts). Writes docs/benchmarks.md (its own section) unless --no-doc.
// Environment: BENCH_ENGINE_SECONDS, BENCH_ENGINE_ROUNDS, BENCH_ENGINE_WARMUP, BENCH_ENGINE_CLIENTS.
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { execFileSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/search-attributes';
import { workflowIdOf } from '../../api/dossiers/workflow-id-of';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-accounts';
import {
  findFreePort,
  ManagedProcess,
  repoRoot,
  resolveServerBinaries,
  startFerretDb,
  startTemporalDevServer,
  waitForPort,
  type FerretDb,
  type TemporalDevServer,
} from '../servers';
import { ceilingAction, ceilingDossier } from './engine-ceiling/workflows';
import { replaceMarkdownSection } from './replace-markdown-section';

const heading = '## Engine (`npm run bench:engine`)';
const PROCESS_KEY = 'housing-support-2024';
const CEILING_TASK_QUEUE = 'bench-engine-ceiling';
const ACTIONS_PER_DOSSIER = 5;
const TARGET_RATIO = 0.8;
const TARGET_P95_MS = 400;
const GRPC_PREFIX = 'grpc-calls ';
const PROBE_DOSSIERS = 3;

function option(name: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`--${name} / ${env} must be a positive number, got '${raw}'`);
  return value;
}

const config = {
  seconds: option('seconds', 'BENCH_ENGINE_SECONDS', 40),
  rounds: Math.round(option('rounds', 'BENCH_ENGINE_ROUNDS', 2)),
  warmup: option('warmup', 'BENCH_ENGINE_WARMUP', 10),
  clients: Math.round(option('clients', 'BENCH_ENGINE_CLIENTS', 8)),
  memory: process.argv.includes('--memory'),
  writeDoc: !process.argv.includes('--no-doc'),
};

type System = 'engine' | 'raw';
type Kind = 'create' | 'submit' | 'decision';
interface Sample {
  kind: Kind;
  ms: number;
}
interface PhaseResult {
  system: System;
  wallMs: number;
  samples: Sample[];
  /** CPU ms used during the phase, per process name. */
  cpuMs: Record<string, number>;
  /** gRPC calls the API made during the phase (engine only), by method. */
  grpc?: Record<string, number>;
}

// ─── CPU time of a process ───────────────────────────────────────────────────────────────────────────────────────

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process (all its threads), in ms, from /proc/<pid>/stat (fields 14 and 15). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

// ─── statistics and formatting ───────────────────────────────────────────────────────────────────────────────────

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

function latency(samples: readonly Sample[]): { n: number; p50: number; p95: number; p99: number } {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

const fmt = (value: number, digits = 1) =>
  Number.isFinite(value)
    ? value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';

/**
 * A one-line progress display on stderr for a phase of fixed duration (redrawn on a terminal, every 10 % otherwise).
 */
function phaseProgress(label: string, seconds: number, count: () => number): { stop(): void } {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  const line = () => {
    const elapsed = (Date.now() - started) / 1000;
    const share = Math.min(1, elapsed / seconds);
    const filled = Math.round(share * 30);
    const done = count();
    return `${label.padEnd(22)} [${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${Math.round(share * 100)}% ${Math.min(elapsed, seconds).toFixed(0)}/${seconds} s  ${done.toLocaleString('en')} actions  ${fmt(done / Math.max(elapsed, 0.001), 0)}/s`;
  };
  const draw = () => {
    if (tty) process.stderr.write(`\r${line()}`);
    else {
      const tenth = Math.floor(Math.min(1, (Date.now() - started) / 1000 / seconds) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${line()}\n`);
      }
    }
  };
  draw();
  const timer = setInterval(draw, tty ? 250 : 1000);
  return {
    stop() {
      clearInterval(timer);
      process.stderr.write(`${tty ? '\r' : ''}${line()} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}

// ─── the engine's HTTP clients ───────────────────────────────────────────────────────────────────────────────────

const example = (name: string): Record<string, any> =>
  JSON.parse(readFileSync(join(repoRoot, 'forms/examples', `${name}.json`), 'utf8'));

function accountOf(role: string, unitCode: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role && a.unitCode === unitCode);
  if (!account) throw new Error(`no demo account with role ${role} in ${unitCode}`);
  return account.username;
}

/** The seed-era chain's people: the communes under Hà Đông, and the district, city and district-fund officers. */
const COMMUNES = DEMO_ACCOUNTS.filter((a) => a.role === 'commune_officer' && a.unitCode.startsWith('HN-HD-'));
const DISTRICT = accountOf('district_officer', 'HN-HD');
const PROVINCE = accountOf('province_officer', 'HN');
const TREASURY = accountOf('treasurer', 'HN-HD');

interface HttpApi {
  post(path: string, as: string, body: unknown): Promise<{ status: number; body: any }>;
}

async function httpApi(baseUrl: string): Promise<HttpApi> {
  const tokens = new Map<string, string>();
  for (const username of [...COMMUNES.map((c) => c.username), DISTRICT, PROVINCE, TREASURY]) {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const body = (await res.json()) as { token?: string };
    if (res.status !== 200 || !body.token)
      throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(body)}`);
    tokens.set(username, body.token);
  }
  return {
    // Every POST carries an Idempotency-Key, as the officer app's do.
    async post(path, as, body) {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens.get(as)}`,
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

interface Dossier {
  /** The Temporal workflow id, known once the first action has run. */
  workflowId(): string;
  actions: { kind: Kind; run(): Promise<void> }[];
}

/** The five human actions of one dossier on the engine, as HTTP requests; each is checked, none is retried. */
function engineDossier(api: HttpApi, client: number): Dossier {
  const commune = COMMUNES[client % COMMUNES.length]!;
  const proposal = example('housing-proposal@1');
  proposal.household.address.unitCode = commune.unitCode;
  // A household of its own per dossier: the overlap rules refuse a second housing dossier for one household.
  proposal.household.citizenId = `09${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`;
  let id = '';
  const expect = (what: string, res: { status: number; body: any }, status: number) => {
    if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
  };
  const decide = (as: string, body: unknown) => async () =>
    expect(
      `${body && (body as { action: string }).action} by ${as}`,
      await api.post(`/api/dossiers/${id}/actions`, as, body),
      200,
    );
  const actions: Dossier['actions'] = [
    {
      kind: 'create',
      run: async () => {
        const res = await api.post('/api/dossiers', commune.username, { processKey: PROCESS_KEY, data: proposal });
        expect(`create by ${commune.username}`, res, 201);
        id = res.body.id;
      },
    },
    { kind: 'submit', run: decide(commune.username, { action: 'submit' }) },
    {
      kind: 'decision',
      run: decide(DISTRICT, { action: 'approve', data: example('housing-review@1'), comment: 'Đủ điều kiện' }),
    },
    { kind: 'decision', run: decide(PROVINCE, { action: 'approve', data: example('housing-decision@1') }) },
    {
      kind: 'decision',
      run: async () => {
        const res = await api.post(`/api/dossiers/${id}/actions`, TREASURY, {
          action: 'approve',
          data: example('housing-disbursement@1'),
        });
        expect(`approve by ${TREASURY}`, res, 200);
        if (res.body.status !== 'completed')
          throw new Error(`dossier ${id} not completed after disbursement: ${JSON.stringify(res.body)}`);
      },
    },
  ];
  return { workflowId: () => workflowIdOf(id), actions };
}

/** The five updates of one raw-ceiling dossier; the first one starts the workflow (update-with-start). */
function rawDossier(temporal: Client): Dossier {
  const workflowId = `ceiling-${randomUUID()}`;
  const check = (n: number) => (taken: number) => {
    if (taken !== n) throw new Error(`${workflowId}: update ${n} answered ${taken}`);
  };
  const actions = Array.from({ length: ACTIONS_PER_DOSSIER }, (_, i): Dossier['actions'][number] => ({
    kind: i === 0 ? 'create' : i === 1 ? 'submit' : 'decision',
    run:
      i === 0
        ? async () =>
            check(1)(
              await temporal.workflow.executeUpdateWithStart(ceilingAction, {
                args: [1],
                startWorkflowOperation: new WithStartWorkflowOperation(ceilingDossier, {
                  workflowId,
                  taskQueue: CEILING_TASK_QUEUE,
                  args: [ACTIONS_PER_DOSSIER],
                  workflowIdConflictPolicy: 'FAIL',
                }),
              }),
            )
        : async () =>
            check(i + 1)(await temporal.workflow.getHandle(workflowId).executeUpdate(ceilingAction, { args: [i + 1] })),
  }));
  return { workflowId: () => workflowId, actions };
}

// ─── the run ─────────────────────────────────────────────────────────────────────────────────────────────────────

interface Running {
  temporal: TemporalDevServer;
  ferret: FerretDb;
  worker: ManagedProcess;
  api: ManagedProcess;
  ceiling: ManagedProcess;
  baseUrl: string;
  temporalClient: Client;
  connection: Connection;
  /** Totals of the API's gRPC calls by method, read through SIGUSR2. */
  grpcCalls(): Promise<Record<string, number>>;
}

const log = (message: string) => process.stderr.write(`[bench:engine] ${message}\n`);

/**
 * A `node --import tsx <script>` child whose output is kept for error messages; resolves once `ready` matches a line.
 */
async function startNodeChild(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp | undefined,
  imports: string[] = [],
  onLine?: (line: string) => void,
): Promise<ManagedProcess> {
  let markReady: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => (markReady = resolve));
  const child = ManagedProcess.start({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', ...imports.flatMap((file) => ['--import', file]), join(repoRoot, script)],
    cwd: repoRoot,
    env,
    output: 'silent',
    stopTimeoutMs: 15_000,
    onLine: (line) => {
      if (ready?.test(line)) markReady();
      onLine?.(line);
    },
  });
  if (ready) {
    const exited = child.exited.then(() => {
      throw new Error(`${name} ${child.describeExit()} before it was ready:\n${child.outputTail()}`);
    });
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${name} not ready after 120 s:\n${child.outputTail()}`)), 120_000).unref(),
    );
    await Promise.race([isReady, exited, timeout]);
    exited.catch(() => undefined);
  }
  return child;
}

async function startEverything(dataDir: string, stoppers: (() => Promise<unknown>)[]): Promise<Running> {
  const binaries = await resolveServerBinaries();
  const [temporalPort, ferretPort, apiPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  const [temporal, ferret] = await Promise.all([
    startTemporalDevServer({
      bin: binaries.temporal,
      port: temporalPort,
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      ...(config.memory ? {} : { dbFile: join(dataDir, 'temporal.db') }),
      output: 'silent',
    }),
    startFerretDb({ bin: binaries.ferretdb, port: ferretPort, dataDir: join(dataDir, 'ferretdb'), output: 'silent' }),
  ]);
  stoppers.push(
    () => temporal.stop(),
    () => ferret.stop(),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    MONGODB_URI: `${ferret.uri}/hoso`,
    PORT: String(apiPort),
    HOSO_DATA_DIR: dataDir,
    // Demo units and accounts: the clients sign in as the demo officers.
    HOSO_MODE: 'demo',
    // The hourly SLA counter check would land in a phase at random; it is not part of a decision.
    HOSO_SLA_RECONCILE_INTERVAL_MINUTES: '0',
  };
  log(
    `Temporal ${temporal.address}${config.memory ? ' (in memory)' : ' (SQLite file)'}, FerretDB ${ferret.uri}; starting workers, seed, API …`,
  );
  const [worker, ceiling] = await Promise.all([
    startNodeChild('worker', 'scripts/run-worker.ts', env, /"worker started"/),
    startNodeChild(
      'ceiling-worker',
      'scripts/bench/engine-ceiling/run-ceiling-worker.ts',
      { ...env, CEILING_TASK_QUEUE },
      /^ceiling worker ready/,
    ),
  ]);
  stoppers.push(
    () => worker.stop(),
    () => ceiling.stop(),
  );
  const seed = await startNodeChild('seed', 'scripts/seed.ts', env, undefined);
  await seed.exited;
  if (seed.exit?.code !== 0) throw new Error(`the seed ${seed.describeExit()}:\n${seed.outputTail()}`);

  let grpcWaiter: ((counts: Record<string, number>) => void) | undefined;
  const api = await startNodeChild(
    'api',
    'scripts/run-api.ts',
    env,
    /"api listening"/,
    [join(repoRoot, 'scripts/bench/engine/count-grpc-calls.ts')],
    (line) => {
      if (line.startsWith(GRPC_PREFIX)) grpcWaiter?.(JSON.parse(line.slice(GRPC_PREFIX.length)));
    },
  );
  stoppers.push(() => api.stop());
  await waitForPort({ host: '127.0.0.1', port: apiPort, timeoutMs: 30_000 });
  const connection = await Connection.connect({ address: temporal.address });
  stoppers.push(() => connection.close());
  return {
    temporal,
    ferret,
    worker,
    api,
    ceiling,
    baseUrl: `http://127.0.0.1:${apiPort}`,
    temporalClient: new Client({ connection }),
    connection,
    grpcCalls: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the API did not report its gRPC calls')), 5_000);
        grpcWaiter = (counts) => {
          clearTimeout(timer);
          grpcWaiter = undefined;
          resolve(counts);
        };
        process.kill(api.pid!, 'SIGUSR2');
      }),
  };
}

function subtract(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(after))
    if (value - (before[key] ?? 0) > 0) out[key] = value - (before[key] ?? 0);
  return out;
}

/** Runs `clients` loops of dossiers for `seconds` (the action in flight at the deadline is finished and counted). */
async function runPhase(
  running: Running,
  system: System,
  label: string,
  seconds: number,
  api: HttpApi,
): Promise<PhaseResult> {
  const pids: Record<string, number> = {
    temporal: running.temporal.process.pid!,
    ferretdb: running.ferret.process.pid!,
    worker: running.worker.pid!,
    api: running.api.pid!,
    'ceiling worker': running.ceiling.pid!,
  };
  const samples: Sample[] = [];
  const grpcBefore = system === 'engine' ? await running.grpcCalls() : undefined;
  const cpuBefore = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid)]));
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const progress = phaseProgress(label, seconds, () => samples.length);
  const loop = async (client: number) => {
    while (performance.now() < deadline) {
      for (const action of (system === 'engine' ? engineDossier(api, client) : rawDossier(running.temporalClient))
        .actions) {
        if (performance.now() >= deadline) return;
        const t0 = performance.now();
        await action.run();
        samples.push({ kind: action.kind, ms: performance.now() - t0 });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: config.clients }, (_, client) => loop(client)));
  } finally {
    progress.stop();
  }
  const wallMs = performance.now() - started;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const cpuMs = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid) - cpuBefore[name]!]),
  );
  cpuMs['clients (bench process)'] = (clientCpu.user + clientCpu.system) / 1000;
  const grpc = grpcBefore ? subtract(await running.grpcCalls(), grpcBefore) : undefined;
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the last activities settle before the next phase
  return { system, wallMs, samples, cpuMs, ...(grpc ? { grpc } : {}) };
}

interface Probe {
  /** Mean gRPC calls of the API per engine action, by method. */
  calls: { kind: string; calls: Record<string, number> }[];
  /** Latency of each action with one client at a time, p50 per action, per system. */
  alone: Record<System, number[]>;
  /** Temporal history of one completed dossier, per system. */
  history: Record<System, HistoryShape>;
}

interface HistoryShape {
  events: number;
  workflowTasks: number;
  activities: Record<string, number>;
}

const ACTION_NAMES = ['create', 'submit', 'approve (district)', 'approve (province)', 'approve (treasury)'];

async function historyShape(temporal: Client, workflowId: string): Promise<HistoryShape> {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const activities: Record<string, number> = {};
  let workflowTasks = 0;
  for (const event of history.events ?? []) {
    if (event.workflowTaskCompletedEventAttributes) workflowTasks += 1;
    const type = event.activityTaskScheduledEventAttributes?.activityType?.name;
    if (type) activities[type] = (activities[type] ?? 0) + 1;
  }
  return { events: history.events?.length ?? 0, workflowTasks, activities };
}

/**
 * Dossiers one at a time: the API's gRPC totals read between the engine's actions give its round trips per action;
 * the same actions alone give the latency without queueing; one finished dossier's history of each system shows
 * the work Temporal and the worker do for it.
 */
async function probe(running: Running, api: HttpApi): Promise<Probe> {
  const calls = ACTION_NAMES.map(() => ({}) as Record<string, number>);
  const times: Record<System, number[][]> = { engine: ACTION_NAMES.map(() => []), raw: ACTION_NAMES.map(() => []) };
  let engineId = '';
  let rawId = '';
  for (let d = 0; d < PROBE_DOSSIERS; d++) {
    const dossier = engineDossier(api, d);
    for (const [i, action] of dossier.actions.entries()) {
      const before = await running.grpcCalls();
      const t0 = performance.now();
      await action.run();
      times.engine[i]!.push(performance.now() - t0);
      for (const [method, n] of Object.entries(subtract(await running.grpcCalls(), before)))
        calls[i]![method] = (calls[i]![method] ?? 0) + n / PROBE_DOSSIERS;
    }
    engineId = dossier.workflowId();
    const raw = rawDossier(running.temporalClient);
    for (const [i, action] of raw.actions.entries()) {
      const t0 = performance.now();
      await action.run();
      times.raw[i]!.push(performance.now() - t0);
    }
    rawId = raw.workflowId();
  }
  const p50s = (perAction: number[][]) =>
    perAction.map((t) =>
      percentile(
        [...t].sort((a, b) => a - b),
        50,
      ),
    );
  return {
    calls: ACTION_NAMES.map((kind, i) => ({ kind, calls: calls[i]! })),
    alone: { engine: p50s(times.engine), raw: p50s(times.raw) },
    history: {
      engine: await historyShape(running.temporalClient, engineId),
      raw: await historyShape(running.temporalClient, rawId),
    },
  };
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const runStarted = Date.now();
  const dataDir = mkdtempSync(join(os.tmpdir(), 'hoso-bench-engine-'));
  const stoppers: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    stoppers.length = 0;
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    log(
      `${config.clients} clients; warm-up ${config.warmup} s per system, then ${config.rounds} round(s) of ${config.seconds} s per system, alternating`,
    );
    const running = await startEverything(dataDir, stoppers);
    const api = await httpApi(running.baseUrl);

    const phases: PhaseResult[] = [];
    await runPhase(running, 'raw', 'warm-up raw', config.warmup, api);
    await runPhase(running, 'engine', 'warm-up engine', config.warmup, api);
    for (let round = 1; round <= config.rounds; round++) {
      phases.push(await runPhase(running, 'raw', `raw ${round}/${config.rounds}`, config.seconds, api));
      phases.push(await runPhase(running, 'engine', `engine ${round}/${config.rounds}`, config.seconds, api));
    }
    log("one dossier at a time: the API's Temporal round trips, latency alone, histories …");
    const probed = await probe(running, api);
    await stopAll();
    const loadAfter = os.loadavg();
    const report = buildReport(phases, probed, { loadBefore, loadAfter, runSeconds: (Date.now() - runStarted) / 1000 });
    process.stdout.write(`\n${report.console}\n`);
    if (config.writeDoc) {
      const file = join(repoRoot, 'docs/benchmarks.md');
      await writeFile(
        file,
        replaceMarkdownSection(
          existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n',
          heading,
          report.markdown,
        ),
      );
      process.stdout.write('written to docs/benchmarks.md\n');
    }
  } finally {
    await stopAll();
  }
}

// ─── the report ──────────────────────────────────────────────────────────────────────────────────────────────────

const PROCESSES = ['temporal', 'ferretdb', 'worker', 'api', 'ceiling worker'] as const;

interface Summary {
  actions: number;
  perSecond: number;
  perRound: number[];
  lat: ReturnType<typeof latency>;
  byKind: Record<Kind, ReturnType<typeof latency>>;
  cpuPerAction: Record<string, number>;
  grpcPerAction?: number;
}

function summarise(phases: readonly PhaseResult[]): Summary {
  const samples = phases.flatMap((p) => p.samples);
  const wallMs = phases.reduce((sum, p) => sum + p.wallMs, 0);
  const cpuPerAction: Record<string, number> = {};
  for (const name of Object.keys(phases[0]?.cpuMs ?? {})) {
    cpuPerAction[name] = phases.reduce((sum, p) => sum + (p.cpuMs[name] ?? 0), 0) / Math.max(1, samples.length);
  }
  const grpcTotal = phases.every((p) => p.grpc)
    ? phases.reduce((sum, p) => sum + Object.values(p.grpc!).reduce((a, b) => a + b, 0), 0)
    : undefined;
  return {
    actions: samples.length,
    perSecond: samples.length / (wallMs / 1000),
    perRound: phases.map((p) => p.samples.length / (p.wallMs / 1000)),
    lat: latency(samples),
    byKind: {
      create: latency(samples.filter((s) => s.kind === 'create')),
      submit: latency(samples.filter((s) => s.kind === 'submit')),
      decision: latency(samples.filter((s) => s.kind === 'decision')),
    },
    cpuPerAction,
    ...(grpcTotal === undefined ? {} : { grpcPerAction: grpcTotal / Math.max(1, samples.length) }),
  };
}

function buildReport(
  phases: readonly PhaseResult[],
  probe: Probe,
  run: { loadBefore: number[]; loadAfter: number[]; runSeconds: number },
): { console: string; markdown: string } {
  const engine = summarise(phases.filter((p) => p.system === 'engine'));
  const raw = summarise(phases.filter((p) => p.system === 'raw'));
  const ratio = engine.perSecond / raw.perSecond;
  const roundRatios = engine.perRound.map((e, i) => e / raw.perRound[i]!);
  const serverCpu = (s: Summary) => PROCESSES.reduce((sum, name) => sum + (s.cpuPerAction[name] ?? 0), 0);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const cpuModel = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const cpuRatio = serverCpu(raw) / serverCpu(engine);
  const coresUsed = (s: Summary) => (serverCpu(s) * s.perSecond) / 1000;
  const ratioMet = ratio >= TARGET_RATIO;
  const p95Met = engine.lat.p95 < TARGET_P95_MS;

  const rows: string[][] = [
    ['Actions measured', engine.actions.toLocaleString('en'), raw.actions.toLocaleString('en')],
    ['Actions per second', fmt(engine.perSecond), fmt(raw.perSecond)],
    ['… per round', engine.perRound.map((x) => fmt(x)).join(', '), raw.perRound.map((x) => fmt(x)).join(', ')],
    ['Latency p50 ms', fmt(engine.lat.p50), fmt(raw.lat.p50)],
    ['Latency p95 ms', fmt(engine.lat.p95), fmt(raw.lat.p95)],
    ['Latency p99 ms', fmt(engine.lat.p99), fmt(raw.lat.p99)],
    ...PROCESSES.map((name) => [
      `CPU ms per action: ${name}`,
      fmt(engine.cpuPerAction[name] ?? 0, 2),
      fmt(raw.cpuPerAction[name] ?? 0, 2),
    ]),
    ['CPU ms per action: all servers above', fmt(serverCpu(engine), 2), fmt(serverCpu(raw), 2)],
    ['Actions per CPU-second of the servers', fmt(1000 / serverCpu(engine)), fmt(1000 / serverCpu(raw))],
    [`Cores the servers used (of ${os.cpus().length})`, fmt(coresUsed(engine), 2), fmt(coresUsed(raw), 2)],
    [
      'CPU ms per action: clients (bench process)',
      fmt(engine.cpuPerAction['clients (bench process)'] ?? 0, 2),
      fmt(raw.cpuPerAction['clients (bench process)'] ?? 0, 2),
    ],
  ];
  const kindRows = (['create', 'submit', 'decision'] as const).map((kind) => [
    kind === 'create' ? 'create (raw: update-with-start)' : kind === 'decision' ? 'decision (3 per dossier)' : 'submit',
    `${fmt(engine.byKind[kind].p50)} / ${fmt(engine.byKind[kind].p95)} / ${fmt(engine.byKind[kind].p99)}`,
    `${fmt(raw.byKind[kind].p50)} / ${fmt(raw.byKind[kind].p95)} / ${fmt(raw.byKind[kind].p99)}`,
  ]);
  const methods = [...new Set(probe.calls.flatMap((p) => Object.keys(p.calls)))].sort();
  const probeRows = probe.calls.map((p, i) => {
    const total = Object.values(p.calls).reduce((a, b) => a + b, 0);
    const byMethod = methods
      .filter((m) => p.calls[m])
      .map((m) => `${m.replace(/^WorkflowService\//, '')} ${fmt(p.calls[m]!, 1).replace(/\.0$/, '')}`);
    return [p.kind, fmt(total, 1), byMethod.join(', '), fmt(probe.alone.engine[i]!), fmt(probe.alone.raw[i]!)];
  });
  const shape = (h: HistoryShape) =>
    `${h.events} events, ${h.workflowTasks} workflow tasks, ${Object.values(h.activities).reduce((a, b) => a + b, 0)} activities (${Object.entries(
      h.activities,
    )
      .map(([name, n]) => `${name} ${n}`)
      .join(', ')})`;

  const table = (header: string[], body: string[][], align: string[]) =>
    [`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');

  const markdown = [
    `Command: \`npm run bench:engine\` (\`tsx scripts/bench/bench-engine.ts\`; \`-- --seconds ${config.seconds} --rounds ${config.rounds} --warmup ${config.warmup} --clients ${config.clients}${config.memory ? ' --memory' : ''}\` are this run's settings), run ${new Date().toISOString().slice(0, 19)}Z,`,
    `Node ${process.version}, ${cpuModel} (${os.cpus().length} logical cores; 1-minute load average ${run.loadBefore[0]!.toFixed(2)} before, ${run.loadAfter[0]!.toFixed(2)} after the run; 1/5/15-minute ${load(run.loadBefore)} before, ${load(run.loadAfter)} after). Run time ${run.runSeconds.toFixed(0)} s.`,
    '',
    `**What runs.** One Temporal CLI dev server (${config.memory ? 'in memory' : 'SQLite file, as `npm start`'}) and the patched FerretDB, started by \`scripts/servers\`; the worker (\`scripts/run-worker.ts\`), the seed and the API (\`scripts/run-api.ts\`) as child processes, as \`npm start\` runs them (the hourly SLA counter check off). The ceiling's worker (\`scripts/bench/engine-ceiling/\`) runs in its own process on its own task queue against the same Temporal server. The clients run in the bench process.`,
    '',
    `**Engine**: ${config.clients} concurrent HTTP clients, each taking one dossier at a time of \`${PROCESS_KEY}\` (commune → district → city → district fund) through its five human actions: create (\`POST /api/dossiers\` with \`housing-proposal@1\`), submit, and the three approvals with \`housing-review@1\`, \`housing-decision@1\`, \`housing-disbursement@1\` from \`forms/examples/\`, each as its officer (demo users, one session each; the communes round-robin over the six Hà Đông wards). A human action is one HTTP request; every request carries an \`Idempotency-Key\`, as the officer app sends. **Raw ceiling**: ${config.clients} clients with the Temporal client, one workflow per dossier and five updates whose handler runs one no-op activity and returns (the first one is update-with-start, so it also starts the workflow).`,
    '',
    `**Method.** Warm-up of ${config.warmup} s per system, then ${config.rounds} round(s) of raw ${config.seconds} s, engine ${config.seconds} s, alternating, so both see the same machine; figures pool the measured rounds. Latency is each action's time at the client; actions/s counts actions over the phases' wall time. CPU per action is utime + stime from \`/proc/<pid>/stat\` of each process, read before and after each phase, divided by the phase's actions (idle processes of the other system still poll and show a little).`,
    '',
    table(
      ['', `Engine (HTTP API, ${config.clients} clients)`, `Raw ceiling (Temporal client, ${config.clients} clients)`],
      rows,
      ['---', '---:', '---:'],
    ),
    '',
    `**Ratio engine / raw: ${ratio.toFixed(2)}** of the ceiling's actions per second (rounds: ${roundRatios.map((r) => r.toFixed(2)).join(', ')}). Per CPU-second of the servers, which depends much less on what else the machine runs: ${cpuRatio.toFixed(2)}. "Cores the servers used" is their CPU time over the phases' wall time: well under the machine's cores means the phases waited on something else (other load on the machine, or latency the clients sit out).`,
    '',
    `Target (issue 11): engine ≥ ${TARGET_RATIO} of the raw ceiling — ${ratioMet ? 'met' : 'missed'} (${ratio.toFixed(2)}); p95 under ${TARGET_P95_MS} ms at 8 clients — ${p95Met ? 'met' : 'missed'} (${fmt(engine.lat.p95)} ms${config.clients === 8 ? '' : `, measured at ${config.clients} clients`}).`,
    '',
    'Latency by action, p50 / p95 / p99 ms:',
    '',
    table(['Action', 'Engine', 'Raw ceiling'], kindRows, ['---', '---:', '---:']),
    '',
    `**Temporal round trips the API makes** (gRPC calls counted in the API process by \`scripts/bench/engine/count-grpc-calls.ts\`; one dossier at a time, mean of ${PROBE_DOSSIERS} dossiers; the raw ceiling's client makes one per action: the update, or the update-with-start). Over the measured engine phases: ${fmt(engine.grpcPerAction ?? Number.NaN, 2)} calls per action.`,
    '',
    table(['Action', 'Calls', 'By method', 'Alone, engine ms', 'Alone, raw ms'], probeRows, [
      '---',
      '---:',
      '---',
      '---:',
      '---:',
    ]),
    '',
    `"Alone" is the p50 latency of the action with one client at a time (no queueing), over the same ${PROBE_DOSSIERS} dossiers per system.`,
    '',
    `**Temporal history of one finished dossier**: engine ${shape(probe.history.engine)}; raw ceiling ${shape(probe.history.raw)}.`,
    '',
    'Where they come from (`api/dossiers/create-dossier-service.ts`): a **decision** is checked against the read model (who may act, the form), then sent as one `decide` update (`executeUpdate`: UpdateWorkflowExecution, answered when the handler has finished); the earlier outcome of the same Idempotency-Key is looked up only after a 403 or 409. A **creation** starts the workflow (StartWorkflowExecution), then sends the `opened` update, which answers once the first step is set up and the read model shows the dossier. The handlers answer after the read-model projection and, on a step change, the due-date computation have run as local activities in the worker.',
  ].join('\n');

  const consoleLines = [
    `${'figure'.padEnd(44)} ${'engine'.padStart(24)} ${'raw ceiling'.padStart(24)}`,
    ...rows.map((r) => `${r[0]!.padEnd(44)} ${r[1]!.padStart(24)} ${r[2]!.padStart(24)}`),
    '',
    'latency by action p50 / p95 / p99 ms:',
    ...kindRows.map((r) => `  ${r[0]!.padEnd(42)} ${r[1]!.padStart(24)} ${r[2]!.padStart(24)}`),
    '',
    `ratio engine/raw: ${ratio.toFixed(2)} (rounds ${roundRatios.map((r) => r.toFixed(2)).join(', ')}; per server CPU-second ${cpuRatio.toFixed(2)}); target ≥ ${TARGET_RATIO}: ${ratioMet ? 'met' : 'missed'}; p95 < ${TARGET_P95_MS} ms: ${p95Met ? 'met' : 'missed'}`,
    `API gRPC calls per action during the engine phases: ${fmt(engine.grpcPerAction ?? Number.NaN, 2)}`,
    "API gRPC calls per engine action (one client at a time), and that action's latency alone, engine / raw:",
    ...probeRows.map((r) => `  ${r[0]!.padEnd(20)} ${r[1]!.padStart(5)}  ${r[2]!.padEnd(80)} ${r[3]} / ${r[4]} ms`),
    `history of one dossier: engine ${shape(probe.history.engine)}`,
    `                        raw    ${shape(probe.history.raw)}`,
    `load average before ${load(run.loadBefore)}, after ${load(run.loadAfter)}; run time ${run.runSeconds.toFixed(0)} s`,
  ];
  return { console: consoleLines.join('\n'), markdown };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
