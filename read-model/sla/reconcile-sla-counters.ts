import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { acquireLease } from '../../storage/acquire-lease';
import type { Models } from '../../storage/create-models';
import { diffSlaCounters, type SlaCounterDrift } from './diff-sla-counters';
import { stableSlaCounterDrifts } from './stable-sla-counter-drifts';

/** The lease (a `settings` document) that keeps two processes from reconciling at once. */
export const SLA_RECONCILE_LEASE = 'sla-reconcile';

export interface SlaReconcileReport {
  /**
   * `clean`: no drift that stayed put; `repaired`: drifts found and repaired; `drift`: drifts found and left alone
   * (`repair: false`); `busy`: another process holds the lease, nothing was read.
   */
  outcome: 'clean' | 'repaired' | 'drift' | 'busy';
  /** Dossiers counted by the last recount. */
  dossiers: number;
  /** The counts that differed from the recount in both passes, with the same values. */
  drifts: SlaCounterDrift[];
  /** Those of `drifts` repaired (all of them unless `repair` is false). */
  repaired: SlaCounterDrift[];
  /** Differences seen in one pass only or with values that moved: dossiers moving while counted; left alone. */
  transient: SlaCounterDrift[];
}

export interface ReconcileSlaCountersDeps {
  models: Models;
  /**
   * Receives one warning per repaired (or, with `repair: false`, found) count: counter id and path, which hold unit
   * codes, roles and procedure keys, no personal data; and a summary.
   */
  logger: {
    info(message: string, meta?: Record<string, unknown>): void;
    warn(message: string, meta?: Record<string, unknown>): void;
  };
  /** False: only report (no lease, no write). Default true. */
  repair?: boolean;
  /** Time between the two passes; default 2 s (far longer than a projection takes between its two writes). */
  settleMs?: number;
  /** How long the lease lasts without renewal (it is renewed before each step); default 15 minutes. */
  leaseMs?: number;
  /** Who holds the lease; default host:pid:random. */
  holder?: string;
  now?: () => Date;
  /** Waits `ms`; rejects when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The diff (default diffSlaCounters); replaced by unit tests. */
  diff?: typeof diffSlaCounters;
  /** Dossiers read so far in pass 1 or 2. */
  onProgress?: (pass: 1 | 2, read: number) => void;
  /**
   * Stops the run between steps and while recounting (the promise rejects with the abort reason); no repair half done.
   */
  signal?: AbortSignal;
}

/**
 * Compares the SLA counters with a recount from the read model and repairs the counts that drifted (a projection
 * that died between its read-model write and its counter write, or a storage that lost an update), while
 * projections keep running:
 * - two diffs `settleMs` apart; only a drift present in both with the same stored and recounted values is repaired
 *   (see stableSlaCounterDrifts). A repair of a coincidence (a count whose dossiers moved in step between the two
 *   passes) is itself a drift and the next run reverses it;
 * - a repair is an `$inc` of (recounted − stored) per count, never a replacement, so increments the projection makes
 *   meanwhile are kept; a missing counter is created with its identifying fields;
 * - the whole run holds a lease (SLA_RECONCILE_LEASE), so two processes never repair at once: a second one returns
 *   `busy` at once. A run that loses its lease (it stalled past `leaseMs`) stops before repairing, as `busy`.
 * Database errors and aborts reject; the lease is released in every case. Logs each repaired count and a summary.
 */
export async function reconcileSlaCounters(deps: ReconcileSlaCountersDeps): Promise<SlaReconcileReport> {
  const { models, logger, signal } = deps;
  const repair = deps.repair ?? true;
  const diff = deps.diff ?? diffSlaCounters;
  const sleep = deps.sleep ?? ((ms: number, s?: AbortSignal) => delay(ms, undefined, s ? { signal: s } : {}));
  const started = Date.now();
  const lease = repair
    ? await acquireLease(models, {
        name: SLA_RECONCILE_LEASE,
        holder: deps.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
        ttlMs: deps.leaseMs ?? 15 * 60_000,
        ...(deps.now ? { now: deps.now } : {}),
      })
    : undefined;
  const busy = (): SlaReconcileReport => {
    logger.info('sla reconcile skipped: another process holds the lease', { lease: SLA_RECONCILE_LEASE });
    return { outcome: 'busy', dossiers: 0, drifts: [], repaired: [], transient: [] };
  };
  if (repair && !lease) return busy();
  try {
    const pass = (n: 1 | 2) =>
      diff(models, (read) => {
        signal?.throwIfAborted();
        deps.onProgress?.(n, read);
      });
    signal?.throwIfAborted();
    const first = await pass(1);
    let report: SlaReconcileReport = {
      outcome: 'clean',
      dossiers: first.dossiers,
      drifts: [],
      repaired: [],
      transient: [],
    };
    if (first.drifts.length > 0) {
      await sleep(deps.settleMs ?? 2_000, signal);
      if (lease && !(await lease.renew())) return busy();
      const second = await pass(2);
      const { stable, transient } = stableSlaCounterDrifts(first.drifts, second.drifts);
      report = {
        outcome: stable.length === 0 ? 'clean' : repair ? 'repaired' : 'drift',
        dossiers: second.dossiers,
        drifts: stable,
        repaired: [],
        transient,
      };
      if (repair && stable.length > 0) {
        signal?.throwIfAborted();
        if (lease && !(await lease.renew())) return busy();
        await models.SlaCounter.bulkWrite(
          stable.map((d) => ({
            updateOne: {
              filter: { _id: d.id },
              update: { $inc: { [d.path]: d.recounted - d.stored }, $setOnInsert: d.key },
              // Only an addition may create a missing counter; a correction downwards needs the counter it corrects.
              upsert: d.recounted > d.stored,
            },
          })) as never,
          { ordered: true },
        );
        report.repaired = stable;
      }
      const message = repair ? 'sla counter repaired' : 'sla counter drift found';
      for (const d of stable)
        logger.warn(message, { counterId: d.id, path: d.path, stored: d.stored, recounted: d.recounted });
    }
    logger.info('sla counters reconciled', {
      outcome: report.outcome,
      dossiers: report.dossiers,
      drifts: report.drifts.length,
      repaired: report.repaired.length,
      transient: report.transient.length,
      ms: Date.now() - started,
    });
    return report;
  } finally {
    await lease?.release();
  }
}
