import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Connection as DbConnection } from 'mongoose';
import { connectDatabase } from '../../../../storage/connect-database';
import { createModels, syncIndexes, type Models } from '../../../../storage/create-models';
import { workflowIdOf } from '../../../../api/dossiers/workflow-id-of';
import { createFormRegistry } from '../../../../api/registry/create-form-registry';
import { createProcessRegistry } from '../../../../api/registry/create-process-registry';
import { seedDemoData } from '../../../../scripts/seed/seed-demo-data';
import { findFreePort, ManagedProcess } from '../../../../scripts/servers';

const REPO = join(__dirname, '..', '..', '..', '..');
const READY_TIMEOUT_MS = 180_000;

/** The worker or the API as a child process of the test, which can kill it (SIGKILL) and start it again. */
export interface Child {
  /** Starts the process and resolves once it is ready; returns how long that took (ms). */
  start(): Promise<number>;
  /** SIGKILL to the process and its children (tsx runs node in a second process); resolves once they are gone. */
  kill(): Promise<void>;
  /** Stops it if it runs (SIGKILL: nothing to keep). */
  close(): Promise<void>;
}

/**
 * A whole system for a load run, as in production: its own database (seeded like scripts/seed.ts does: indexes,
 * units, users, forms and process definitions), and the worker (scripts/run-worker.ts) and the API
 * (scripts/run-api.ts) as separate processes on the harness's Temporal and FerretDB, configured through the
 * environment of scripts/lib/runtime-config.ts with their own task queue and workflow id prefix, so nothing collides
 * with other test files. `models` and `temporal` are the test's own connections, for checks.
 */
export interface LoadSystem {
  baseUrl: string;
  models: Models;
  temporal: Client;
  workflowIdOf(dossierId: string): string;
  worker: Child;
  api: Child;
  /** Every worker (the first is `worker`), all on the same task queue. */
  workers: Child[];
  /** Every API process with its address (the first is `api` at `baseUrl`), as behind a load balancer. */
  apis: { child: Child; baseUrl: string }[];
  /** Lines the worker printed that match `pattern`, over all its lives. */
  workerLines(pattern: RegExp): string[];
  close(): Promise<void>;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest's integration project`);
  return value;
}

/** `workers` and `apis`: how many of each to create (default one each); none is started yet. */
export async function startLoadSystem(options: { workers?: number; apis?: number } = {}): Promise<LoadSystem> {
  const temporalAddress = requireEnv('HOSO_TEST_TEMPORAL_ADDRESS');
  const run = randomUUID().slice(0, 8);
  const mongodbUri = `${requireEnv('HOSO_TEST_MONGODB_URI').replace(/\/$/, '')}/hoso_load_${run}`;
  const db: DbConnection = await connectDatabase(mongodbUri);
  const models = createModels(db);
  await syncIndexes(models);
  const forms = createFormRegistry({ models });
  await seedDemoData({
    models,
    forms,
    processes: createProcessRegistry({ models, publishedForms: () => forms.publishedRefs() }),
  });

  const workflowIdPrefix = `load-${run}:`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: `load-${run}`,
    HOSO_WORKFLOW_ID_PREFIX: workflowIdPrefix,
    MONGODB_URI: mongodbUri,
    // One signing key in the environment, as production has it: every API of the system signs and verifies with it.
    HOSO_EMBED_SIGNING_KEYS: `load:${randomBytes(32).toString('hex')}`,
    // One overlap key for every API of the system, as several machines must share one (docs/overlap-checks.md).
    HOSO_OVERLAP_KEY: randomBytes(32).toString('hex'),
    // No scheduled reconcile: the counters must equal the recount through the projection alone (a repair would hide
    // a counter update lost to a crash; the reconcile has its own test, sla-reconcile.test.ts).
    HOSO_SLA_RECONCILE_INTERVAL_MINUTES: '0',
    // The load drives the pre-reform chain (Hà Đông wards, retired 30/06/2025) on today's clock, which the unit
    // validity rule refuses in production; that rule has its own test (unit-validity.test.ts).
    HOSO_UNIT_VALIDITY: 'off',
  };
  const workerOutput: string[] = [];
  const workers = Array.from({ length: options.workers ?? 1 }, (_, i) =>
    child(
      `worker${i + 1}`,
      'run-worker.ts',
      env,
      (line) => workerOutput.push(line),
      (lines) => lines.some((l) => l.includes('"message":"worker started"')),
    ),
  );
  const apis: LoadSystem['apis'] = [];
  for (let i = 0; i < (options.apis ?? 1); i++) {
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const api = child(
      `api${i + 1}`,
      'run-api.ts',
      { ...env, PORT: String(port) },
      () => undefined,
      undefined,
      async () => {
        try {
          return (await fetch(`${baseUrl}/healthz`)).status === 200;
        } catch {
          return false;
        }
      },
    );
    apis.push({ child: api, baseUrl });
  }
  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection });
  return {
    baseUrl: apis[0]!.baseUrl,
    models,
    temporal,
    workflowIdOf: (dossierId) => workflowIdOf(dossierId, workflowIdPrefix),
    worker: workers[0]!,
    api: apis[0]!.child,
    workers,
    apis,
    workerLines: (pattern) => workerOutput.filter((l) => pattern.test(l)),
    async close() {
      await Promise.all([...workers.map((w) => w.close()), ...apis.map((a) => a.child.close())]);
      await connection.close();
      await db.dropDatabase();
      await db.close();
    },
  };
}

/** Ready when `readyLine` sees a line it waits for, or when `probe` answers true (polled). */
function child(
  name: string,
  file: string,
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void,
  readyLine?: (lines: string[]) => boolean,
  probe?: () => Promise<boolean>,
): Child {
  let current: ManagedProcess | undefined;
  return {
    async start() {
      const started = Date.now();
      const lines: string[] = [];
      const proc = ManagedProcess.start({
        name,
        command: process.execPath,
        args: ['--import', 'tsx', join(REPO, 'scripts', file)],
        cwd: REPO,
        env,
        output: process.env.HOSO_TEST_SERVER_LOGS === '1' ? 'prefix' : 'silent',
        onLine: (line) => {
          lines.push(line);
          onLine(line);
        },
      });
      current = proc;
      while (!(readyLine?.(lines) ?? (await probe?.()))) {
        if (proc.exit) throw new Error(`${name} ${proc.describeExit()} before it was ready:\n${proc.outputTail()}`);
        if (Date.now() - started > READY_TIMEOUT_MS)
          throw new Error(`${name} not ready after ${READY_TIMEOUT_MS} ms:\n${proc.outputTail()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return Date.now() - started;
    },
    async kill() {
      await current?.stop({ force: true });
      current = undefined;
    },
    async close() {
      await current?.stop({ force: true });
      current = undefined;
    },
  };
}
