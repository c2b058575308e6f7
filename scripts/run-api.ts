import { Client, Connection } from '@temporalio/client';
import { unitValidityOf } from './lib/unit-validity-of';
import { connectDatabase } from '../storage/connect-database';
import { createModels } from '../storage/create-models';
import { createUploadSweeper } from '../api/files/create-upload-sweeper';
import { createConsoleLogger } from './lib/create-console-logger';
import { createServedApp } from './lib/create-served-app';
import { runtimeConfig } from './lib/runtime-config';

/** The HTTP process: API and web app on one port. SIGINT/SIGTERM stop accepting, finish requests, then exit. */
async function main(): Promise<void> {
  const config = runtimeConfig();
  const logger = createConsoleLogger('api');
  const db = await connectDatabase(config.mongodbUri);
  const connection = await Connection.connect({ address: config.temporalAddress });
  const temporal = new Client({ connection, namespace: config.temporalNamespace });
  const models = createModels(db);
  const { app, uploads } = createServedApp({
    config,
    env: process.env,
    db,
    models,
    temporal,
    logger,
    // Enforced in every mode (the demo too: its seed-era records are loaded by the loader's own app, see
    // scripts/load-demo-plan.ts); HOSO_UNIT_VALIDITY=off turns it off (docs/units.md).
    enforceUnitValidity: unitValidityOf(process.env),
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
