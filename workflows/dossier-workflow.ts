import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { DossierActivities } from '../activities/dossier-activities';
import { refusalFailure, refusalOfActivity } from './refusal-failure';
import { createAttention, type OnBadInput } from './create-attention';
import {
  decide,
  getState,
  opened,
  transfer,
  type TransferInput,
  type TransferResult,
  type ActorRef,
  type DecideInput,
  type DecideResult,
  type DecisionRecord,
  type DossierState,
  type DossierWorkflowInput,
} from './messages';
import { slaSettingsOf, type StepDefinition } from '../domain/process/process-definition';
import { findStep } from '../domain/process/find-step';
import { planDecision, type DecisionPlan } from '../domain/process/plan-decision';
import {
  checkSupplementAllowance,
  isClockAction,
  planClockAction,
  type ClockPlan,
} from '../domain/process/plan-clock-action';
import {
  clockForState,
  fireTimer,
  handoffTimeliness,
  isElapsedLimit,
  nextTimer,
  pauseClock,
  reminderAtOf,
  sameTimer,
} from '../domain/sla/sla-clock';
import { FailureType } from '../domain/process/failure-types';
import { planMoney, type MoneyPlan } from '../domain/funds/plan-money';
import { createMoneyRunner } from './run-money-ops';
import { trancheFacts } from '../domain/funds/tranche-facts';
import { clockStartAt } from '../domain/calendar/clock-start-at';
import { applySignature, signOffAfter } from '../domain/process/apply-signature';
import { scheduleOf } from '../domain/process/schedule-of';
import { fixedDueDateOf } from '../domain/process/fixed-due-date-of';
import { hasTransfer, planTransfer } from '../domain/process/transition-transfer';
import {
  DOSSIER_DUE_AT,
  DOSSIER_LEVEL,
  DOSSIER_PROCESS,
  DOSSIER_STATUS,
  DOSSIER_STEP,
  DOSSIER_UNIT,
} from './search-attributes';

/**
 * Activities retry until they succeed: all are idempotent (the read model ignores stale seq numbers, due times
 * are pure functions of their input, notifications have derived ids), and giving up would leave the read model
 * behind the workflow. While the database is down a decision therefore stays in flight; the API answers 202 after
 * its own wait. Input an activity cannot use fails it without retry: the decision that needed it is refused (see
 * refusalOfActivity), or the dossier is flagged for an operator (see createAttention).
 */
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
const remoteActivities = proxyActivities<DossierActivities>({ startToCloseTimeout: '30 seconds', retry });
/**
 * The same activities as local activities: they run in this worker within the workflow task that asks for them,
 * so a decision (due time, projection) costs one workflow task instead of a scheduled activity task per step
 * and the workflow task that follows each. Past `localRetryThreshold` a retry waits on a durable timer, so a long
 * database outage behaves as it does with remote activities.
 */
const localActivities = proxyLocalActivities<DossierActivities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry,
});

/**
 * The local activities of runs that flag dossiers for an operator (ATTENTION_PATCH): the same retries, bounded to
 * ATTEMPT_WINDOW per call, after which the dossier is flagged and the call is made again (createAttention).
 */
const ATTEMPT_WINDOW = '5 minutes';
const attendedActivities = proxyLocalActivities<DossierActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: ATTEMPT_WINDOW,
  localRetryThreshold: '10 seconds',
  retry,
});
/**
 * The projection of those runs, as a scheduled (not local) activity. A local activity runs inside the workflow task
 * that asks for it, and a decision's update is not durable until that task completes: when Temporal drops the task
 * (the caller of an update that was never accepted went away), the update never happened, but a local projection
 * would already have written its read model and audit entry — a phantom decision the fault run found, which the API
 * then believed. A scheduled activity starts only once the task, and the update with it, is in the history.
 */
const attendedProjection = proxyActivities<DossierActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: ATTEMPT_WINDOW,
  retry,
});

const nowIso = (): string => new Date(Date.now()).toISOString();

/**
 * Marks runs that keep the SLA clock (overall due time, reminder and escalation timers, stopped clock during
 * supplement, extension, recompute). A run whose history started before it replays without it, command for
 * command, and picks the clock up on its next continue-as-new.
 */
export const SLA_PATCH = 'sla-clock-v1';

/** Marks runs whose activities are local activities (see localActivities); older runs keep remote ones. */
export const LOCAL_ACTIVITIES_PATCH = 'local-activities-v1';

/**
 * Marks runs that flag a dossier for an operator when an activity keeps failing (createAttention): work that
 * failed for good is retried later instead of failing the run, and a notification that cannot be stored is
 * skipped. They also project the read model in a scheduled activity (attendedProjection), never inside the
 * workflow task of an update not yet durable. Older runs replay as they were recorded.
 */
export const ATTENTION_PATCH = 'attention-v1';

/**
 * Marks runs that place a step's reminder in working time: `reminderShare` of the office time between the clock's
 * start and the due time, computed on the calendar by an activity (computeReminderAt), for steps counted in working
 * days or hours. Older runs replay with the clock-time share they recorded.
 */
export const WORKING_REMINDER_PATCH = 'working-time-reminder-v1';

/**
 * Marks the first transfer of a run (the `transfer` update of a transition plan): runs recorded before it never
 * received one, so it guards nothing they did; it is checked where a transfer is applied so that a history holding
 * one replays only on code that knows transfers.
 */
export const TRANSFER_PATCH = 'transition-transfer-v1';

/** Every patch the workflow branches on: the replay test requires a recorded history with each one active. */
export const WORKFLOW_PATCHES = [
  SLA_PATCH,
  LOCAL_ACTIVITIES_PATCH,
  ATTENTION_PATCH,
  WORKING_REMINDER_PATCH,
  TRANSFER_PATCH,
] as const;

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
  // (Activity proxies have no own properties to spread: each function is taken by name.)
  const chosen = attending ? attendedActivities : local ? localActivities : remoteActivities;
  const { computeDueAt, computeReminderAt, computeScheduledDue, shiftDueTimes, notify } = chosen;
  const projectDossier = attending ? attendedProjection.projectDossier : chosen.projectDossier;
  const { attend } = createAttention(attending);
  const workingReminders = sla && patched(WORKING_REMINDER_PATCH);
  // A procedure's own cut-off goes with each due-time request; definitions without one send exactly what they did.
  let cutoff: { cutoff?: NonNullable<typeof definition.cutoff> } = definition.cutoff
    ? { cutoff: definition.cutoff }
    : {};
  const runMoney = createMoneyRunner();
  let settings = slaSettingsOf(definition);
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
   * Applies a transfer (TRANSFER_CLOCK_RULE): the target step is entered on the transfer instant on the new chain,
   * with its full time limit on the new unit's calendar; the overall due time is kept. The definition is switched
   * only once every activity has answered, so a refused transfer (InvalidInput from the calendar) changes nothing.
   */
  async function applyTransfer(s: DossierState, move: TransferInput): Promise<DossierState> {
    const planned = planTransfer(s, move);
    if (!planned.ok) throw refusalFailure(planned);
    const { step } = planned;
    const target = move.definition;
    const previous = { definition, cutoff, settings };
    const at = nowIso();
    const seq = s.seq + 1;
    const moving: DossierState = { ...s, units: move.units, processKey: target.key, processVersion: target.version };
    definition = target;
    cutoff = target.cutoff ? { cutoff: target.cutoff } : {};
    settings = slaSettingsOf(target);
    let entered: Partial<DossierState>;
    try {
      entered = await enterStep(moving, step, at, seq, 'refuse');
    } catch (error) {
      ({ definition, cutoff, settings } = previous);
      throw error;
    }
    const unitCode = move.units[step.level] ?? '';
    const record: DecisionRecord = {
      seq,
      action: 'transfer',
      fromStep: s.currentStep,
      toStep: step.id,
      actor: move.actor,
      at,
      comment: move.reason,
      stepDueAt: s.dueAt,
      onTime: s.dueAt === null ? true : at <= s.dueAt,
      ...(sla ? { to: { role: step.role, unitCode }, stepTimeliness: handoffTimeliness(at, s.dueAt) } : {}),
      transfer: {
        transferId: move.transferId,
        from: {
          processKey: s.processKey,
          processVersion: s.processVersion,
          step: s.currentStep,
          unitCode: s.processingUnit,
        },
        to: { processKey: target.key, processVersion: target.version, step: step.id, unitCode },
      },
    };
    const next: DossierState = {
      ...moving,
      ...entered,
      ...(s.signOff !== undefined ? { signOff: null } : {}),
      ...signOffAfter(target, step),
      history: [...s.history, record],
      seq,
    };
    publish(next);
    log.info('dossier transferred', { dossierId: s.dossierId, from: s.currentStep, to: step.id, unit: unitCode });
    return next;
  }

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

  /** computeDueAt through createAttention (`skip` is never asked for: a due time is always needed). */
  async function dueAtOf(input: Parameters<DossierActivities['computeDueAt']>[0], onBadInput: OnBadInput) {
    const dueAt = await attend('computeDueAt', () => computeDueAt(input), onBadInput);
    if (dueAt === undefined) throw new Error('computeDueAt skipped');
    return dueAt;
  }

  /**
   * When a step whose clock runs from `from` to `dueAt` is reminded: in runs with WORKING_REMINDER_PATCH and a limit
   * counted in working time, the reminder share of its office time (an activity on the unit's calendar, so never on a
   * Saturday morning); otherwise the share of the clock time, as older runs recorded it.
   */
  async function reminderAt(
    from: string,
    dueAt: string,
    limit: StepDefinition['timeLimit'],
    unitCode: string,
    onBadInput: OnBadInput,
  ): Promise<string | null> {
    if (!workingReminders || isElapsedLimit(limit)) return reminderAtOf(from, dueAt, settings.reminderShare);
    const input = { from, dueAt, share: settings.reminderShare, unitCode, ...cutoff };
    const at = await attend('computeReminderAt', () => computeReminderAt(input), onBadInput);
    if (at === undefined) throw new Error('computeReminderAt skipped');
    return at;
  }

  /**
   * The clock of a step on a periodic tranche's schedule (only definitions that declare `schedule`), from the facts
   * and money the decision leaves (`after`): an activity on the unit's calendar. Null for any other step, and for a
   * dossier whose facts lack the schedule's start month (the step then keeps its `timeLimit`).
   */
  async function scheduledClock(
    step: StepDefinition,
    at: string,
    unitCode: string,
    after: Pick<DossierState, 'facts' | 'money'>,
    onBadInput: OnBadInput,
  ) {
    const schedule = step.schedule ? scheduleOf(definition, step, after) : null;
    if (!schedule) return null;
    const due = await attend(
      'computeScheduledDue',
      () => computeScheduledDue({ ...schedule, entered: at, unitCode }),
      onBadInput,
    );
    if (due === undefined) throw new Error('computeScheduledDue skipped');
    return { ...due, unit: schedule.period.unit };
  }

  /** The step's unit, due time (an activity on the calendar) and, in SLA runs, its fresh clock. */
  async function enterStep(
    s: DossierState,
    step: StepDefinition,
    at: string,
    stepKey: number,
    onBadInput: OnBadInput = 'refuse',
    after: Pick<DossierState, 'facts' | 'money'> = s,
  ): Promise<Partial<DossierState>> {
    const processingUnit = s.units[step.level];
    if (!processingUnit) {
      throw ApplicationFailure.create({
        type: FailureType.DefinitionError,
        message: `no unit for level ${step.level}`,
      });
    }
    // A step on a periodic schedule (only definitions that declare `schedule`) is due on its instance's day. Other
    // steps await nothing more than before: an extra await would let the main loop's timer command go first on replay.
    const scheduled = step.schedule ? await scheduledClock(step, at, processingUnit, after, onBadInput) : null;
    // A step with `clockStarts` (only definitions that declare it) counts its time from that day, e.g. 5 September.
    const clockFrom = scheduled?.clockFrom ?? (step.clockStarts ? clockStartAt(at, step.clockStarts) : at);
    // A step with `dueBy` (only definitions that declare it) is due by a fixed date, e.g. 22/02/2024.
    const dueBy = fixedDueDateOf(step, s.facts);
    const dueAt =
      scheduled?.dueAt ??
      (await dueAtOf(
        { start: clockFrom, limit: step.timeLimit, unitCode: processingUnit, ...(dueBy ? { dueBy } : {}), ...cutoff },
        onBadInput,
      ));
    const entered: Partial<DossierState> = {
      currentStep: step.id,
      currentLevel: step.level,
      currentRole: step.role,
      processingUnit,
      stepStartedAt: at,
      dueAt,
    };
    if (!sla || !s.clock) return entered;
    const { period: _left, ...carried } = s.clock;
    return {
      ...entered,
      clock: {
        ...carried,
        ...(scheduled ? { period: { month: scheduled.period, unit: scheduled.unit } } : {}),
        reminderAt: await reminderAt(clockFrom, dueAt, step.timeLimit, processingUnit, onBadInput),
        stepKey,
        remindedAt: null,
        escalatedAt: null,
        stepLimit: step.timeLimit,
        stepClockFrom: clockFrom,
        paused: null,
      },
    };
  }

  /**
   * A supplemented dossier resumes at the step that returned it with the time it had left when it was returned:
   * the remaining working (or elapsed) time of the step, its reminder and the overall limit is counted again from
   * now on the calendar (an activity), so the days the applicant took do not count.
   */
  async function resumeStep(
    s: DossierState,
    step: StepDefinition,
    at: string,
    stepKey: number,
  ): Promise<Partial<DossierState>> {
    const clock = s.clock;
    const paused = clock?.paused;
    const processingUnit = s.units[step.level];
    if (!clock || !paused || !paused.stepDueAt || !processingUnit) return enterStep(s, step, at, stepKey);
    const stepElapsed = isElapsedLimit(step.timeLimit);
    const shifted = await attend(
      'shiftDueTimes',
      () =>
        shiftDueTimes({
          pausedAt: paused.at,
          resumeAt: at,
          dues: [
            { dueAt: paused.stepDueAt, elapsed: stepElapsed, unitCode: processingUnit },
            { dueAt: paused.reminderAt, elapsed: stepElapsed, unitCode: processingUnit },
            { dueAt: paused.overallDueAt, elapsed: isElapsedLimit(definition.totalLimit), unitCode: s.receivingUnit },
          ],
          ...cutoff,
        }),
      'refuse',
    );
    const [due, reminder, overall] = shifted ?? [];
    return {
      currentStep: step.id,
      currentLevel: step.level,
      currentRole: step.role,
      processingUnit,
      stepStartedAt: at,
      dueAt: due?.dueAt ?? paused.stepDueAt,
      clock: {
        ...clock,
        paused: null,
        overallDueAt: overall?.dueAt ?? null,
        reminderAt: reminder?.dueAt ?? null,
        stepKey,
        remindedAt: paused.remindedAt,
        escalatedAt: paused.escalatedAt,
        stepLimit: { amount: (due?.remainingMs ?? 0) / 3600_000, unit: stepElapsed ? 'hours' : 'working_hours' },
        stepClockFrom: at,
      },
    };
  }

  /** Extension (pure) or recompute (one activity on today's calendar); recorded in the history either way. */
  async function applyClockAction(s: DossierState, plan: ClockPlan, decision: DecideInput): Promise<DossierState> {
    const clock = s.clock;
    if (!clock)
      throw ApplicationFailure.create({
        type: FailureType.ActionNotAllowed,
        message: 'no SLA clock',
        nonRetryable: true,
      });
    const at = nowIso();
    const base = {
      seq: s.seq + 1,
      fromStep: s.currentStep,
      toStep: s.currentStep,
      actor: decision.actor,
      at,
      comment: plan.reason,
    };
    let next: DossierState;
    if (plan.kind === 'extend') {
      const record: DecisionRecord = {
        ...base,
        action: 'extend',
        previousDueAt: plan.previousDueAt,
        newDueAt: plan.newDueAt,
      };
      next = {
        ...s,
        clock: {
          ...clock,
          overallDueAt: plan.newDueAt,
          overallEscalatedAt: null,
          extension: {
            at,
            by: decision.actor,
            reason: plan.reason,
            previousDueAt: plan.previousDueAt,
            newDueAt: plan.newDueAt,
          },
        },
        history: [...s.history, record],
        seq: record.seq,
      };
    } else {
      const step = s.currentStep ? findStep(definition, s.currentStep) : undefined;
      const from = clock.stepClockFrom ?? s.stepStartedAt;
      const limit = clock.stepLimit ?? step?.timeLimit;
      if (!from || !limit || !s.processingUnit) {
        throw ApplicationFailure.create({
          type: FailureType.ActionNotAllowed,
          message: 'the current step has no clock to recompute',
          nonRetryable: true,
        });
      }
      // A scheduled step's deadline is its instance's day again (on today's calendar), not a limit from its start.
      const scheduled = step?.schedule ? await scheduledClock(step, from, s.processingUnit, s, 'refuse') : null;
      const dueBy = step ? fixedDueDateOf(step, s.facts) : null;
      const dueAt =
        scheduled?.dueAt ??
        (await dueAtOf(
          { start: from, limit, unitCode: s.processingUnit, ...(dueBy ? { dueBy } : {}), ...cutoff },
          'refuse',
        ));
      const now = Date.now();
      const reminder = clock.remindedAt
        ? clock.reminderAt
        : await reminderAt(from, dueAt, limit, s.processingUnit, 'refuse');
      const record: DecisionRecord = { ...base, action: 'recompute_deadline', previousDueAt: s.dueAt, newDueAt: dueAt };
      next = {
        ...s,
        dueAt,
        clock: {
          ...clock,
          reminderAt: reminder,
          // A deadline moved into the future is not breached any more: its escalation may fire again.
          escalatedAt: Date.parse(dueAt) > now ? null : clock.escalatedAt,
        },
        history: [...s.history, record],
        seq: record.seq,
      };
      publish(next);
    }
    log.info('dossier clock action', { dossierId: s.dossierId, step: s.currentStep, action: decision.action });
    return next;
  }

  async function applyDecision(s: DossierState, plan: DecisionPlan, decision: DecideInput): Promise<DossierState> {
    // A signature that leaves the sign-off step still awaiting others (only definitions that declare signOff).
    if (plan.holds) {
      const signed = applySignature(s, plan, decision, nowIso());
      publish(signed);
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
    publish(state);
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
        ...(input.overlapOverride ? { overlapOverride: input.overlapOverride } : {}),
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
