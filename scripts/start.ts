/**
 * `npm start` (production mode) and `npm run demo` (HOSO_MODE=demo): the whole system on one machine with embedded
 * defaults.
 *
 * Modes (HOSO_MODE, see hosoModeOf): `demo` seeds the demo units and accounts (published password), generates the
 * embed signing key into <data>/embed-signing-key and says DEMO MODE in its banner. `production` (the default) seeds
 * no demo data and refuses to start (message, exit 1) without embed signing keys (HOSO_EMBED_SIGNING_KEYS or
 * HOSO_EMBED_SIGNING_KEYS_FILE, each secret at least 32 bytes, no placeholder), or, while there is no administrator,
 * without a strong first administrator's HOSO_ADMIN_USERNAME, HOSO_ADMIN_PASSWORD(_FILE) and HOSO_ADMIN_UNIT
 * (docs/operations.md).
 *
 *   Temporal dev server (SQLite file <data>/temporal.db)  ┐ started here unless TEMPORAL_ADDRESS is set
 *   FerretDB (SQLite files in <data>/ferretdb/)           ┘ started here unless MONGODB_URI is set
 *   worker  scripts/run-worker.ts   ┐
 *   seed    scripts/seed.ts (once)  │ child processes (`node --import tsx`), in this order
 *   api     scripts/run-api.ts      ┘
 *
 * Environment: HOSO_MODE, HOSO_DATA_DIR (default <repo>/.data), PORT (3000), HOSO_TEMPORAL_PORT (7233),
 * HOSO_TEMPORAL_UI_PORT (8233), HOSO_FERRETDB_PORT (27018), TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE (default),
 * MONGODB_URI. The children get TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, MONGODB_URI, PORT, HOSO_DATA_DIR and
 * HOSO_MODE, and, with our own Temporal dev server, HOSO_WORKER_POLL_MAX_AGE_SECONDS=12 unless it is set.
 *
 * `npm start -- --servers-only` starts just Temporal and FerretDB (to run the worker or API in a debugger).
 *
 * One instance per data folder (lock file <data>/hoso.lock). Ctrl-C or SIGTERM stops the children in reverse
 * order (api, worker, ferretdb, temporal), waits for each, removes the lock and exits 0; a second Ctrl-C (a second
 * or more later) kills what is left.
 *
 * Supervision (createSupervisor): a child that exits on its own is restarted with backoff (0.5 s doubling to 30 s,
 * reset after a minute up) on the same port and data, while the others keep running and reconnect; the API's
 * /healthz answers 503 "degraded" meanwhile. A child that crashes 5 times within 2 minutes makes us give up: the log
 * says so, everything is stopped and we exit 1. Each start and restart is logged as `[hoso] <name> … (pid N)`.
 * The Temporal dev server we start holds workers' polls for LONG_POLL_SECONDS, and the API is told
 * (HOSO_WORKER_POLL_MAX_AGE_SECONDS) how old a live worker's last poll can be, for /healthz's worker check.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { SEARCH_ATTRIBUTE_TYPES } from '../workflows/search-attributes';
import { dataDirOf, hosoModeOf, type HosoMode } from './lib/runtime-config';
import { portFromEnv } from './lib/port-from-env';
import { loadDemoAccounts } from './lib/load-demo-accounts';
import { runningBanner } from './lib/running-banner';
import { SEED_REFUSED_EXIT_CODE } from './seed/first-admin-config';
import { checkStartSecrets } from './lib/check-start-secrets';
import { createChildStarter } from './lib/create-child-starter';
import {
  acquireInstanceLock,
  createSupervisor,
  isPortFree,
  ManagedProcess,
  redactMongoUri,
  repoRoot,
  resolveServerBinaries,
  startFerretDb,
  startTemporalDevServer,
  waitForMongoDb,
  waitForTemporal,
  type InstanceLock,
  type SupervisedRun,
} from './servers';

const HOST = '127.0.0.1';
const DATABASE_NAME = 'hoso';
/** Repeated signals closer together than this are one Ctrl-C (npm and the terminal both deliver it). */
const FORCE_AFTER_MS = 1_000;
/** How long our Temporal dev server holds a worker's poll (see startTemporalDevServer's longPollSeconds). */
const LONG_POLL_SECONDS = 5;
/** A worker whose last poll is older than this is reported down by /healthz (a live one re-polls every 5 s). */
const WORKER_POLL_MAX_AGE_SECONDS = 12;

/** Something `shutdown()` can stop, in reverse order of start. */
interface Stoppable {
  readonly name: string;
  /** The life running now, if any (a supervised child has none while it waits for a restart). */
  readonly current: SupervisedRun | undefined;
  stop(options?: { force?: boolean }): Promise<unknown>;
}

const stoppables: Stoppable[] = [];
/** Server starts in flight: on abort they stop their own process, and shutdown() waits for that. */
const pendingStarts: Promise<unknown>[] = [];
const startup = new AbortController();
let lock: InstanceLock | undefined;
let shuttingDown: Promise<never> | undefined;
let firstSignalAt = 0;

const supervisor = createSupervisor({
  log,
  onGiveUp: (reason) => void shutdown(1, reason),
  onAllRunning: () => log('every process is running again'),
});

function log(message: string): void {
  process.stdout.write(`[hoso] ${message}\n`);
}

/**
 * Stops everything started so far, newest first, releases the lock and exits with `code`. Each child gets SIGTERM
 * and up to 10 s (see ManagedProcess.stop); `force` kills at once. Concurrent calls share the first one.
 */
function shutdown(code: number, reason: string, force = false): Promise<never> {
  if (shuttingDown && !force) return shuttingDown;
  startup.abort();
  supervisor.stop();
  shuttingDown = (async () => {
    log(reason);
    if (!force) await Promise.allSettled(pendingStarts);
    for (const item of [...stoppables].reverse()) {
      if (item.current) log(`stopping ${item.name}${force ? ' (forced)' : ''} …`);
      await item.stop({ force });
    }
    lock?.release();
    log(code === 0 ? 'stopped' : force ? 'stopped (forced)' : 'stopped after an error');
    process.exit(code);
  })();
  return shuttingDown;
}

function onSignal(signal: NodeJS.Signals): void {
  const now = Date.now();
  if (firstSignalAt === 0) {
    firstSignalAt = now;
    void shutdown(0, `${signal}: stopping (press Ctrl-C again to force) …`);
  } else if (now - firstSignalAt >= FORCE_AFTER_MS) {
    void shutdown(130, `${signal} again: killing what is left`, true);
  }
}

/**
 * Puts a started child under supervision (restarted by `restart` after a crash) and in the stop order. Nothing is
 * watched once we are shutting down: a child that became ready just then is stopped instead.
 */
async function supervise(
  name: string,
  first: SupervisedRun,
  restart: (signal: AbortSignal) => Promise<SupervisedRun>,
): Promise<void> {
  if (shuttingDown) {
    await first.stop();
    return;
  }
  stoppables.push(supervisor.watch(name, first, restart));
}

/**
 * Starts a server and puts it under supervision once it is ready (restarted by `start` after a crash); resolves to
 * undefined, after stopping it, if it became ready just as a sibling failed or Ctrl-C came.
 */
async function startSupervised<S extends { readonly process: ManagedProcess; stop(): Promise<unknown> }>(
  name: string,
  start: (signal: AbortSignal) => Promise<S>,
): Promise<S | undefined> {
  const server = await start(startup.signal);
  if (startup.signal.aborted) {
    await server.stop();
    return undefined;
  }
  await supervise(name, server.process, async (signal) => (await start(signal)).process);
  return server;
}

const { startTsChild, restartWorker, startApi } = createChildStarter({ log, host: HOST });

async function main(): Promise<void> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  const dataDir = dataDirOf(process.env);
  const httpPort = portFromEnv('PORT', 3000);
  const temporalPort = portFromEnv('HOSO_TEMPORAL_PORT', 7233);
  const temporalUiPort = portFromEnv('HOSO_TEMPORAL_UI_PORT', 8233);
  const ferretPort = portFromEnv('HOSO_FERRETDB_PORT', 27018);
  const externalTemporal = process.env.TEMPORAL_ADDRESS || undefined;
  const externalMongo = process.env.MONGODB_URI || undefined;
  const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
  const args = process.argv.slice(2);
  const serversOnly = args.includes('--servers-only');
  const unknown = args.filter((arg) => arg !== '--servers-only');
  if (unknown.length > 0) {
    log(`unknown argument(s): ${unknown.join(' ')}; usage: npm start [-- --servers-only]`);
    process.exit(2);
  }
  const hasApi = !serversOnly && existsSync(join(repoRoot, 'scripts', 'run-api.ts'));
  let mode: HosoMode;
  try {
    mode = hosoModeOf(process.env);
    if (!serversOnly) checkStartSecrets(mode, dataDir);
  } catch (error) {
    log(`refusing to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  try {
    lock = acquireInstanceLock(dataDir);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }

  const ports: [number, string, string][] = [];
  if (hasApi) ports.push([httpPort, 'the web/API server', 'PORT']);
  if (!externalTemporal) {
    ports.push([temporalPort, 'Temporal gRPC', 'HOSO_TEMPORAL_PORT']);
    ports.push([temporalUiPort, 'the Temporal Web UI', 'HOSO_TEMPORAL_UI_PORT']);
  }
  if (!externalMongo) ports.push([ferretPort, 'FerretDB', 'HOSO_FERRETDB_PORT']);
  for (const [port, what, variable] of ports) {
    if (!(await isPortFree(port, HOST))) {
      return shutdown(1, `port ${port} (${what}) is already in use by another program; free it or set ${variable}`);
    }
  }

  const binaries = await resolveServerBinaries({ skipExternal: true, signal: startup.signal });
  const startTemporal = (signal: AbortSignal) =>
    startTemporalDevServer({
      bin: binaries.temporal ?? 'temporal',
      host: HOST,
      port: temporalPort,
      uiPort: temporalUiPort,
      dbFile: join(dataDir, 'temporal.db'),
      namespace,
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      longPollSeconds: LONG_POLL_SECONDS,
      signal,
    });
  const startFerret = (signal: AbortSignal) =>
    startFerretDb({
      bin: binaries.ferretdb ?? 'ferretdb',
      host: HOST,
      port: ferretPort,
      dataDir: join(dataDir, 'ferretdb'),
      signal,
    });

  // A restart keeps the port and the data files (Temporal's SQLite file, FerretDB's): clients reconnect, and nothing
  // is lost.
  const starts = [
    externalTemporal ? undefined : startSupervised('temporal', startTemporal),
    externalMongo ? undefined : startSupervised('ferretdb', startFerret),
  ] as const;
  for (const start of starts) if (start) pendingStarts.push(start);
  const [temporal, ferret] = await Promise.all(starts);
  // Stop order must be temporal first, then ferretdb (reverse: ferretdb stops before temporal) whatever finished
  // first in Promise.all.
  stoppables.sort((a, b) => order(a.name) - order(b.name));

  const temporalAddress = externalTemporal ?? temporal?.address ?? '';
  const mongoUri = externalMongo ?? `${ferret?.uri ?? ''}/${DATABASE_NAME}`;
  if (externalTemporal) {
    log(`using the Temporal server at ${externalTemporal} (TEMPORAL_ADDRESS)`);
    await waitForTemporal({ address: externalTemporal, namespace, timeoutMs: 30_000, abortReason: aborted });
  }
  if (externalMongo) {
    log(`using the database at ${redactMongoUri(externalMongo)} (MONGODB_URI)`);
    await waitForMongoDb({ uri: externalMongo, timeoutMs: 30_000, abortReason: aborted });
  }
  if (shuttingDown) return shuttingDown;

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    MONGODB_URI: mongoUri,
    PORT: String(httpPort),
    HOSO_DATA_DIR: dataDir,
    HOSO_MODE: mode,
    // Our dev server's short polls let /healthz notice a dead worker sooner; a value set by hand wins.
    ...(externalTemporal || process.env.HOSO_WORKER_POLL_MAX_AGE_SECONDS
      ? {}
      : { HOSO_WORKER_POLL_MAX_AGE_SECONDS: String(WORKER_POLL_MAX_AGE_SECONDS) }),
  };

  let api: ManagedProcess | undefined;
  if (!serversOnly) {
    const worker = startTsChild('worker', 'run-worker.ts', childEnv);
    if (worker) {
      await supervise('worker', worker, (signal) => restartWorker(childEnv, signal));
    }

    let refusal = 'see its message above';
    const seed = startTsChild('seed', 'seed.ts', childEnv, (line) => {
      if (!line.includes('"message":"seed refused"')) return;
      try {
        refusal = String((JSON.parse(line.slice(line.indexOf('{'))) as { reason?: unknown }).reason ?? refusal);
      } catch {
        // Not one of our JSON lines: keep the generic reason.
      }
    });
    if (seed) {
      // One-shot: not restarted, but stopped by Ctrl-C like the others.
      stoppables.push({
        name: 'seed',
        get current() {
          return seed.exit ? undefined : seed;
        },
        stop: (o) => seed.stop(o),
      });
      await seed.exited;
      if (shuttingDown) return shuttingDown;
      if (seed.exit?.code === SEED_REFUSED_EXIT_CODE) return shutdown(1, `refusing to start: ${refusal}`);
      if (seed.exit?.code !== 0) return shutdown(1, `the seed ${seed.describeExit()}; stopping everything`);
    }

    if (hasApi) {
      api = await startApi(childEnv, httpPort, startup.signal);
      await supervise('api', api, (signal) => startApi(childEnv, httpPort, signal));
    }
  }
  if (shuttingDown) return shuttingDown;

  const accounts = serversOnly || mode !== 'demo' ? [] : await loadDemoAccounts(log);
  await new Promise((resolveLater) => setTimeout(resolveLater, 100)); // let the children's start-up lines print first
  const lines = runningBanner({
    mode,
    api: api ? `http://localhost:${httpPort}` : serversOnly ? '(--servers-only)' : '(not started)',
    temporalUi: temporal?.uiUrl ?? '(external Temporal: use its own UI)',
    temporal: `${temporalAddress} (namespace ${namespace})`,
    mongoUri: redactMongoUri(mongoUri),
    dataDir,
    accounts,
  });
  process.stdout.write(`${lines.join('\n')}\n`);
  if (api && mode === 'demo' && process.env.HOSO_DEMO_PLAN !== '0') loadDemoPlan(childEnv);
  // Stay up until a signal, even when no child keeps the event loop busy (external servers with --servers-only).
  setInterval(() => undefined, 1 << 30);
}

/**
 * Demo mode, once the API answers: fills the inboxes with today's work through the API, loads the seed era's records
 * (the Hà Đông plan of seed 004 and the others) through the loader's own API with validity off, and carries out the
 * 2025 reform for what they leave open, in the background (scripts/load-demo-plan.ts: its progress shows as
 * `demo-plan` lines; a second start skips what is loaded), unless HOSO_DEMO_PLAN=0. The system stays up if it fails
 * (the loader stops at its first refused or lost request, e.g. while a crashed API restarts): the message says why,
 * and `npm run demo:plan` goes on from where it stopped.
 */
function loadDemoPlan(env: NodeJS.ProcessEnv): void {
  const loader = startTsChild('demo-plan', 'load-demo-plan.ts', env);
  if (!loader) return;
  stoppables.push({
    name: 'demo-plan',
    get current() {
      return loader.exit ? undefined : loader;
    },
    stop: (o) => loader.stop(o),
  });
  void loader.exited.then(() => {
    if (!shuttingDown && loader.exit?.code !== 0) {
      log(
        `warning: loading the demo plan ${loader.describeExit()}; the system keeps running (npm run demo:plan retries)`,
      );
    }
  });
}

function order(name: string): number {
  return ['temporal', 'ferretdb', 'worker', 'seed', 'api', 'demo-plan'].indexOf(name);
}

function aborted(): string | undefined {
  return startup.signal.aborted ? 'start-up was cancelled' : undefined;
}

main().catch((error: unknown) => {
  if (shuttingDown) return; // A start step failed because we are stopping; shutdown() reports and exits.
  void shutdown(1, `start-up failed: ${error instanceof Error ? error.message : String(error)}`);
});
