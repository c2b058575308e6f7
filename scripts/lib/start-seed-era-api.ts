import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import type { Connection as MongoConnection } from 'mongoose';
import type { Models } from '../../storage/create-models';
import { createConsoleLogger } from './create-console-logger';
import { createServedApp } from './create-served-app';
import type { RuntimeConfig } from './runtime-config';

/**
 * The demo loader's own API, in this process, on an ephemeral port of 127.0.0.1: the installation's app (same
 * database, same Temporal namespace and task queue, see createServedApp) with unit validity OFF, because it is
 * loading the records of the seed era, whose units were in force on the plan's dates (2024: Quận Hà Đông and its
 * wards, Huyện Định Quán, Hà Tĩnh's districts, all retired on 30/06/2025). The API that `npm run demo` serves keeps
 * enforcing validity: today's work goes through it. Rejects if Temporal cannot be reached; `close` stops listening
 * and closes the Temporal connection (the database is the caller's).
 */
export async function startSeedEraApi(deps: {
  config: RuntimeConfig;
  db: MongoConnection;
  models: Models;
}): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const { config } = deps;
  const connection = await Connection.connect({ address: config.temporalAddress });
  const temporal = new Client({ connection, namespace: config.temporalNamespace });
  const { app } = createServedApp({
    config,
    env: process.env,
    db: deps.db,
    models: deps.models,
    temporal,
    logger: createConsoleLogger('demo-plan-api'),
    enforceUnitValidity: false,
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening)).once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
    },
  };
}
