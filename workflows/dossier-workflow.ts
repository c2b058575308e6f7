import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { DossierActivities } from '../activities/dossier-activities';
import {
  decide,
  getState,
  type ActorRef,
  type DecideInput,
  type DecideResult,
  type DecisionRecord,
  type DossierState,
  type DossierWorkflowInput,
} from './messages';
import type { StepDefinition } from './process-definition';
import { findStep, planDecision, type DecisionPlan } from './plan-decision';
import { FailureType } from './failure-types';
import {
  DOSSIER_DUE_AT,
  DOSSIER_LEVEL,
  DOSSIER_PROCESS,
  DOSSIER_STATUS,
  DOSSIER_STEP,
  DOSSIER_UNIT,
} from './search-attributes';

/**
 * Activities retry until they succeed: both are idempotent (the read model ignores stale seq numbers, the due
 * time is a pure function of its input), and giving up would leave the read model behind the workflow. While the
 * database is down a decision therefore stays in flight; the API answers 202 after its own wait.
 */
const { computeDueAt, projectDossier } = proxyActivities<DossierActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const nowIso = (): string => new Date(Date.now()).toISOString();

/**
 * One workflow type interprets any process definition. The definition is pinned in the input, so a running
 * dossier finishes on the version it started with whatever is published later. Decisions arrive as the `decide`
 * update; the validator refuses what the current step does not allow, and the handler re-checks under a lock
 * because the state may have moved while it waited. The workflow continues as new when Temporal suggests it,
 * carrying its (small, id-only) state, so dossiers can stay open for years.
 */
export async function dossierWorkflow(input: DossierWorkflowInput): Promise<DossierState> {
  const { definition } = input;
  let state: DossierState = input.carriedState ?? initialState(input);
  let busy = !input.carriedState; // the first step's set-up runs before any decision is taken
  let started = Boolean(input.carriedState);
  /** The seq the read model has been brought up to; a carried state was projected before continue-as-new. */
  let projectedSeq = input.carriedState?.seq ?? 0;

  setHandler(getState, () => state);
  setHandler(
    decide,
    async (decision: DecideInput): Promise<DecideResult> => {
      // A loop, not a single wait: several waiters are released in the same activation, and only the first
      // to resume may take the lock; the others see `busy` again and keep waiting.
      while (busy) await condition(() => !busy);
      busy = true;
      let decided: DossierState;
      try {
        const plan = planOrThrow(decision);
        decided = await applyDecision(state, plan, decision);
        state = decided;
      } finally {
        busy = false;
      }
      // The read model is brought up to date by the main loop, outside the lock: a database outage delays this
      // answer (the API then replies 202) but never blocks later decisions or the workflow's own state.
      await condition(() => projectedSeq >= decided.seq);
      return {
        seq: decided.seq,
        status: decided.status,
        currentStep: decided.currentStep,
        processingUnit: decided.processingUnit,
        dueAt: decided.dueAt,
        outcome: decided.outcome,
      };
    },
    {
      // Before the first step is entered there is nothing to check against yet: the decision is accepted, waits
      // for the set-up in the handler, and is checked there.
      validator: (decision: DecideInput) => {
        if (started) planOrThrow(decision);
      },
    },
  );

  function planOrThrow(decision: DecideInput): DecisionPlan {
    const result = planDecision(definition, state, decision);
    if (!result.ok) {
      throw ApplicationFailure.create({ type: result.type, message: result.message, nonRetryable: true });
    }
    return result.plan;
  }

  async function enterStep(s: DossierState, step: StepDefinition, at: string): Promise<Partial<DossierState>> {
    const processingUnit = s.units[step.level];
    if (!processingUnit) {
      throw ApplicationFailure.create({ type: FailureType.DefinitionError, message: `no unit for level ${step.level}` });
    }
    const dueAt = await computeDueAt({ start: at, limit: step.timeLimit, unitCode: processingUnit });
    return {
      currentStep: step.id,
      currentLevel: step.level,
      currentRole: step.role,
      processingUnit,
      stepStartedAt: at,
      dueAt,
    };
  }

  async function applyDecision(s: DossierState, plan: DecisionPlan, decision: DecideInput): Promise<DossierState> {
    const at = nowIso();
    const record: DecisionRecord = {
      seq: s.seq + 1,
      action: decision.action,
      fromStep: plan.step.id,
      toStep: plan.nextStep?.id ?? null,
      actor: decision.actor,
      at,
      stepDueAt: s.dueAt,
      onTime: s.dueAt === null ? true : at <= s.dueAt,
      ...(plan.outcome ? { outcome: plan.outcome } : {}),
      ...(decision.comment ? { comment: decision.comment } : {}),
      ...(decision.submission ? { submission: decision.submission } : {}),
    };
    const submissions = decision.submission ? { ...s.submissions, [plan.step.id]: decision.submission } : s.submissions;
    let next: DossierState;
    if (plan.nextStep) {
      const returning = decision.action === 'return';
      const resuming = s.returnedFrom !== null && plan.nextStep.id === s.returnedFrom;
      next = {
        ...s,
        ...(await enterStep(s, plan.nextStep, at)),
        status: returning ? 'awaiting_supplement' : 'in_progress',
        returnedFrom: returning ? plan.step.id : resuming ? null : s.returnedFrom,
        facts: plan.facts,
        submissions,
        history: [...s.history, record],
        seq: record.seq,
      };
    } else {
      next = {
        ...s,
        status: plan.outcome ?? 'completed',
        outcome: plan.outcome,
        currentStep: null,
        currentLevel: null,
        currentRole: null,
        processingUnit: null,
        stepStartedAt: null,
        dueAt: null,
        returnedFrom: null,
        facts: plan.facts,
        submissions,
        history: [...s.history, record],
        seq: record.seq,
        closedAt: at,
      };
    }
    publish(next);
    log.info('dossier step decided', {
      dossierId: next.dossierId,
      step: plan.step.id,
      action: decision.action,
      next: next.currentStep ?? next.outcome,
    });
    return next;
  }

  if (!input.carriedState) {
    const first = findStep(definition, definition.initialStep);
    if (!first) {
      throw ApplicationFailure.create({ type: FailureType.DefinitionError, message: 'unknown initial step', nonRetryable: true });
    }
    state = { ...state, ...(await enterStep(state, first, state.openedAt)) };
    publish(state);
    started = true;
    busy = false;
  }

  // Project every new state to the read model (the latest one when several decisions landed meanwhile); stop when
  // the dossier is closed or Temporal suggests continuing as new, once everything is projected and no handler runs.
  for (;;) {
    await condition(
      () => state.seq > projectedSeq || state.currentStep === null || (workflowInfo().continueAsNewSuggested && !busy),
    );
    if (state.seq > projectedSeq) {
      const snapshot = state;
      await projectDossier({ state: snapshot });
      projectedSeq = snapshot.seq;
      continue;
    }
    await condition(allHandlersFinished);
    if (state.seq === projectedSeq) break;
  }
  if (state.currentStep !== null) {
    await continueAsNew<typeof dossierWorkflow>({ ...input, carriedState: state });
  }
  return state;
}

function initialState(input: DossierWorkflowInput): DossierState {
  const at = nowIso();
  const creator: ActorRef = input.createdBy;
  return {
    dossierId: input.dossierId,
    processKey: input.definition.key,
    processVersion: input.definition.version,
    status: 'received',
    outcome: null,
    currentStep: null,
    currentLevel: null,
    currentRole: null,
    processingUnit: null,
    receivingUnit: input.receivingUnit,
    units: input.units,
    stepStartedAt: null,
    dueAt: null,
    returnedFrom: null,
    facts: input.initialFacts ?? {},
    submissions: input.initialSubmission ? { [input.definition.initialStep]: input.initialSubmission } : {},
    history: [
      {
        seq: 1,
        action: 'create',
        fromStep: null,
        toStep: input.definition.initialStep,
        actor: creator,
        at,
        ...(input.initialSubmission ? { submission: input.initialSubmission } : {}),
      },
    ],
    seq: 1,
    openedAt: at,
    closedAt: null,
  };
}

/** Search attributes: codes and times only, never personal data. */
function publish(s: DossierState): void {
  upsertSearchAttributes([
    { key: DOSSIER_STATUS, value: s.status },
    { key: DOSSIER_STEP, value: s.currentStep ?? s.outcome ?? s.status },
    { key: DOSSIER_LEVEL, value: s.currentLevel ?? 'closed' },
    { key: DOSSIER_UNIT, value: s.processingUnit ?? s.receivingUnit },
    { key: DOSSIER_PROCESS, value: `${s.processKey}@${s.processVersion}` },
    { key: DOSSIER_DUE_AT, value: s.dueAt ? new Date(s.dueAt) : null },
  ]);
}
