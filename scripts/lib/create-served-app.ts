import type { Client } from '@temporalio/client';
import type { Connection as MongoConnection } from 'mongoose';
import type { Express } from 'express';
import { createApp } from '../../api/create-app';
import { oidcConfigFromEnv } from '../../api/auth/oidc';
import { signInSettingsFromEnv } from '../../api/auth/sign-in-settings';
import { loadEmbedSigningKeys } from '../../api/embed/load-embed-signing-keys';
import { uploadLimitsFromEnv, type UploadLimits } from '../../api/files/upload-limits';
import { loadOverlapKey } from '../../api/overlap/load-overlap-key';
import { createFileAnchorStore } from '../../storage/audit-chain/create-file-anchor-store';
import type { Models } from '../../storage/create-models';
import type { Logger } from './create-console-logger';
import type { RuntimeConfig } from './runtime-config';
import { workerPollMaxAgeMs } from './worker-poll-max-age-ms';

/**
 * The API app of an installation, its dependencies made from the environment (docs/servers.md): the one the API
 * process serves (scripts/run-api.ts), and the demo loader's own in-process app for the seed era's records
 * (scripts/load-demo-plan.ts), which differs only in `enforceUnitValidity`. Throws what its readers throw on a bad
 * setting (embed keys, OIDC, upload limits), before anything listens.
 */
export function createServedApp(deps: {
  config: RuntimeConfig;
  env: NodeJS.ProcessEnv;
  db: MongoConnection;
  models: Models;
  temporal: Client;
  logger: Logger;
  enforceUnitValidity: boolean;
}): { app: Express; uploads: UploadLimits } {
  const { config, env } = deps;
  const pollMaxAgeMs = workerPollMaxAgeMs();
  const uploads = uploadLimitsFromEnv(env);
  const oidc = oidcConfigFromEnv(env);
  const app = createApp({
    db: deps.db,
    models: deps.models,
    embedSigningKeys: loadEmbedSigningKeys({ env, mode: config.mode, dataDir: config.dataDir }),
    ...(env.HOSO_PUBLIC_URL ? { publicBaseUrl: env.HOSO_PUBLIC_URL } : {}),
    temporal: deps.temporal,
    taskQueue: config.taskQueue,
    ...(config.workflowIdPrefix ? { workflowIdPrefix: config.workflowIdPrefix } : {}),
    ...(pollMaxAgeMs === undefined ? {} : { workerPollMaxAgeMs: pollMaxAgeMs }),
    logger: deps.logger,
    uploads,
    ...(oidc ? { oidc } : {}),
    auditAnchors: createFileAnchorStore(config.auditAnchorsPath),
    signIn: signInSettingsFromEnv(env),
    overlapKey: loadOverlapKey({ env, dataDir: config.dataDir }),
    enforceUnitValidity: deps.enforceUnitValidity,
  });
  return { app, uploads };
}
