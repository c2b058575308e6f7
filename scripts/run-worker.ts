import { Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createOfficialCalendar } from '../storage/official-calendar';
import { connectDatabase } from '../storage/connect-database';
import { createModels } from '../storage/create-models';
import { createDossierActivities } from '../activities/dossier-activities';
import { createWorker } from '../activities/create-worker';
import { ensureSearchAttributes } from '../activities/ensure-search-attributes';
import { reconcileSlaCounters } from '../read-model/sla/reconcile-sla-counters';
import { startSlaReconcileSchedule } from '../read-model/sla/start-sla-reconcile-schedule';
import { createAuditSealer } from '../storage/audit-chain/create-audit-sealer';
import { createFileAnchorStore } from '../storage/audit-chain/create-file-anchor-store';
import { createConsoleLogger } from './lib/create-console-logger';
import { runtimeConfig } from './lib/runtime-config';
import { slaReconcileIntervalMs } from './lib/sla-reconcile-interval-ms';

/**
 * The worker process: dossier workflows and their activities, and the SLA counter check (reconcileSlaCounters)
 * shortly after start and every HOSO_SLA_RECONCILE_INTERVAL_MINUTES. SIGINT/SIGTERM drain in-flight tasks, stop the
 * check, then exit. It also seals the audit chain every 5 s (createAuditSealer: one worker at a time holds the
 * lease) and appends its anchors to HOSO_DATA_DIR/audit-anchors.log (see docs/audit.md).
 */
async function main(): Promise<void> {
  const config = runtimeConfig();
  const reconcileEveryMs = slaReconcileIntervalMs();
  const logger = createConsoleLogger('worker');
  // The SDK reports every worker state change at INFO; warnings and errors are what an operator needs here.
  Runtime.install({ logger: new DefaultLogger((process.env.HOSO_SDK_LOG_LEVEL as 'WARN' | undefined) ?? 'WARN') });
  const db = await connectDatabase(config.mongodbUri);
  const clientConnection = await Connection.connect({ address: config.temporalAddress });
  const added = await ensureSearchAttributes(clientConnection, config.temporalNamespace);
  if (added.length > 0) logger.info('registered search attributes', { added });
  await clientConnection.close();
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const models = createModels(db);
  const worker = await createWorker({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    activities: createDossierActivities({ models, calendar: createOfficialCalendar({ models }) }),
  });
  logger.info('worker started', {
    taskQueue: config.taskQueue,
    namespace: config.temporalNamespace,
    slaReconcileEveryMs: reconcileEveryMs,
  });
  const reconcile = startSlaReconcileSchedule({
    intervalMs: reconcileEveryMs,
    logger,
    run: (signal) => reconcileSlaCounters({ models, logger: createConsoleLogger('sla-reconcile'), signal }),
  });
  const sealer = createAuditSealer({
    models,
    anchors: createFileAnchorStore(config.auditAnchorsPath),
    logger: createConsoleLogger('audit-seal'),
  });
  const sealing = startSlaReconcileSchedule({
    intervalMs: 5_000,
    firstDelayMs: 5_000,
    failureMessage: 'audit sealing failed',
    logger,
    run: () => sealer.run(),
  });
  await worker.run(); // resolves after the SDK's own SIGINT/SIGTERM handling has drained the worker
  await reconcile.stop();
  await sealing.stop();
  await sealer.release();
  await connection.close();
  await db.close();
  logger.info('worker stopped');
}

main().catch((error: unknown) => {
  createConsoleLogger('worker').error('worker failed', { error: String((error as Error)?.stack ?? error) });
  process.exit(1);
});
