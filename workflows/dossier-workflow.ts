import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { refusalFailure, refusalOfActivity } from './refusal-failure';
import { createAttention } from './create-attention';
import {
  decide,
  getState,
  opened,
  transfer,
  type TransferInput,
  type TransferResult,
  type DecideInput,
  type DecideResult,
  type DecisionRecord,
  type DossierState,
  type DossierWorkflowInput,
} from './messages';
import { slaSettingsOf } from '../domain/process/process-definition';
import { findStep } from '../domain/process/find-step';
import { planDecision, type DecisionPlan } from '../domain/process/plan-decision';
import {
  checkSupplementAllowance,
  isClockAction,
  planClockAction,
  type ClockPlan,
} from '../domain/process/plan-clock-action';
import { clockForState, fireTimer, handoffTimeliness, nextTimer, pauseClock, sameTimer } from '../domain/sla/sla-clock';
import { FailureType } from '../domain/process/failure-types';
import { planMoney, type MoneyPlan } from '../domain/funds/plan-money';
import { createMoneyRunner } from './run-money-ops';
import { trancheFacts } from '../domain/funds/tranche-facts';
import { applySignature, signOffAfter } from '../domain/process/apply-signature';
import { hasTransfer, planTransfer } from '../domain/process/transition-transfer';
import { createClockActionApplier } from './create-clock-action-applier';
import { createTransferApplier } from './create-transfer-applier';
import { createStepClock, type CutoffOption } from './create-step-clock';
import { dossierActivitiesOf } from './dossier-activities-of';
import { initialState } from './initial-state';
import { nowIso } from './now-iso';
import { publishDossier } from './publish-dossier';
import {
  ATTENTION_PATCH,
  LOCAL_ACTIVITIES_PATCH,
  SLA_PATCH,
  TRANSFER_PATCH,
  WORKING_REMINDER_PATCH,
} from './workflow-patches';

/**
 * One workflow type interprets any process definition. The definition is pinned in the input, so a running
 * dossier finishes on the version it started with whatever is published later. Decisions arrive as the `decide`
 * update; the validator refuses what the current step does not allow, and the handler re-checks under a lock
 * because the state may have moved while it waited. The workflow continues as new when Temporal suggests it,
 * carrying its (small, id-only) state, so dossiers can stay open for years.
 */
export async function dossierWorkflow(input: DossierWorkflowInput): Promise<DossierState> {
  // The definition the dossier runs: the one it started with, until a transition plan's transfer moves it.
  let definition = input.definition;
  const sla = patched(SLA_PATCH);
  // Runs recorded before local activities replay with the remote ones they scheduled.
  const local = patched(LOCAL_ACTIVITIES_PATCH);
  const attending = local && patched(ATTENTION_PATCH);
  const activities = dossierActivitiesOf(local, attending);
  const { notify, projectDossier } = activities;
  const { attend } = createAttention(attending);
  const workingReminders = sla && patched(WORKING_REMINDER_PATCH);
  // A procedure's own cut-off goes with each due-time request; definitions without one send exactly what they did.
  let cutoff: CutoffOption = definition.cutoff ? { cutoff: definition.cutoff } : {};
  const runMoney = createMoneyRunner();
  let settings = slaSettingsOf(definition);
  const stepClock = createStepClock({
    sla,
    workingReminders,
    attend,
    activities,
    definition: () => definition,
    cutoff: () => cutoff,
    settings: () => settings,
  });
  const { dueAtOf, enterStep, resumeStep } = stepClock;
  const applyClockAction = createClockActionApplier({ definition: () => definition, cutoff: () => cutoff, stepClock });
  const applyTransfer = createTransferApplier({
    sla,
    stepClock,
    run: () => ({ definition, cutoff, settings }),
    switchTo: (run) => {
      ({ definition, cutoff, settings } = run);
    },
  });
  let state: DossierState = input.carriedState ?? initialState(input);
  if (sla && !state.clock) state = { ...state, clock: clockForState(state, settings.reminderShare) };
  let busy = !input.carriedState; // the first step's set-up runs before any decision is taken
  let started = Boolean(input.carriedState);
  /** The seq the read model has been brought up to; a carried state was projected before continue-as-new. */
  let projectedSeq = input.carriedState?.seq ?? 0;

  setHandler(getState, () => state);
  setHandler(opened, async () => {
    await condition(() => started && projectedSeq >= state.seq);
    return state;
  });
  setHandler(
    decide,
    async (decision: DecideInput): Promise<DecideResult> => {
      // A loop, not a single wait: several waiters are released in the same activation, and only the first
      // to resume may take the lock; the others see `busy` again and keep waiting.
      while (busy) await condition(() => !busy);
      busy = true;
      let decided: DossierState;
      try {
        // Planned again on the state as it is now: a decision accepted together with another (both validators saw
        // the same step) and now at a step that has moved on is refused with the plan's own failure type
        // (ActionNotAllowed, 409), not taken for an activity's refusal.
        if (isClockAction(decision.action)) {
          const plan = planClockOrThrow(decision);
          decided = await refusingBadInput(() => applyClockAction(state, plan, decision));
        } else {
          const plan = planOrThrow(decision);
          decided = await refusingBadInput(() => applyDecision(state, plan, decision));
        }
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
        ...(sla ? { overallDueAt: decided.clock?.overallDueAt ?? null } : {}),
      };
    },
    {
      // Before the first step is entered there is nothing to check against yet: the decision is accepted, waits
      // for the set-up in the handler, and is checked there.
      validator: (decision: DecideInput) => {
        if (!started) return;
        if (isClockAction(decision.action)) planClockOrThrow(decision);
        else planOrThrow(decision);
      },
    },
  );

  setHandler(
    transfer,
    async (move: TransferInput): Promise<TransferResult> => {
      while (busy) await condition(() => !busy);
      busy = true;
      let moved = false;
      try {
        // A re-run of the plan (or a retried update) finds its transfer recorded and changes nothing.
        if (!hasTransfer(state, move.transferId)) {
          if (!patched(TRANSFER_PATCH)) throw new Error('transfer without its patch');
          state = await refusingBadInput(() => applyTransfer(state, move));
          moved = true;
        }
      } finally {
        busy = false;
      }
      const after = state;
      await condition(() => projectedSeq >= after.seq);
      return {
        moved,
        seq: after.seq,
        processKey: after.processKey,
        processVersion: after.processVersion,
        currentStep: after.currentStep,
        processingUnit: after.processingUnit,
        dueAt: after.dueAt,
      };
    },
    {
      validator: (move: TransferInput) => {
        if (!started || hasTransfer(state, move.transferId)) return;
        const planned = planTransfer(state, move);
        if (!planned.ok) throw refusalFailure(planned);
      },
    },
  );

  /**
   * Applies a planned decision. An activity that cannot succeed for it (e.g. no due time on the unit's calendar)
   * refuses it as InvalidInput (refusalOfActivity): the state is unchanged (it is assigned only after every
   * activity returned) and the caller releases the lock.
   */
  async function refusingBadInput(apply: () => Promise<DossierState>): Promise<DossierState> {
    try {
      return await apply();
    } catch (error) {
      throw refusalOfActivity(error) ?? error;
    }
  }

  function planOrThrow(decision: DecideInput): DecisionPlan {
    const result = planDecision(definition, state, decision);
    if (!result.ok) throw refusalFailure(result);
    const refused = sla ? checkSupplementAllowance(definition, state, decision) : null;
    if (refused && !refused.ok) throw refusalFailure(refused);
    moneyPlanOrThrow(result.plan, decision, 'validating');
    return result.plan;
  }

  /**
   * What the decision does with money (planMoney), or its refusal. Definitions without money effects plan nothing,
   * so histories recorded before money existed replay unchanged. `orderId` names a tranche ordered for the first
   * time: a uuid4 when applying (deterministic on replay), a placeholder when only validating.
   */
  function moneyPlanOrThrow(plan: DecisionPlan, decision: DecideInput, orderId: string): MoneyPlan {
    const result = planMoney(definition, state.money, plan, {
      ...(decision.funding ? { funding: decision.funding } : {}),
      ...(decision.comment ? { comment: decision.comment } : {}),
      at: nowIso(),
      newOrderId: orderId,
      before: state.facts,
    });
    if (!result.ok) throw refusalFailure(result);
    return result.plan;
  }

  function planClockOrThrow(decision: DecideInput): ClockPlan {
    const result = sla
      ? planClockAction(definition, state, decision, Date.now())
      : {
          ok: false as const,
          type: FailureType.ActionNotAllowed,
          message: `action '${decision.action}' is not available to this dossier yet`,
        };
    if (!result.ok) throw refusalFailure(result);
    return result.plan;
  }

  async function applyDecision(s: DossierState, plan: DecisionPlan, decision: DecideInput): Promise<DossierState> {
    // A signature that leaves the sign-off step still awaiting others (only definitions that declare signOff).
    if (plan.holds) {
      const signed = applySignature(s, plan, decision, nowIso());
      publishDossier(signed);
      log.info('dossier step signed', { dossierId: s.dossierId, step: plan.step.id, signer: plan.signature?.signer });
      return signed;
    }
    // The decision's own reference: a new tranche order's id, and the root of its ledger references.
    const reference = uuid4();
    const money = moneyPlanOrThrow(plan, decision, reference);
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
      ...(sla
        ? {
            to: plan.nextStep ? { role: plan.nextStep.role, unitCode: s.units[plan.nextStep.level] ?? '' } : null,
            stepTimeliness: handoffTimeliness(at, s.dueAt),
          }
        : {}),
      ...(plan.signature ? { signOff: plan.signature } : {}),
    };
    const submissions = decision.submission ? { ...s.submissions, [plan.step.id]: decision.submission } : s.submissions;
    let next: DossierState;
    if (plan.nextStep) {
      const returning = decision.action === 'return';
      const resuming = s.returnedFrom !== null && plan.nextStep.id === s.returnedFrom;
      let entered: Partial<DossierState>;
      if (sla && returning) entered = pauseClock(s, plan.step, plan.nextStep, at, record.seq);
      else if (sla && resuming) entered = await resumeStep(s, plan.nextStep, at, record.seq);
      else
        entered = await enterStep({ ...s, facts: plan.facts }, plan.nextStep, at, record.seq, 'refuse', {
          facts: plan.facts,
          money: money.money ?? s.money,
        });
      await runMoney({ dossierId: s.dossierId, reference, by: decision.actor.userId }, money.ops);
      next = {
        ...s,
        ...entered,
        status: returning ? 'awaiting_supplement' : 'in_progress',
        returnedFrom: returning ? plan.step.id : resuming ? null : s.returnedFrom,
        facts: plan.facts,
        submissions,
        ...signOffAfter(definition, plan.nextStep),
        history: [...s.history, record],
        seq: record.seq,
      };
    } else {
      await runMoney({ dossierId: s.dossierId, reference, by: decision.actor.userId }, money.ops);
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
        ...signOffAfter(definition, null),
        history: [...s.history, record],
        seq: record.seq,
        closedAt: at,
        // Reject and withdraw end the clock as completion does: no timer is left to fire.
        ...(sla && s.clock ? { clock: { ...s.clock, reminderAt: null, paused: null } } : {}),
      };
    }
    // The tranche facts (paid:<id>, ordered:<id>, left:<id>) follow the money, for the conditions of later decisions.
    if (money.money) {
      const derived = trancheFacts(definition, money.money, next.facts);
      next = { ...next, money: money.money, facts: { ...next.facts, ...derived } };
    }
    publishDossier(next);
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
      throw ApplicationFailure.create({
        type: FailureType.DefinitionError,
        message: 'unknown initial step',
        nonRetryable: true,
      });
    }
    // No decision to refuse here: input the calendar cannot place flags the dossier until an operator repairs it.
    state = { ...state, ...(await enterStep(state, first, state.openedAt, state.seq, 'retry-later')) };
    if (sla && state.clock && definition.totalLimit) {
      const overallDueAt = await dueAtOf(
        { start: state.openedAt, limit: definition.totalLimit, unitCode: state.receivingUnit, ...cutoff },
        'retry-later',
      );
      state = { ...state, clock: { ...state.clock, overallDueAt } };
    }
    publishDossier(state);
    started = true;
    busy = false;
  }

  // Project every new state to the read model (the latest one when several decisions landed meanwhile); stop when
  // the dossier is closed or Temporal suggests continuing as new, once everything is projected and no handler runs.
  // In SLA runs the wait is also a durable Temporal timer until the next reminder or due time: a decision that
  // changes the state ends the wait first and cancels that timer (condition with a timeout), and the next wait
  // is set from the new state, so timers follow steps, pauses, extensions and continue-as-new.
  const wake = () =>
    state.seq > projectedSeq || state.currentStep === null || (workflowInfo().continueAsNewSuggested && !busy);
  for (;;) {
    const timer = sla ? nextTimer(state) : null;
    if (timer && !wake()) {
      const ms = Date.parse(timer.at) - Date.now();
      if (ms > 0 && (await condition(wake, ms))) continue;
      // Due. A decision being applied may still change the step: wait for it, then fire only what is still due.
      await condition(() => !busy);
      if (!sameTimer(nextTimer(state), timer) || Date.parse(timer.at) > Date.now()) continue;
      const fired = fireTimer(state, timer, nowIso(), settings.escalationRole);
      state = fired.state;
      log.info('dossier timer fired', {
        dossierId: state.dossierId,
        step: state.currentStep,
        kind: timer.kind,
        scope: timer.scope,
      });
      await attend('notify', () => notify({ notice: fired.notice }), 'skip');
      continue;
    }
    await condition(wake);
    if (state.seq > projectedSeq) {
      // Each attempt projects the latest state: decisions may land while a flagged dossier waits to retry.
      const projected = await attend(
        'projectDossier',
        async () => {
          const snapshot = state;
          await projectDossier({ state: snapshot });
          return snapshot.seq;
        },
        'retry-later',
      );
      if (projected !== undefined) projectedSeq = projected;
      continue;
    }
    await condition(allHandlersFinished);
    if (state.seq === projectedSeq) break;
  }
  if (state.currentStep !== null) {
    // A transferred dossier goes on with the definition it was moved to.
    await continueAsNew<typeof dossierWorkflow>({ ...input, definition, carriedState: state });
  }
  return state;
}
