import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Connection as DbConnection } from 'mongoose';
import { createOfficialCalendar, type OfficialCalendar } from '../../../storage/official-calendar';
import { connectDatabase } from '../../../storage/connect-database';
import { createModels, syncIndexes, type Models } from '../../../storage/create-models';
import { createDossierActivities } from '../../../activities/dossier-activities';
import { createWorker } from '../../../activities/create-worker';
import { createApp } from '../../../api/create-app';
import { workflowIdOf } from '../../../api/dossiers/workflow-id-of';
import type { OverlapRule } from '../../../domain/overlap/overlap-rule';
import { embedSigningKeysOf, type EmbedSigningKeys } from '../../../api/embed/embed-signing-keys';
import { createFormRegistry, type FormRegistry } from '../../../api/registry/create-form-registry';
import { createProcessRegistry, type ProcessRegistry } from '../../../api/registry/create-process-registry';
import type { OidcConfig, ProviderKeys } from '../../../api/auth/oidc';
import { seedDemoData } from '../../../scripts/seed/seed-demo-data';
import { TEST_SCRYPT_PARAMS } from '../../../api/auth/hash-password';
import type { AuditAnchorStore } from '../../../storage/audit-chain/audit-anchor-store';
import { createFileAnchorStore } from '../../../storage/audit-chain/create-file-anchor-store';
import { DEFAULT_SIGN_IN_SETTINGS, type SignInSettings } from '../../../api/auth/sign-in-settings';

/** A whole system for one test file: its own database and task queue on the harness's real servers. */
export interface TestSystem {
  baseUrl: string;
  /** With the `seedEraApi` option: the second API, validity off. */
  seedEraBaseUrl?: string;
  models: Models;
  temporal: Client;
  forms: FormRegistry;
  processes: ProcessRegistry;
  taskQueue: string;
  embedSigningKeys: EmbedSigningKeys;
  /** The key of the overlap index's hashes (see loadOverlapKey). */
  overlapKey: Buffer;
  calendar: OfficialCalendar;
  /**
   * The audit chain's anchor file of this system (a temporary folder), read by its API; nothing seals the chain
   * unless the test runs a sealer (createAuditSealer) with it.
   */
  auditAnchors: AuditAnchorStore;
  /** The workflow id of a dossier of this system (its own prefix: every test file shares one Temporal server). */
  workflowIdOf(dossierId: string): string;
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest's integration project`);
  return value;
}

/**
 * `temporalAddress`: another Temporal server than the harness's (a test that restarts its own). `workerPollMaxAgeMs`:
 * the API's /healthz worker check limit (for a server with short polls). `signIn`: token lives and sign-in limits
 * other than the defaults (a short access token, low failure limits).
 */
export async function startSystem(
  options: {
    temporalAddress?: string;
    workerPollMaxAgeMs?: number;
    /** Single sign-on against a test provider (test/integration/support/oidc), its key set given by the test. */
    oidc?: { config: OidcConfig; keys?: ProviderKeys };
    signIn?: Partial<SignInSettings>;
    /** The overlap rules while none are saved; none by default (see createOverlapRulesStore). */
    overlapDefaults?: readonly OverlapRule[];
    /**
     * Unit validity enforced as in production; off by default: most suites still open seed-era dossiers (Hà Đông
     * wards, retired 30/06/2025) today. Suites of the validity rules turn it on.
     */
    enforceUnitValidity?: boolean;
    /**
     * A second API on the same database and Temporal with validity off, as the demo loader's own app for the seed
     * era's records (scripts/lib/start-seed-era-api.ts), at `seedEraBaseUrl`.
     */
    seedEraApi?: boolean;
  } = {},
): Promise<TestSystem> {
  const temporalAddress = options.temporalAddress ?? requireEnv('HOSO_TEST_TEMPORAL_ADDRESS');
  const dbName = `hoso_test_${randomUUID().slice(0, 8)}`;
  const db: DbConnection = await connectDatabase(`${requireEnv('HOSO_TEST_MONGODB_URI').replace(/\/$/, '')}/${dbName}`);
  const models = createModels(db);
  await syncIndexes(models);
  const forms = createFormRegistry({ models });
  const processes = createProcessRegistry({ models, publishedForms: () => forms.publishedRefs() });
  // Demo accounts hashed at the test cost, which the app below hashes and upgrades to: sign-ins take a millisecond.
  await seedDemoData({ models, forms, processes, passwordParams: TEST_SCRYPT_PARAMS });

  const taskQueue = `dossiers-${randomUUID()}`;
  const clientConnection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection: clientConnection });
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  const calendar = createOfficialCalendar({ models });
  const activities = createDossierActivities({ models, calendar });
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const startWorker = async () => {
    worker = await createWorker({ connection: nativeConnection, namespace: 'default', taskQueue, activities });
    running = worker.run();
  };
  const stopWorker = async () => {
    worker?.shutdown();
    await running;
    worker = undefined;
  };
  await startWorker();

  const embedSigningKeys = embedSigningKeysOf([{ kid: 'test', secret: randomBytes(32) }]);
  const overlapKey = randomBytes(32);
  const dataDir = mkdtempSync(join(tmpdir(), 'hoso-system-'));
  const auditAnchors = createFileAnchorStore(join(dataDir, 'audit-anchors.log'));
  // Each test file's system has its own database, so dossier numbers restart at 1 in each; the workflow ids get a
  // per-system prefix so that dossiers left running by one file never collide with another file's.
  const workflowIdPrefix = `t-${taskQueue.slice(-12)}:`;
  const appWith = (enforceUnitValidity: boolean) =>
    createApp({
      db,
      models,
      temporal,
      taskQueue,
      embedSigningKeys,
      calendar,
      workflowIdPrefix,
      auditAnchors,
      overlapKey,
      // Overlap rules off unless a file opts in: most suites create dossiers for one example household many times.
      overlapDefaults: options.overlapDefaults ?? [],
      enforceUnitValidity,
      passwordParams: TEST_SCRYPT_PARAMS,
      ...(options.workerPollMaxAgeMs === undefined ? {} : { workerPollMaxAgeMs: options.workerPollMaxAgeMs }),
      ...(options.oidc
        ? { oidc: options.oidc.config, ...(options.oidc.keys ? { oidcKeys: options.oidc.keys } : {}) }
        : {}),
      ...(options.signIn ? { signIn: { ...DEFAULT_SIGN_IN_SETTINGS, ...options.signIn } } : {}),
      logger: { error: (m, meta) => console.error(m, meta), warn: (m, meta) => console.warn(m, meta) },
    });
  const listen = (app: ReturnType<typeof appWith>): Promise<Server> =>
    new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
  const server = await listen(appWith(options.enforceUnitValidity ?? false));
  const seedEra = options.seedEraApi ? await listen(appWith(false)) : undefined;
  const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  return {
    baseUrl: urlOf(server),
    ...(seedEra ? { seedEraBaseUrl: urlOf(seedEra) } : {}),
    models,
    temporal,
    forms,
    processes,
    taskQueue,
    workflowIdOf: (dossierId: string) => workflowIdOf(dossierId, workflowIdPrefix),
    embedSigningKeys,
    overlapKey,
    calendar,
    auditAnchors,
    stopWorker,
    startWorker,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      if (seedEra) await new Promise((resolve) => seedEra.close(resolve));
      await stopWorker();
      await nativeConnection.close();
      await clientConnection.close();
      await db.dropDatabase();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
