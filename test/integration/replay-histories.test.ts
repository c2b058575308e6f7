import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import { bulkActionsOf } from '../../domain/process/bulk-actions';
import type { DecideInput, DecideResult, DossierWorkflowInput } from '../../workflows/messages';
import { WORKFLOW_PATCHES } from '../../workflows/workflow-patches';
import { HISTORY_DIR, HISTORY_GENERATION } from './support/record-history';

/**
 * Replays every recorded history (test/replay/histories, written by `npm run replay:record`: replay-scenarios.test.ts,
 * dossier-workflow.test.ts and dossier-attention.test.ts with HOSO_RECORD_HISTORIES=1) with the current workflow
 * code. A change that would break dossiers already running — a different order of commands, a removed handler —
 * fails here instead of in production. When a change is meant to be incompatible, version it with `patched()` and
 * record a new generation.
 *
 * It also reads what the histories hold — each run's definition and the decisions it accepted — and fails when a
 * shipped definition version (domain/process/definitions/) lacks a recorded history of one of its actions.
 */
type History = temporal.api.history.v1.IHistory;
const files = fs
  .readdirSync(HISTORY_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const histories = new Map<string, History>(
  files.map((file) => [
    file.replace(/\.json$/, ''),
    temporal.api.history.v1.History.fromObject(JSON.parse(fs.readFileSync(path.join(HISTORY_DIR, file), 'utf8'))),
  ]),
);
const definitionsDir = path.join(__dirname, '..', '..', 'domain', 'process', 'definitions');
const shipped: ProcessDefinition[] = fs
  .readdirSync(definitionsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(definitionsDir, f), 'utf8')) as ProcessDefinition);

const payload = <T>(p: temporal.api.common.v1.IPayload | null | undefined): T =>
  JSON.parse(Buffer.from(p?.data ?? new Uint8Array()).toString('utf8')) as T;
const EventType = temporal.api.enums.v1.EventType;

/**
 * The decisions a history's run accepted and completed, in order, each named by what it did: `approve@<step>` (and
 * `bulk-approve@<step>` where that step's approval may be taken for a list), `resubmit` for a submission after a
 * return, else the action itself. The step a decision was taken at is the one the previous decision's result (or
 * the run's start) left the dossier at.
 */
function coveredActions(history: History): { ref: string; actions: string[] } {
  const events = history.events ?? [];
  const input = payload<DossierWorkflowInput>(events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]);
  const { definition } = input;
  let step: string | null = input.carriedState ? input.carriedState.currentStep : definition.initialStep;
  let status: string = input.carriedState?.status ?? 'received';
  const accepted = new Map<string, DecideInput>();
  const actions: string[] = [];
  for (const event of events) {
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED) {
      const a = event.workflowExecutionUpdateAcceptedEventAttributes;
      if (a?.acceptedRequest?.input?.name !== 'decide') continue;
      accepted.set(String(a.acceptedRequest.meta?.updateId), payload(a.acceptedRequest.input.args?.payloads?.[0]));
    }
    if (event.eventType !== EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED) continue;
    const c = event.workflowExecutionUpdateCompletedEventAttributes;
    const decision = accepted.get(String(c?.meta?.updateId));
    const success = c?.outcome?.success?.payloads?.[0];
    if (!decision || !success) continue;
    const result = payload<DecideResult>(success);
    const at = definition.steps.find((s) => s.id === step);
    if (decision.action === 'approve') {
      const bulk = at ? bulkActionsOf(at).some((b) => b.action === 'approve') : false;
      actions.push(`${bulk ? 'bulk-approve' : 'approve'}@${step}`);
    } else if (decision.action === 'submit' && status === 'awaiting_supplement') {
      actions.push('resubmit');
    } else {
      actions.push(decision.action);
    }
    step = result.currentStep;
    status = result.status;
  }
  return { ref: `${definition.key}@${definition.version}`, actions };
}

/** What every shipped version must have a recorded history of. */
function requiredActions(definition: ProcessDefinition): string[] {
  const required = new Set(['submit', 'return', 'resubmit', 'reject', 'withdraw', 'recompute_deadline']);
  if (definition.totalLimit) required.add('extend');
  for (const step of definition.steps) {
    if (!step.transitions.some((t) => t.action === 'approve')) continue;
    const bulk = bulkActionsOf(step).some((b) => b.action === 'approve');
    required.add(`${bulk ? 'bulk-approve' : 'approve'}@${step.id}`);
  }
  return [...required].sort();
}

describe('recorded dossier histories', () => {
  it('cover every action of every shipped definition version, in the current generation', () => {
    const covered = new Map<string, Set<string>>();
    for (const [name, history] of histories) {
      if (!name.includes(`-${HISTORY_GENERATION}-run`)) continue;
      const { ref, actions } = coveredActions(history);
      const set = covered.get(ref) ?? new Set<string>();
      for (const a of actions) set.add(a);
      covered.set(ref, set);
    }
    const missing = shipped
      .map((d) => {
        const ref = `${d.key}@${d.version}`;
        return [ref, requiredActions(d).filter((a) => !covered.get(ref)?.has(a))] as const;
      })
      .filter(([, lacking]) => lacking.length > 0);
    // A version listed here needs `npm run replay:record` (test/README.md).
    expect(missing).toEqual([]);
    expect(shipped.length).toBeGreaterThanOrEqual(5);
  });

  it('cover both generations: dossiers started before the SLA clock (no patch marker) and with it', () => {
    const generations = new Set(files.map((f) => (/-sla-run\d+\.json$/.test(f) ? 'sla' : 'pre-sla')));
    expect([...generations].sort()).toEqual(['pre-sla', 'sla']);
    // The SLA histories hold the patch marker, timers that decisions cancelled and timers that fired, and a
    // continue-as-new.
    const slaEvents = new Set(
      [...histories]
        .filter(([name]) => name.includes('-sla-run'))
        .flatMap(([, h]) => (h.events ?? []).map((e) => e.eventType)),
    );
    for (const type of [
      EventType.EVENT_TYPE_MARKER_RECORDED,
      EventType.EVENT_TYPE_TIMER_STARTED,
      EventType.EVENT_TYPE_TIMER_CANCELED,
      EventType.EVENT_TYPE_TIMER_FIRED,
      EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
    ]) {
      expect([EventType[type as number], slaEvents.has(type)]).toEqual([EventType[type as number], true]);
    }
  });

  it('cover every patch of the workflow: some history was recorded with each one active', () => {
    const patches = new Set(
      [...histories.values()].flatMap((h) =>
        (h.events ?? [])
          .map((e) => e.markerRecordedEventAttributes)
          .filter((m) => m?.markerName === 'core_patch')
          .map((m) => payload<{ id: string }>(m?.details?.['patch-data']?.payloads?.[0]).id),
      ),
    );
    expect([...WORKFLOW_PATCHES].filter((p) => !patches.has(p))).toEqual([]);
  });

  it('replay, every one of them, without nondeterminism on the current workflow code', async () => {
    const replayed: string[] = [];
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowsPath: require.resolve('../../workflows') },
      [...histories].map(([workflowId, history]) => ({ workflowId, history })),
    )) {
      replayed.push(result.workflowId);
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
    // Each file was replayed once: none skipped, none unreadable.
    expect(replayed.sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')));
  });
});
