import { Client, Connection } from '@temporalio/client';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTE_TYPES } from '../../../workflows/search-attributes';
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
} from '../../servers';
import { CEILING_TASK_QUEUE } from './raw-dossier';

const GRPC_PREFIX = 'grpc-calls ';

/** The bench's system, started: servers, workers, API, and a Temporal client for the ceiling. */
export interface Running {
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

export const log = (message: string) => process.stderr.write(`[bench:engine] ${message}\n`);

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

/**
 * Starts Temporal and FerretDB (in dataDir), the worker, the ceiling's worker, the seed and the API (its gRPC calls
 * counted), pushing how to stop each on `stoppers`.
 */
export async function startEngineSystem(
  dataDir: string,
  memory: boolean,
  stoppers: (() => Promise<unknown>)[],
): Promise<Running> {
  const binaries = await resolveServerBinaries();
  const [temporalPort, ferretPort, apiPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  const [temporal, ferret] = await Promise.all([
    startTemporalDevServer({
      bin: binaries.temporal,
      port: temporalPort,
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      ...(memory ? {} : { dbFile: join(dataDir, 'temporal.db') }),
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
    // The clients drive the seed-era chain (Hà Đông, retired 30/06/2025) on today's clock, as the SLA load test does.
    HOSO_UNIT_VALIDITY: 'off',
  };
  log(
    `Temporal ${temporal.address}${memory ? ' (in memory)' : ' (SQLite file)'}, FerretDB ${ferret.uri}; starting workers, seed, API …`,
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
