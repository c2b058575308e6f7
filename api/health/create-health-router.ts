import { Router } from 'express';
import type { Connection } from 'mongoose';
import type { Client } from '@temporalio/client';
import { checkWorkerPolling } from './check-worker-polling';

/** The answer of one check: `ok`, or `unavailable` (did not answer, failed, or no worker polls). */
export type CheckResult = 'ok' | 'unavailable';

/** The body of `GET /healthz`. */
export interface HealthReport {
  /** `ok` when every check is, else `degraded` (HTTP 503). */
  status: 'ok' | 'degraded';
  /**
   * Whether this API process can serve requests: the database and Temporal answer. The field for a load balancer:
   * with no worker, reads work and decisions answer 202 until one is back, and another API instance would do no
   * better. Restarting the API does not help either, so a liveness probe should only ask that /healthz answers.
   */
  serving: boolean;
  database: CheckResult;
  temporal: CheckResult;
  /** A worker polled the dossiers' task queue recently (see checkWorkerPolling). */
  worker: CheckResult;
}

export interface HealthRouterDeps {
  temporal: Client;
  db: Connection;
  /** The task queue whose pollers the worker check reads. */
  taskQueue: string;
  /** How old a live worker's last poll may be (see checkWorkerPolling). Default 70 s, for Temporal's 60-s polls. */
  workerPollMaxAgeMs?: number;
  /** How long one report is reused, so that probes from several places cost one round of checks. Default 1.5 s. */
  cacheMs?: number;
  /** Each check's time limit. Default 2 s. */
  timeoutMs?: number;
  now?: () => number;
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

async function check(fn: () => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  try {
    const answer = await withTimeout(fn(), timeoutMs);
    return answer === false ? 'unavailable' : 'ok';
  } catch {
    return 'unavailable';
  }
}

/**
 * `GET /healthz`: 200 `ok` when the database answers a ping, Temporal answers GetSystemInfo and a worker polls the
 * task queue, each within 2 s; otherwise 503 `degraded`, naming each check (see HealthReport). A report is cached for
 * `cacheMs`, and concurrent requests share the round of checks in flight, so frequent probes stay cheap.
 */
export function createHealthRouter(deps: HealthRouterDeps): Router {
  const now = deps.now ?? Date.now;
  const cacheMs = deps.cacheMs ?? 1_500;
  const timeoutMs = deps.timeoutMs ?? 2_000;
  let cached: { at: number; report: Promise<HealthReport> } | undefined;

  async function measure(): Promise<HealthReport> {
    const [database, temporal, worker] = await Promise.all([
      check(async () => {
        const db = deps.db.db;
        if (!db) throw new Error('not connected');
        return db.command({ ping: 1 });
      }, timeoutMs),
      check(() => deps.temporal.workflowService.getSystemInfo({}), timeoutMs),
      check(
        () =>
          checkWorkerPolling({
            temporal: deps.temporal,
            taskQueue: deps.taskQueue,
            maxAgeMs: deps.workerPollMaxAgeMs ?? 70_000,
            now,
          }),
        timeoutMs,
      ),
    ]);
    const ok = database === 'ok' && temporal === 'ok' && worker === 'ok';
    return {
      status: ok ? 'ok' : 'degraded',
      serving: database === 'ok' && temporal === 'ok',
      database,
      temporal,
      worker,
    };
  }

  const router = Router();
  router.get('/healthz', async (_req, res) => {
    if (!cached || now() - cached.at >= cacheMs) cached = { at: now(), report: measure() };
    const report = await cached.report;
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  return router;
}
