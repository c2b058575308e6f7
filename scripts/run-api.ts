import { Client, Connection } from '@temporalio/client';
import { unitValidityOf } from './lib/unit-validity-of';
import { createApp } from '../api/create-app';
import { connectDatabase } from '../storage/connect-database';
import { createModels } from '../storage/create-models';
import { loadEmbedSigningKeys } from '../api/embed/load-embed-signing-keys';
import { createUploadSweeper } from '../api/files/create-upload-sweeper';
import { uploadLimitsFromEnv } from '../api/files/upload-limits';
import { createFileAnchorStore } from '../storage/audit-chain/create-file-anchor-store';
import { signInSettingsFromEnv } from '../api/auth/sign-in-settings';
import { createConsoleLogger } from './lib/create-console-logger';
import { runtimeConfig } from './lib/runtime-config';
import { workerPollMaxAgeMs } from './lib/worker-poll-max-age-ms';
import { oidcConfigFromEnv } from '../api/auth/oidc';
import { loadOverlapKey } from '../api/overlap/load-overlap-key';

/** The HTTP process: API and web app on one port. SIGINT/SIGTERM stop accepting, finish requests, then exit. */
async function main(): Promise<void> {
  const config = runtimeConfig();
  const pollMaxAgeMs = workerPollMaxAgeMs();
  const logger = createConsoleLogger('api');
  const db = await connectDatabase(config.mongodbUri);
  const connection = await Connection.connect({ address: config.temporalAddress });
  const temporal = new Client({ connection, namespace: config.temporalNamespace });
  const models = createModels(db);
  const uploads = uploadLimitsFromEnv(process.env);
  const oidc = oidcConfigFromEnv(process.env);
  const app = createApp({
    db,
    models,
    embedSigningKeys: loadEmbedSigningKeys({ env: process.env, mode: config.mode, dataDir: config.dataDir }),
    ...(process.env.HOSO_PUBLIC_URL ? { publicBaseUrl: process.env.HOSO_PUBLIC_URL } : {}),
    temporal,
    taskQueue: config.taskQueue,
    ...(config.workflowIdPrefix ? { workflowIdPrefix: config.workflowIdPrefix } : {}),
    ...(pollMaxAgeMs === undefined ? {} : { workerPollMaxAgeMs: pollMaxAgeMs }),
    logger,
    uploads,
    ...(oidc ? { oidc } : {}),
    auditAnchors: createFileAnchorStore(config.auditAnchorsPath),
    signIn: signInSettingsFromEnv(process.env),
    overlapKey: loadOverlapKey({ env: process.env, dataDir: config.dataDir }),
    // Enforced, except in demo mode while its loaders still open the 2024 seed-era (Hà Đông) dossiers today:
    // HOSO_UNIT_VALIDITY=enforce|off overrides it (docs/units.md).
    enforceUnitValidity: unitValidityOf(config.mode, process.env),
  });
  // Unattached uploads older than HOSO_UPLOAD_MAX_AGE_HOURS go, every HOSO_UPLOAD_SWEEP_MINUTES (docs/servers.md).
  const stopSweeping = createUploadSweeper({ models, maxAgeMs: uploads.unattachedMaxAgeMs, logger }).start(
    uploads.sweepIntervalMs,
  );
  // 127.0.0.1 unless HOSO_API_HOST says otherwise (0.0.0.0 in a container, behind its published port or a proxy).
  const host = process.env.HOSO_API_HOST || '127.0.0.1';
  const server = app.listen(config.port, host, () => logger.info('api listening', { host, port: config.port }));
  const stop = () => {
    stopSweeping();
    server.close(async () => {
      await connection.close();
      await db.close();
      logger.info('api stopped');
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  createConsoleLogger('api').error('api failed', { error: String((error as Error)?.stack ?? error) });
  process.exit(1);
});
