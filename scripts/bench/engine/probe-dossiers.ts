import type { Client } from '@temporalio/client';
import { engineDossier } from './engine-dossier';
import type { HttpApi } from './http-api';
import { percentile } from './latency';
import type { System } from './phase-result';
import { rawDossier } from './raw-dossier';
import { subtract } from './run-phase';
import type { Running } from './start-engine-system';

/** Dossiers per system run one at a time. */
export const PROBE_DOSSIERS = 3;

/** What the dossiers run one at a time showed. */
export interface Probe {
  /** Mean gRPC calls of the API per engine action, by method. */
  calls: { kind: string; calls: Record<string, number> }[];
  /** Latency of each action with one client at a time, p50 per action, per system. */
  alone: Record<System, number[]>;
  /** Temporal history of one completed dossier, per system. */
  history: Record<System, HistoryShape>;
}

/** The events, workflow tasks and activities of one workflow's history. */
export interface HistoryShape {
  events: number;
  workflowTasks: number;
  activities: Record<string, number>;
}

/** The five actions of a dossier, as the report names them. */
export const ACTION_NAMES = ['create', 'submit', 'approve (district)', 'approve (province)', 'approve (treasury)'];

async function historyShape(temporal: Client, workflowId: string): Promise<HistoryShape> {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const activities: Record<string, number> = {};
  let workflowTasks = 0;
  for (const event of history.events ?? []) {
    if (event.workflowTaskCompletedEventAttributes) workflowTasks += 1;
    const type = event.activityTaskScheduledEventAttributes?.activityType?.name;
    if (type) activities[type] = (activities[type] ?? 0) + 1;
  }
  return { events: history.events?.length ?? 0, workflowTasks, activities };
}

/**
 * Dossiers one at a time: the API's gRPC totals read between the engine's actions give its round trips per action;
 * the same actions alone give the latency without queueing; one finished dossier's history of each system shows
 * the work Temporal and the worker do for it.
 */
export async function probe(running: Running, api: HttpApi): Promise<Probe> {
  const calls = ACTION_NAMES.map(() => ({}) as Record<string, number>);
  const times: Record<System, number[][]> = { engine: ACTION_NAMES.map(() => []), raw: ACTION_NAMES.map(() => []) };
  let engineId = '';
  let rawId = '';
  for (let d = 0; d < PROBE_DOSSIERS; d++) {
    const dossier = engineDossier(api, d);
    for (const [i, action] of dossier.actions.entries()) {
      const before = await running.grpcCalls();
      const t0 = performance.now();
      await action.run();
      times.engine[i]!.push(performance.now() - t0);
      for (const [method, n] of Object.entries(subtract(await running.grpcCalls(), before)))
        calls[i]![method] = (calls[i]![method] ?? 0) + n / PROBE_DOSSIERS;
    }
    engineId = dossier.workflowId();
    const raw = rawDossier(running.temporalClient);
    for (const [i, action] of raw.actions.entries()) {
      const t0 = performance.now();
      await action.run();
      times.raw[i]!.push(performance.now() - t0);
    }
    rawId = raw.workflowId();
  }
  const p50s = (perAction: number[][]) =>
    perAction.map((t) =>
      percentile(
        [...t].sort((a, b) => a - b),
        50,
      ),
    );
  return {
    calls: ACTION_NAMES.map((kind, i) => ({ kind, calls: calls[i]! })),
    alone: { engine: p50s(times.engine), raw: p50s(times.raw) },
    history: {
      engine: await historyShape(running.temporalClient, engineId),
      raw: await historyShape(running.temporalClient, rawId),
    },
  };
}
