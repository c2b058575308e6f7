import { join } from 'node:path';
import { AUDIT_ANCHOR_FILE } from '../../storage/audit-chain/create-file-anchor-store';
/** The environment contract shared by the worker, the API and the seed (see docs/servers.md). */
export interface RuntimeConfig {
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
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'dossiers',
    mongodbUri: env.MONGODB_URI ?? 'mongodb://127.0.0.1:27018/hoso',
    port,
    workflowIdPrefix: env.HOSO_WORKFLOW_ID_PREFIX ?? '',
    auditAnchorsPath:
      env.HOSO_AUDIT_ANCHORS_FILE || join(env.HOSO_DATA_DIR || join(__dirname, '../../.data'), AUDIT_ANCHOR_FILE),
  };
}
