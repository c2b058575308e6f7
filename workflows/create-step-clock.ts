import { ApplicationFailure } from '@temporalio/workflow';
import type { DossierActivities } from '../activities/dossier-activities';
import type { ProcessDefinition, StepDefinition, slaSettingsOf } from '../domain/process/process-definition';
import { FailureType } from '../domain/process/failure-types';
import { scheduleOf } from '../domain/process/schedule-of';
import { fixedDueDateOf } from '../domain/process/fixed-due-date-of';
import { clockStartAt } from '../domain/calendar/clock-start-at';
import { isElapsedLimit, reminderAtOf } from '../domain/sla/sla-clock';
import type { Attention, OnBadInput } from './create-attention';
import type { DossierState } from './messages';

/** A procedure's own cut-off, as it goes with each due-time request (absent for definitions without one). */
export type CutoffOption = { cutoff?: NonNullable<ProcessDefinition['cutoff']> };

/** What the step clock reads of its run: the run's patches, activities and the definition it runs now. */
export interface StepClockContext {
  sla: boolean;
  workingReminders: boolean;
  attend: Attention['attend'];
  activities: Pick<DossierActivities, 'computeDueAt' | 'computeReminderAt' | 'computeScheduledDue' | 'shiftDueTimes'>;
  /** The definition the dossier runs now (a transfer changes it), its cut-off and its SLA settings. */
  definition(): ProcessDefinition;
  cutoff(): CutoffOption;
  settings(): ReturnType<typeof slaSettingsOf>;
}

/**
 * How a dossier's steps get their clocks: due times, reminders, periodic schedules, entering a step and resuming a
 * supplemented one. Each function reads the context when it is called and awaits exactly the activities it did
 * when it lived in the workflow function (an extra await would reorder commands against recorded histories).
 */
export function createStepClock(ctx: StepClockContext) {
  /** computeDueAt through createAttention (`skip` is never asked for: a due time is always needed). */
  async function dueAtOf(input: Parameters<DossierActivities['computeDueAt']>[0], onBadInput: OnBadInput) {
    const dueAt = await ctx.attend('computeDueAt', () => ctx.activities.computeDueAt(input), onBadInput);
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
    if (!ctx.workingReminders || isElapsedLimit(limit)) return reminderAtOf(from, dueAt, ctx.settings().reminderShare);
    const input = { from, dueAt, share: ctx.settings().reminderShare, unitCode, ...ctx.cutoff() };
    const at = await ctx.attend('computeReminderAt', () => ctx.activities.computeReminderAt(input), onBadInput);
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
    const schedule = step.schedule ? scheduleOf(ctx.definition(), step, after) : null;
    if (!schedule) return null;
    const due = await ctx.attend(
      'computeScheduledDue',
      () => ctx.activities.computeScheduledDue({ ...schedule, entered: at, unitCode }),
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
        {
          start: clockFrom,
          limit: step.timeLimit,
          unitCode: processingUnit,
          ...(dueBy ? { dueBy } : {}),
          ...ctx.cutoff(),
        },
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
    if (!ctx.sla || !s.clock) return entered;
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
    const shifted = await ctx.attend(
      'shiftDueTimes',
      () =>
        ctx.activities.shiftDueTimes({
          pausedAt: paused.at,
          resumeAt: at,
          dues: [
            { dueAt: paused.stepDueAt, elapsed: stepElapsed, unitCode: processingUnit },
            { dueAt: paused.reminderAt, elapsed: stepElapsed, unitCode: processingUnit },
            {
              dueAt: paused.overallDueAt,
              elapsed: isElapsedLimit(ctx.definition().totalLimit),
              unitCode: s.receivingUnit,
            },
          ],
          ...ctx.cutoff(),
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

  return { dueAtOf, reminderAt, scheduledClock, enterStep, resumeStep };
}

export type StepClock = ReturnType<typeof createStepClock>;
