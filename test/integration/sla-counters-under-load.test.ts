// The SLA counters under load, and with the worker and the API killed in the middle of it: 500 dossiers per run,
// 1,000 in the file (HOSO_LOAD_DOSSIERS sets the number per run; 500 take about 2.5 and 3 minutes on two cores, where a
// decision takes about 0.6 s with 8 clients), through the seed-era chain and both versions of the post-2025 one,
// including its list
// approval in bulk, with returns and resubmissions, rejections and withdrawals, driven over HTTP by 8 concurrent
// clients against the worker and the API as separate processes. Afterwards every decision is in its dossier's
// history exactly once, the stored counters equal a recount from the read model, and the API's counts equal its lists.
import { diffSlaCounters } from '../../read-model/sla/diff-sla-counters';
import { checkCountsAgainstLists } from './support/load/check-counts-against-lists';
import { dossierPlans } from './support/load/dossier-plans';
import { decisionsIn, plannedDecisions, runLoad } from './support/load/run-load';
import { startLoadSystem, type LoadSystem } from './support/load/start-load-system';
import { waitUntilQuiescent } from './support/load/wait-until-quiescent';

const DOSSIERS = Number(process.env.HOSO_LOAD_DOSSIERS ?? 500);
const CLIENTS = 8;

/**
 * A SIGKILL at a given share of the load's steps, and the restart right after it. `midProjection`: from that moment,
 * wait (up to 10 s) until some read-model document owes counter updates, i.e. a projection is between its document
 * and its counters, and kill the worker then: the crash that writeCountedView makes recoverable.
 */
interface Crash {
  target: 'api' | 'worker';
  atShare: number;
  midProjection?: true;
}

/** Resolves once a read-model document owes counter updates, or after `ms`; polls the database every few ms. */
async function projectionInFlight(system: LoadSystem, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !(await system.models.DossierView.exists({ slaPending: { $ne: null } })))
    await new Promise((r) => setTimeout(r, 5));
}

interface RunReport {
  run: string;
  dossiers: number;
  steps: number;
  loadMs: number;
  quiescentMs: number;
  /** All the checks after the load; of which the recount of the counters, and the counts against the lists. */
  checksMs: number;
  recountMs: number;
  listsMs: number;
  startMs: { api: number; worker: number };
  /**
   * `interruptedProjections`: read-model documents that owed counter updates right after the worker died (a projection
   * killed between its document write and its counters: the window writeCountedView makes recoverable).
   */
  crashes: { target: string; atShare: number; downMs: number; interruptedProjections?: number }[];
  requests: number;
  retries: Record<string, number>;
  confirmedFromHistory: number;
  bulk: { requests: number; decided: number };
  latency: Record<string, { n: number; meanMs: number }>;
  recoveredPendingDeltas: number;
  counterDocsWithLeftoverTokens: number;
  countChecks: { users: number; lists: number };
}

async function loadAndCheck(run: string, crashes: Crash[]): Promise<RunReport> {
  const system: LoadSystem = await startLoadSystem();
  try {
    const [api, worker] = await Promise.all([system.api.start(), system.worker.start()]);
    const plans = dossierPlans(DOSSIERS);
    const pendingCrashes = [...crashes].sort((a, b) => a.atShare - b.atShare);
    const crashed: RunReport['crashes'] = [];
    const restarts: Promise<void>[] = [];
    const started = Date.now();
    const { runs, stats } = await runLoad({
      baseUrl: system.baseUrl,
      plans,
      clients: CLIENTS,
      tag: `load-${run}-${started}`,
      onProgress: (done, total) => {
        const next = pendingCrashes[0];
        if (!next || done / total < next.atShare) return;
        pendingCrashes.shift();
        const child = system[next.target];
        const at = Date.now();
        restarts.push(
          (async () => {
            if (next.midProjection) await projectionInFlight(system, 10_000);
            await child.kill();
            const interrupted =
              next.target === 'worker'
                ? {
                    interruptedProjections: await system.models.DossierView.countDocuments({
                      slaPending: { $ne: null },
                    }),
                  }
                : {};
            await child.start();
            crashed.push({
              target: next.target,
              atShare: Math.round((done / total) * 100) / 100,
              downMs: Date.now() - at,
              ...interrupted,
            });
          })(),
        );
      },
    });
    await Promise.all(restarts);
    const loadMs = Date.now() - started;

    expect(runs.filter((r) => r.failed).map((r) => `#${r.plan.index} ${r.plan.kind}: ${r.failed}`)).toEqual([]);
    expect(crashed.map((c) => c.target).sort()).toEqual(crashes.map((c) => c.target).sort());

    const ids = runs.map((r) => r.id!);
    const quiet = await waitUntilQuiescent(system, ids, 180_000);

    const checksStarted = Date.now();
    // Every decision a client made took effect exactly once, in order, and each dossier ended where its plan ends.
    for (const r of runs) {
      const state = quiet.states.get(r.id!)!;
      expect({ dossier: r.plan.index, decisions: decisionsIn(state.history) }).toEqual({
        dossier: r.plan.index,
        decisions: plannedDecisions(r.plan),
      });
      expect({ dossier: r.plan.index, ends: state.currentStep === null ? state.status : 'open' }).toEqual({
        dossier: r.plan.index,
        ends: r.plan.ends,
      });
    }
    const recountStarted = Date.now();
    const { dossiers, drifts } = await diffSlaCounters(system.models);
    const recountMs = Date.now() - recountStarted;
    expect(drifts).toEqual([]);
    expect(dossiers).toBe(DOSSIERS);
    const listsStarted = Date.now();
    const countChecks = await checkCountsAgainstLists(system.baseUrl, system.models, [...quiet.states.values()]);
    const listsMs = Date.now() - listsStarted;
    const leftovers = await system.models.SlaCounter.find({}, { t: 1 }).lean();
    return {
      run,
      dossiers: DOSSIERS,
      steps: plans.reduce((n, p) => n + 1 + p.steps.length, 0),
      loadMs,
      quiescentMs: quiet.ms,
      checksMs: Date.now() - checksStarted,
      recountMs,
      listsMs,
      startMs: { api, worker },
      crashes: crashed,
      requests: stats.requests,
      retries: stats.retries,
      confirmedFromHistory: stats.confirmedFromHistory,
      bulk: { requests: stats.bulkRequests, decided: stats.bulkDecided },
      latency: stats.latency,
      recoveredPendingDeltas: system.workerLines(/applied pending SLA counter updates/).length,
      counterDocsWithLeftoverTokens: leftovers.filter((c) => Object.keys(c.t ?? {}).length > 0).length,
      countChecks,
    };
  } finally {
    await system.close();
  }
}

describe('the SLA counters under load', () => {
  it(`equal a recount after ${DOSSIERS} dossiers through every chain with ${CLIENTS} concurrent clients`, async () => {
    const report = await loadAndCheck('A', []);
    console.log(`load run A: ${JSON.stringify(report)}`);
  }, 600_000);

  it('equal a recount when the API and the worker are killed (SIGKILL) in the middle of the same load', async () => {
    const report = await loadAndCheck('B', [
      { target: 'api', atShare: 0.25 },
      { target: 'worker', atShare: 0.5 },
      { target: 'worker', atShare: 0.75, midProjection: true },
    ]);
    console.log(`load run B: ${JSON.stringify(report)}`);
    // The outage was real: requests failed to connect while the API was down, and decisions waited for the worker.
    expect(report.retries.network ?? 0).toBeGreaterThan(0);
    // How often the kill aimed at a projection landed between its document and its counters is reported, not
    // asserted: the projection may finish between the database read that saw it and the SIGKILL.
  }, 600_000);
});
