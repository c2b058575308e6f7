// `npm run test:faults`: the fault-injection run (issue 12). The real system starts through the launcher of
// `npm run demo` (scripts/start.ts: Temporal dev server, FerretDB, worker, demo seed, API; temporary data folder, free
// ports, its own lock). API clients drive a few hundred dossiers over HTTP, each request retried with the same
// Idempotency-Key on errors, timeouts and 202 until it gets a final answer (test/integration/support/load/run-load.ts),
// while the worker, the API, FerretDB and the Temporal server are killed with SIGKILL in turn, each once the one before
// is back; the launcher's supervisor brings every one of them back. Afterwards it checks, and prints the counts:
//   - every dossier in its plan's final state and every decision in its history exactly once, in order;
//   - the audit log: one entry per history record, seq unique per dossier;
//   - the read model equal to the workflows' state (read through Temporal);
//   - the SLA counters equal to a recount from the read model (diffSlaCounters);
//   - money (the dossiers that pay their advance): one payment order each, paid once on each fund, ledgers balanced;
//   - the same answer again for the same key: a sample of keyed requests re-sent at the end.
// Exits 1 on any failure, with the launcher's log kept; also when the launcher exits before the end (it gave up) or
// the run takes longer than HOSO_FAULT_DEADLINE_SECONDS (default 900). Environment: HOSO_FAULT_DOSSIERS (default
// 300), HOSO_FAULT_CLIENTS (8).
import { rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import diff from 'microdiff';
import { Client, Connection } from '@temporalio/client';
import { workflowIdOf } from '../../api/dossiers/workflow-id-of';
import { diffSlaCounters } from '../../read-model/sla/diff-sla-counters';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { connectDatabase } from '../../storage/connect-database';
import { createModels } from '../../storage/create-models';
import { balanceOf } from '../../domain/funds/ledger-balance';
import type { DossierState } from '../../workflows/messages';
import { dossierPlans } from '../integration/support/load/dossier-plans';
import { decisionsIn, plannedDecisions, runLoad, type KeyedExchange } from '../integration/support/load/run-load';
import { waitUntilQuiescent } from '../integration/support/load/wait-until-quiescent';
import { startLauncher, type Launcher, type SupervisedName } from './start-launcher';

const DOSSIERS = positive('HOSO_FAULT_DOSSIERS', 300);
const CLIENTS = positive('HOSO_FAULT_CLIENTS', 8);
const DEADLINE_MS = positive('HOSO_FAULT_DEADLINE_SECONDS', 900) * 1000;
/** Kills in this order, each at its share of the load's steps and once the one before is back. */
const KILLS: { target: SupervisedName; atShare: number }[] = [
  { target: 'worker', atShare: 0.08 },
  { target: 'api', atShare: 0.2 },
  { target: 'ferretdb', atShare: 0.32 },
  { target: 'temporal', atShare: 0.44 },
  { target: 'worker', atShare: 0.56 },
];
const BACK_TIMEOUT_MS = 180_000;
/** Keyed requests re-sent at once at the end. */
const REPLAY_CONCURRENCY = 4;
/** Read-model fields that must equal the workflow's state. */
const VIEW_FIELDS = [
  'processKey',
  'processVersion',
  'status',
  'outcome',
  'currentStep',
  'currentLevel',
  'currentRole',
  'processingUnit',
  'receivingUnit',
  'seq',
] as const;

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive whole number`);
  return value;
}

const log = (message: string) => process.stdout.write(`[faults] ${message}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Kill {
  target: SupervisedName;
  atShare: number;
  pid: number;
  /** From the SIGKILL to the launcher's "<target> is back". */
  downMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kills the targets in turn while the load runs: waits for the load to reach the kill's share and for the target to
 * be up (it may be restarting after a crash of its own), sends SIGKILL to its current pid, then waits for the
 * launcher's "<target> is back" line before the next kill.
 */
async function injectFaults(launcher: Launcher, progress: () => number, loadDone: () => boolean): Promise<Kill[]> {
  const kills: Kill[] = [];
  for (const { target, atShare } of KILLS) {
    let pid: number | undefined;
    for (;;) {
      while ((progress() < atShare || launcher.pidOf(target) === undefined) && !loadDone()) await sleep(50);
      if (loadDone()) return kills;
      pid = launcher.pidOf(target)!;
      try {
        process.kill(pid, 'SIGKILL');
        break;
      } catch {
        await sleep(50); // it died by itself between our look and the kill: wait until it is back, then kill it
      }
    }
    const from = launcher.statusLines().length;
    const at = Date.now();
    const share = progress();
    log(`SIGKILL ${target} (pid ${pid}) at ${Math.round(share * 100)} % of the steps`);
    await launcher.waitForStatus(new RegExp(`^${target} is back`), from, BACK_TIMEOUT_MS);
    kills.push({ target, atShare: share, pid, downMs: Date.now() - at });
    log(`${target} is back after ${seconds(Date.now() - at)}`);
  }
  return kills;
}

/** Re-sends keyed requests with their keys and bodies; answers the ones whose answer differs from their first. */
async function replayDiffers(baseUrl: string, exchanges: KeyedExchange[]): Promise<string[]> {
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    let value = tokens.get(username);
    if (!value) {
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      value = ((await res.json()) as { token: string }).token;
      tokens.set(username, value);
    }
    return value;
  };
  const differs: string[] = [];
  const queue = [...exchanges];
  const replayOne = async (exchange: KeyedExchange): Promise<void> => {
    const res = await fetch(`${baseUrl}${exchange.path}`, {
      method: exchange.method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await token(exchange.as)}`,
        'idempotency-key': exchange.key,
      },
      body: JSON.stringify(exchange.body),
    });
    const text = await res.text();
    const response: unknown = text ? JSON.parse(text) : undefined;
    if (res.status !== exchange.status || !isDeepStrictEqual(response, exchange.response)) {
      const changes =
        typeof response === 'object' && response !== null && typeof exchange.response === 'object'
          ? diff(exchange.response as Record<string, unknown>, response as Record<string, unknown>)
              .map((change) => `${change.type} ${change.path.join('.')}`)
              .join(', ')
          : text.slice(0, 200);
      differs.push(`${exchange.key}: first ${exchange.status}, again ${res.status}; ${changes}`);
    }
  };
  await Promise.all(
    Array.from({ length: REPLAY_CONCURRENCY }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await replayOne(next);
    }),
  );
  return differs;
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`starting the system through scripts/start.ts (${DOSSIERS} dossiers, ${CLIENTS} clients) …`);
  // No scheduled SLA reconcile: the counters must equal the recount through the projection alone.
  const launcher = await startLauncher({
    HOSO_SLA_RECONCILE_INTERVAL_MINUTES: '0',
    // The load drives the seed-era chain (the Hà Đông wards, retired 30/06/2025) on today's clock, as the SLA load
    // test does: the demo now enforces units' validity, which would refuse every dossier it creates.
    HOSO_UNIT_VALIDITY: 'off',
  });
  log(`ready in ${seconds(Date.now() - started)}; data in ${launcher.dataDir}`);
  const failures: string[] = [];
  let keep = false;
  // Clients retry for as long as it takes; a system that does not come back must still end the run.
  let finished = false;
  const abandon = (reason: string) => {
    if (finished) return;
    log(`FAILED: ${reason}; stopping. The launcher's log: ${launcher.logFile}`);
    void launcher.stop().finally(() => process.exit(1));
  };
  const deadline = setTimeout(() => abandon(`not done within ${seconds(DEADLINE_MS)}`), DEADLINE_MS);
  void launcher.exited.then((how) => abandon(`${how} before the run ended`));
  try {
    const plans = dossierPlans(DOSSIERS);
    const answers = new Map<string, KeyedExchange>();
    let share = 0;
    let loadDone = false;
    const loadStarted = Date.now();
    const faults = injectFaults(
      launcher,
      () => share,
      () => loadDone,
    ).catch((error: unknown) => {
      abandon(`a process did not come back: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    });
    const { runs, stats } = await runLoad({
      baseUrl: launcher.baseUrl,
      plans,
      clients: CLIENTS,
      tag: `faults-${loadStarted}`,
      onProgress: (done, total) => (share = done / total),
      onFinalAnswer: (exchange) => {
        if (!answers.has(exchange.key)) answers.set(exchange.key, exchange);
      },
    }).finally(() => (loadDone = true));
    const kills = await faults;
    const loadMs = Date.now() - loadStarted;
    log(`load done in ${seconds(loadMs)}: ${stats.requests} requests, retries ${JSON.stringify(stats.retries)}`);

    for (const r of runs.filter((run) => run.failed)) failures.push(`dossier #${r.plan.index}: ${r.failed}`);
    const killed = new Set(kills.map((k) => k.target));
    for (const target of ['worker', 'api', 'ferretdb', 'temporal'] as const)
      if (!killed.has(target)) failures.push(`${target} was not killed during the load (it ended first)`);

    const db = await connectDatabase(launcher.mongodbUri);
    const connection = await Connection.connect({ address: launcher.temporalAddress });
    try {
      const models = createModels(db);
      const temporal = new Client({ connection });
      const ids = runs.flatMap((r) => (r.id ? [r.id] : []));
      const quiet = await waitUntilQuiescent(
        { models, temporal, workflowIdOf: (id) => workflowIdOf(id) },
        ids,
        180_000,
      );

      // Where each dossier ended, and each decision once.
      let decisions = 0;
      for (const r of runs) {
        const state = r.id ? quiet.states.get(r.id) : undefined;
        if (!state) continue;
        const made = decisionsIn(state.history);
        decisions += made.length;
        const ends = state.currentStep === null ? state.status : 'open';
        if (ends !== r.plan.ends) failures.push(`dossier ${r.id}: ends ${ends}, planned ${r.plan.ends}`);
        if (!isDeepStrictEqual(made, plannedDecisions(r.plan)))
          failures.push(
            `dossier ${r.id}: decisions ${made.join(', ')}; planned ${plannedDecisions(r.plan).join(', ')}`,
          );
      }

      // The audit log: one entry per history record, seq unique per dossier.
      const audit = await models.AuditEntry.find({ dossierId: { $in: ids } }, { dossierId: 1, seq: 1 }).lean();
      const auditSeqs = new Map<string, number[]>();
      for (const entry of audit) auditSeqs.set(entry.dossierId, [...(auditSeqs.get(entry.dossierId) ?? []), entry.seq]);
      for (const [id, state] of quiet.states) {
        const seqs = (auditSeqs.get(id) ?? []).sort((a, b) => a - b);
        const expected = state.history.map((h) => h.seq).sort((a, b) => a - b);
        if (!isDeepStrictEqual(seqs, expected))
          failures.push(`dossier ${id}: audit seqs ${seqs.join(',')}, history seqs ${expected.join(',')}`);
      }

      // The read model against the workflows' state.
      const views = new Map(
        (await models.DossierView.find({ _id: { $in: ids } }).lean()).map((v) => [
          v._id,
          v as unknown as Record<string, unknown>,
        ]),
      );
      let viewsEqual = 0;
      for (const [id, state] of quiet.states) {
        const view = views.get(id);
        const wrong = VIEW_FIELDS.filter(
          (field) => !isDeepStrictEqual(view?.[field] ?? null, (state as unknown as DossierState)[field] ?? null),
        );
        if (wrong.length > 0) failures.push(`dossier ${id}: read model differs in ${wrong.join(', ')}`);
        else viewsEqual += 1;
      }

      // Money: every advance ordered once and paid once, and every fund's ledger balanced.
      const money = await checkMoney(
        models,
        runs.filter((r) => r.plan.kind === 'seed-money-advance' && r.id).map((r) => r.id!),
      );
      failures.push(...money.failures);

      // The SLA counters against a recount.
      const { dossiers: recounted, drifts } = await diffSlaCounters(models);
      for (const drift of drifts.slice(0, 20)) failures.push(`SLA counter drift: ${JSON.stringify(drift)}`);

      // The same answer for the same key, for every key: each one's answer must be stored (a record not `done` would
      // run its request again on a retry), and sending it again must give the first final answer back.
      const notDone = await models.IdempotencyRecord.countDocuments({ state: { $ne: 'done' } });
      if (notDone > 0) failures.push(`${notDone} idempotency records are not done although every key got its answer`);
      const all = [...answers.values()];
      const retried = all.filter((exchange) => exchange.attempts > 1).length;
      const differs = await replayDiffers(launcher.baseUrl, all);
      failures.push(...differs.map((d) => `another answer for the same key: ${d}`));

      const counts = {
        dossiers: runs.length,
        ends: Object.fromEntries(
          ['completed', 'rejected', 'withdrawn', 'open'].map((end) => [
            end,
            runs.filter((r) => r.plan.ends === end).length,
          ]),
        ),
        decisions,
        requests: stats.requests,
        retries: stats.retries,
        confirmedFromHistory: stats.confirmedFromHistory,
        bulk: { requests: stats.bulkRequests, decided: stats.bulkDecided },
        kills: kills.map((k) => `${k.target} at ${Math.round(k.atShare * 100)} %, back in ${seconds(k.downMs)}`),
        restarts: launcher.statusLines().filter((line) => / is back /.test(line)).length,
        /** Restarts after exits nobody caused: a process that died of another's outage. */
        unplannedRestarts: launcher.statusLines().filter((line) => / is back /.test(line)).length - kills.length,
        auditEntries: audit.length,
        readModelEqual: `${viewsEqual} of ${quiet.states.size}`,
        slaCounters: { recountedDossiers: recounted, drifts: drifts.length },
        money: money.counts,
        keysAnswered: answers.size,
        keysReplayed: `${all.length} (${retried} of them sent more than once during the load)`,
        idempotencyRecordsNotDone: notDone,
        replayDiffers: differs.length,
        loadSeconds: Math.round(loadMs / 1000),
        quiescentSeconds: Math.round(quiet.ms / 1000),
        totalSeconds: Math.round((Date.now() - started) / 1000),
      };
      log(`counts:\n${JSON.stringify(counts, null, 2)}`);
    } finally {
      await connection.close();
      await db.close();
    }
  } catch (error) {
    failures.push(`the run stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    finished = true;
    clearTimeout(deadline);
    const code = await launcher.stop();
    if (code !== 0) failures.push(`the launcher exited with ${code} on SIGTERM (expected 0)`);
    if (failures.length > 0) {
      keep = true;
      log(`FAILED (${failures.length}):\n  ${failures.slice(0, 50).join('\n  ')}`);
      log(`the launcher's log: ${launcher.logFile}`);
    } else {
      log(`passed in ${seconds(Date.now() - started)}`);
    }
    if (!keep) rmSync(launcher.dataDir, { recursive: true, force: true });
  }
  process.exit(failures.length > 0 ? 1 : 0);
}

/**
 * The money of the dossiers that paid their advance: one payment order each, paid; one payment ledger entry per
 * order and fund (`pay:<orderId>:<fundId>`), adding up to the order; and every fund's ledger balanced (the head's
 * balanceAfter equal to the balance of all its entries, seq without gaps).
 */
async function checkMoney(
  models: ReturnType<typeof createModels>,
  ids: string[],
): Promise<{ failures: string[]; counts: Record<string, number> }> {
  const failures: string[] = [];
  const orders = await models.PaymentOrder.find({ dossierId: { $in: ids } }).lean();
  const payments = await models.LedgerEntry.find({ dossierId: { $in: ids }, kind: 'payment' }).lean();
  for (const id of ids) {
    const own = orders.filter((o) => o.dossierId === id);
    if (own.length !== 1 || own[0]?.status !== 'paid') {
      failures.push(`dossier ${id}: payment orders ${JSON.stringify(own.map((o) => [o.trancheId, o.status]))}`);
      continue;
    }
    const order = own[0];
    const paid = payments.filter((p) => p.reference.startsWith(`pay:${order._id}:`));
    const sum = paid.reduce((total, p) => total + p.amount, 0);
    if (paid.length !== order.fundSplit.length || sum !== order.amount)
      failures.push(`dossier ${id}: ${paid.length} payments of ${sum} for an order of ${order.amount}`);
  }
  const fundIds = [...new Set(payments.map((p) => p.fundId))];
  for (const fundId of fundIds) {
    const entries = await models.LedgerEntry.find({ fundId }).sort({ seq: 1 }).lean();
    const derived = balanceOf(entries);
    if (!isDeepStrictEqual(entries.at(-1)?.balanceAfter, derived) || entries.some((e, i) => e.seq !== i + 1))
      failures.push(`fund ${fundId}: the ledger is not balanced or has a gap`);
  }
  const paidOrders = orders.filter((o) => o.status === 'paid').reduce((total, o) => total + o.amount, 0);
  const paymentsSum = payments.reduce((total, p) => total + p.amount, 0);
  if (paidOrders !== paymentsSum) failures.push(`payments add up to ${paymentsSum}, paid orders to ${paidOrders}`);
  return {
    failures,
    counts: { dossiers: ids.length, orders: orders.length, payments: payments.length, funds: fundIds.length },
  };
}

main().catch((error: unknown) => {
  log(`could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
