import type {
  ActorRef,
  DecisionRecord,
  DossierClock,
  DossierState,
  HandoffTimeliness,
  NotificationRequest,
  Recipient,
} from '../process/dossier-state';
import { vietnamDate } from '../time/vietnam-date';
import { reminderAtOf } from './reminder-at-of';

export { reminderAtOf };
import { LEVELS, type Level, type StepDefinition, type TimeLimit } from '../process/process-definition';

/**
 * The pure half of the SLA clock, shared by the workflow (its timers) and by tests: which timer is due next, what
 * firing it records and whom it notifies, how a return stops the clock. Every instant here was computed by an
 * activity on the working calendar or is a share of two such instants, so nothing reads the wall clock.
 */

const localDate = vietnamDate;

/** The actor of the workflow's own events (timers): no person, the processing unit's system. */
export const SYSTEM_USER = 'system';

/** Whether a limit counts plain elapsed time (`days`, `hours`) rather than working time. */
export const isElapsedLimit = (limit: TimeLimit | undefined): boolean =>
  limit?.unit === 'days' || limit?.unit === 'hours';

/**
 * The clock of a state that has none: a new dossier (filled in when its first step is entered) or one carried over
 * from a run before SLA timers existed. Such a dossier has no overall due time (its definition had no total
 * limit when it started); its step gets a reminder from the step's own times, and its past returns count.
 */
export function clockForState(state: DossierState, reminderShare: number): DossierClock {
  const returns = state.history.filter((h) => h.action === 'return').length;
  return {
    overallDueAt: null,
    reminderAt: reminderAtOf(state.stepStartedAt, state.dueAt, reminderShare),
    stepKey: state.seq,
    remindedAt: null,
    escalatedAt: null,
    overallEscalatedAt: null,
    stepLimit: null,
    stepClockFrom: null,
    paused: null,
    supplementReturns: returns,
    extension: null,
  };
}

export interface DueTimer {
  kind: 'reminder' | 'escalation';
  scope: 'step' | 'dossier';
  at: string;
  stepKey: number;
}

/**
 * The earliest timer still to fire for `state`, or null (closed, clock stopped for supplement, nothing left). Ties
 * go to the reminder, then to the step before the dossier, so a reminder is never recorded after its escalation.
 */
export function nextTimer(state: DossierState): DueTimer | null {
  const c = state.clock;
  // A dossier returned for supplement (also one returned before its run kept a clock) waits with its clock stopped.
  if (!c || state.currentStep === null || c.paused || state.status === 'awaiting_supplement') return null;
  const candidates: DueTimer[] = [];
  if (c.reminderAt && !c.remindedAt && !c.escalatedAt)
    candidates.push({ kind: 'reminder', scope: 'step', at: c.reminderAt, stepKey: c.stepKey });
  if (state.dueAt && !c.escalatedAt)
    candidates.push({ kind: 'escalation', scope: 'step', at: state.dueAt, stepKey: c.stepKey });
  if (c.overallDueAt && !c.overallEscalatedAt)
    candidates.push({ kind: 'escalation', scope: 'dossier', at: c.overallDueAt, stepKey: c.stepKey });
  let best: DueTimer | null = null;
  for (const t of candidates) if (!best || Date.parse(t.at) < Date.parse(best.at)) best = t;
  return best;
}

export const sameTimer = (a: DueTimer | null, b: DueTimer | null): boolean =>
  a !== null && b !== null && a.kind === b.kind && a.scope === b.scope && a.at === b.at && a.stepKey === b.stepKey;

/** trước hạn (handed on before the due day), đúng hạn (by the due time), quá hạn (after it). No due time: on time. */
export function handoffTimeliness(at: string, dueAt: string | null): HandoffTimeliness {
  if (!dueAt) return 'on_time';
  const t = Date.parse(at);
  const due = Date.parse(dueAt);
  if (t > due) return 'late';
  return localDate(t) < localDate(due) ? 'early' : 'on_time';
}

/** The escalation role in the processing unit and in the unit one level up the dossier's chain (if any). */
export function escalationRecipients(state: DossierState, escalationRole: string): Recipient[] {
  const unit = state.processingUnit;
  if (!unit || !state.currentLevel) return [];
  const recipients: Recipient[] = [{ role: escalationRole, unitCode: unit }];
  const higher = LEVELS.slice(0, LEVELS.indexOf(state.currentLevel)).reverse(); // province is first in LEVELS
  const up = higher.map((l: Level) => state.units[l]).find((u): u is string => typeof u === 'string' && u !== unit);
  if (up) recipients.push({ role: escalationRole, unitCode: up });
  return recipients;
}

/**
 * Fires `timer` on `state` at `at`: the reminder goes to the step's assignees (its role in the processing unit),
 * an escalation to the escalation role of the processing unit and the level above, and marks the step (or the
 * dossier) late. The event is recorded in the history like any decision, so the read model follows it by seq.
 */
export function fireTimer(
  state: DossierState,
  timer: DueTimer,
  at: string,
  escalationRole: string,
): { state: DossierState; notice: NotificationRequest } {
  const clock = state.clock;
  if (!clock) throw new Error('fireTimer needs a clock');
  const recipients =
    timer.kind === 'reminder'
      ? [{ role: state.currentRole ?? '', unitCode: state.processingUnit ?? '' }]
      : escalationRecipients(state, escalationRole);
  const actor: ActorRef = {
    userId: SYSTEM_USER,
    role: SYSTEM_USER,
    unitCode: state.processingUnit ?? state.receivingUnit,
  };
  const dueAt = timer.scope === 'step' ? state.dueAt : clock.overallDueAt;
  const record: DecisionRecord = {
    seq: state.seq + 1,
    action: timer.kind === 'reminder' ? 'remind' : 'escalate',
    fromStep: state.currentStep,
    toStep: state.currentStep,
    actor,
    at,
    stepDueAt: dueAt,
    scope: timer.scope,
    notified: recipients,
  };
  const nextClock: DossierClock =
    timer.kind === 'reminder'
      ? { ...clock, remindedAt: at }
      : timer.scope === 'step'
        ? { ...clock, escalatedAt: at }
        : { ...clock, overallEscalatedAt: at };
  return {
    state: { ...state, clock: nextClock, history: [...state.history, record], seq: record.seq },
    notice: {
      dossierId: state.dossierId,
      processKey: state.processKey,
      kind: timer.kind,
      scope: timer.scope,
      step: state.currentStep,
      stepKey: timer.stepKey,
      dueAt,
      at,
      recipients,
      ...(clock.period ? { period: clock.period } : {}),
    },
  };
}

/**
 * A return for supplement stops the clock: the dossier waits in the applicant's step with no due time, and what
 * was left of the returning step's time (and the overall time) is kept to resume from.
 */
export function pauseClock(
  state: DossierState,
  returningStep: StepDefinition,
  applicantStep: StepDefinition,
  at: string,
  seq: number,
): Partial<DossierState> {
  const c = state.clock;
  if (!c) throw new Error('pauseClock needs a clock');
  return {
    currentStep: applicantStep.id,
    currentLevel: applicantStep.level,
    currentRole: applicantStep.role,
    processingUnit: state.units[applicantStep.level] ?? null,
    stepStartedAt: at,
    dueAt: null,
    clock: {
      ...c,
      paused: {
        at,
        stepId: returningStep.id,
        stepDueAt: state.dueAt,
        reminderAt: c.reminderAt,
        remindedAt: c.remindedAt,
        escalatedAt: c.escalatedAt,
        overallDueAt: c.overallDueAt,
      },
      overallDueAt: null,
      reminderAt: null,
      stepKey: seq,
      remindedAt: null,
      escalatedAt: null,
      stepLimit: null,
      stepClockFrom: null,
      supplementReturns: c.supplementReturns + 1,
    },
  };
}
