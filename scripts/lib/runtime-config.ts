import { join, resolve } from 'node:path';
import { AUDIT_ANCHOR_FILE } from '../../storage/audit-chain/create-file-anchor-store';

/** How an installation runs: `demo` (demo units, accounts and keys; `npm run demo`) or `production` (the default). */
export type HosoMode = 'demo' | 'production';

/**
 * HOSO_MODE, read here and nowhere else: `demo` or `production`, production when unset, so that forgetting it never
 * seeds the published demo password. Throws RangeError for any other value.
 */
export function hosoModeOf(env: NodeJS.ProcessEnv = process.env): HosoMode {
  const mode = env.HOSO_MODE || 'production';
  if (mode !== 'demo' && mode !== 'production')
    throw new RangeError(`HOSO_MODE must be demo or production, got '${mode}'`);
  return mode;
}

/** HOSO_DATA_DIR, absolute; `<repo>/.data` when unset. */
export function dataDirOf(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.HOSO_DATA_DIR || join(__dirname, '..', '..', '.data'));
}

/** The environment contract shared by the worker, the API and the seed (see docs/servers.md). */
export interface RuntimeConfig {
  /** HOSO_MODE (see hosoModeOf). */
  mode: HosoMode;
  /** HOSO_DATA_DIR (see dataDirOf). */
  dataDir: string;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  mongodbUri: string;
  port: number;
  /**
   * HOSO_WORKFLOW_ID_PREFIX: put before every dossier's workflow id (see workflowIdOf), for systems that share one
   * Temporal namespace (tests); empty in production.
   */
  workflowIdPrefix: string;
  /**
   * The audit chain's anchor file (see storage/audit-chain): HOSO_AUDIT_ANCHORS_FILE, else `audit-anchors.log` in
   * HOSO_DATA_DIR (default `.data` in the repository). The worker appends to it; the API and `npm run audit:verify`
   * read it.
   */
  auditAnchorsPath: string;
}

export function runtimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new RangeError(`PORT must be a TCP port, got '${env.PORT}'`);
  return {
    mode: hosoModeOf(env),
    dataDir: dataDirOf(env),
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'dossiers',
    mongodbUri: env.MONGODB_URI ?? 'mongodb://127.0.0.1:27018/hoso',
    port,
    workflowIdPrefix: env.HOSO_WORKFLOW_ID_PREFIX ?? '',
    auditAnchorsPath: env.HOSO_AUDIT_ANCHORS_FILE || join(dataDirOf(env), AUDIT_ANCHOR_FILE),
  };
}
