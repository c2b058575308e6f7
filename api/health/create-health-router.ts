import { Router } from 'express';
import type { Connection } from 'mongoose';
import type { Client } from '@temporalio/client';

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

/** `GET /healthz`: 200 when Temporal and the database both answer within 2 s, else 503 naming the failing one. */
export function createHealthRouter(deps: { temporal: Client; db: Connection }): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const check = async (fn: () => Promise<unknown>) => {
      try {
        await withTimeout(fn(), 2000);
        return 'ok';
      } catch {
        return 'unavailable';
      }
    };
    const [temporal, database] = await Promise.all([
      check(() => deps.temporal.workflowService.getSystemInfo({})),
      check(async () => {
        const db = deps.db.db;
        if (!db) throw new Error('not connected');
        return db.command({ ping: 1 });
      }),
    ]);
    const ok = temporal === 'ok' && database === 'ok';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', temporal, database });
  });
  return router;
}
