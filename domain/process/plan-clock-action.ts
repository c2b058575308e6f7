import { ADMIN_ROLE } from './admin-role';
import { FailureType } from './failure-types';
import { mayActOnClock } from './may-act-on-clock';
import { refusal, type Refusal } from './refusal';
import { CLOCK_ACTIONS, type ClockAction, type DecideInput, type DossierState } from './dossier-state';
import { slaSettingsOf, type ProcessDefinition } from './process-definition';

export type ClockPlan =
  | { kind: 'extend'; reason: string; newDueAt: string; previousDueAt: string }
  | { kind: 'recompute_deadline'; reason: string };

export type ClockPlanResult = { ok: true; plan: ClockPlan } | Refusal;

export const isClockAction = (action: string): action is ClockAction =>
  (CLOCK_ACTIONS as readonly string[]).includes(action);

/**
 * Whether a clock action may be taken now (`now` is the workflow's time) and with what. Pure, so the update
 * validator refuses synchronously and the handler checks again under the lock. Messages carry codes only.
 * - `extend`: by the processing unit (the step's role or the escalation role there), with a reason, while the
 *   dossier runs and is not yet late; once per dossier; the new time must be after the current overall due time.
 * - `recompute_deadline`: by an administrator or the escalation role of a unit of the dossier, with a reason,
 *   while the clock runs.
 */
export function planClockAction(
  definition: ProcessDefinition,
  state: DossierState,
  input: DecideInput,
  now: number,
): ClockPlanResult {
  const refuse = refusal;
  const { escalationRole } = slaSettingsOf(definition);
  const clock = state.clock;
  if (state.currentStep === null)
    return refuse(FailureType.ActionNotAllowed, `dossier is closed (${state.outcome ?? state.status})`);
  if (!clock)
    return refuse(
      FailureType.ActionNotAllowed,
      `action '${input.action}' needs the SLA clock, which this dossier's run does not keep yet`,
    );
  if (clock.paused) {
    return refuse(
      FailureType.ActionNotAllowed,
      `the clock is stopped while the dossier waits for the applicant's supplement`,
    );
  }
  const reason = input.comment?.trim() ?? '';

  if (input.action === 'extend') {
    if (!mayActOnClock(definition, state, 'extend', input.actor)) {
      return refuse(
        FailureType.ActorNotPermitted,
        `an extension is issued by role '${state.currentRole ?? '?'}' or '${escalationRole}' of the processing unit '${state.processingUnit ?? '?'}'`,
      );
    }
    if (!reason)
      return refuse(FailureType.RequirementMissing, `action 'extend' requires a comment (reason)`, 'comment');
    if (clock.extension)
      return refuse(FailureType.LimitReached, `the dossier was already extended once (to ${clock.extension.newDueAt})`);
    if (!clock.overallDueAt)
      return refuse(FailureType.ActionNotAllowed, `the dossier has no overall due time to extend`);
    if (now > Date.parse(clock.overallDueAt)) {
      return refuse(
        FailureType.ActionNotAllowed,
        `the dossier is already late (due ${clock.overallDueAt}); an extension must come before`,
      );
    }
    const newDue = input.newDueAt ? Date.parse(input.newDueAt) : Number.NaN;
    if (Number.isNaN(newDue))
      return refuse(FailureType.InvalidInput, `newDueAt: a new promised time is required`, 'newDueAt');
    if (newDue <= Date.parse(clock.overallDueAt)) {
      return refuse(
        FailureType.InvalidInput,
        `newDueAt: the new time must be after the current due time ${clock.overallDueAt}`,
        'newDueAt',
      );
    }
    return {
      ok: true,
      plan: { kind: 'extend', reason, newDueAt: new Date(newDue).toISOString(), previousDueAt: clock.overallDueAt },
    };
  }

  if (input.action === 'recompute_deadline') {
    if (!mayActOnClock(definition, state, 'recompute_deadline', input.actor)) {
      return refuse(
        FailureType.ActorNotPermitted,
        `a deadline is recomputed by role '${ADMIN_ROLE}' or '${escalationRole}' of one of the dossier's units`,
      );
    }
    if (!reason)
      return refuse(
        FailureType.RequirementMissing,
        `action 'recompute_deadline' requires a comment (reason)`,
        'comment',
      );
    if (!state.dueAt) return refuse(FailureType.ActionNotAllowed, `the current step has no due time`);
    return { ok: true, plan: { kind: 'recompute_deadline', reason } };
  }
  return refuse(FailureType.ActionNotAllowed, `unknown clock action '${input.action}'`);
}

/** A return for supplement beyond the definition's allowance (default once per dossier) is refused. */
export function checkSupplementAllowance(
  definition: ProcessDefinition,
  state: DossierState,
  input: DecideInput,
): ClockPlanResult | null {
  if (input.action !== 'return' || !state.clock) return null;
  const { maxSupplementReturns } = slaSettingsOf(definition);
  if (state.clock.supplementReturns < maxSupplementReturns) return null;
  return {
    ok: false,
    type: FailureType.LimitReached,
    message: `the dossier was already returned for supplement ${state.clock.supplementReturns} time(s); process '${definition.key}' allows ${maxSupplementReturns}`,
  };
}
