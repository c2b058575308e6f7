import { ApplicationFailure, log } from '@temporalio/workflow';
import type { ProcessDefinition } from '../domain/process/process-definition';
import { FailureType } from '../domain/process/failure-types';
import { findStep } from '../domain/process/find-step';
import { fixedDueDateOf } from '../domain/process/fixed-due-date-of';
import type { ClockPlan } from '../domain/process/plan-clock-action';
import type { CutoffOption, StepClock } from './create-step-clock';
import type { DecideInput, DecisionRecord, DossierState } from './messages';
import { nowIso } from './now-iso';
import { publishDossier } from './publish-dossier';

/**
 * Applies the clock actions (extend the overall deadline, recompute the step's deadline on today's calendar) of a
 * run whose definition, cut-off and step clock the context gives.
 */
export function createClockActionApplier(ctx: {
  definition(): ProcessDefinition;
  cutoff(): CutoffOption;
  stepClock: StepClock;
}) {
  const { stepClock } = ctx;
  /** Extension (pure) or recompute (one activity on today's calendar); recorded in the history either way. */
  return async function applyClockAction(
    s: DossierState,
    plan: ClockPlan,
    decision: DecideInput,
  ): Promise<DossierState> {
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
      const step = s.currentStep ? findStep(ctx.definition(), s.currentStep) : undefined;
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
      const scheduled = step?.schedule
        ? await stepClock.scheduledClock(step, from, s.processingUnit, s, 'refuse')
        : null;
      const dueBy = step ? fixedDueDateOf(step, s.facts) : null;
      const dueAt =
        scheduled?.dueAt ??
        (await stepClock.dueAtOf(
          { start: from, limit, unitCode: s.processingUnit, ...(dueBy ? { dueBy } : {}), ...ctx.cutoff() },
          'refuse',
        ));
      const now = Date.now();
      const reminder = clock.remindedAt
        ? clock.reminderAt
        : await stepClock.reminderAt(from, dueAt, limit, s.processingUnit, 'refuse');
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
      publishDossier(next);
    }
    log.info('dossier clock action', { dossierId: s.dossierId, step: s.currentStep, action: decision.action });
    return next;
  };
}
