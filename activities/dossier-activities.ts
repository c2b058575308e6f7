import { log } from '@temporalio/activity';
import type { DossierState, NotificationRequest } from '../workflows/messages';
import type { ProcessDefinition, TimeLimit, TranchePeriod } from '../domain/process/process-definition';
import { scheduledDueAt, type ScheduledDue } from '../domain/calendar/scheduled-due-at';
import { computeDueAt, officeShareAt } from '../domain/calendar/compute-due-at';
import { shiftDueTimes, type ShiftedDue, type StoppedDue } from '../domain/calendar/shift-due-times';
import { dueByAt } from '../domain/calendar/due-by-at';
import type { WorkingCalendar } from '../domain/calendar/working-calendar';
import type { Models } from '../storage/create-models';
import { projectDossierState } from '../read-model/project-dossier-state';
import { insertManyIgnoringDuplicates } from '../storage/insert-many-ignoring-duplicates';
import { DefinitionMissingError, failFastOnBadInput } from './bad-input-failure';
import { createMoneyActivities, type MoneyActivities } from './money-activities';

export interface DossierActivityDeps {
  models: Models;
  calendar: WorkingCalendar;
}

/** The worker's activities: the dossier's own and the money ones (activities/money-activities.ts). */
export interface DossierActivities extends MoneyActivities {
  /**
   * The due time of a step starting at `start`; pure given the calendar, so retries are harmless. Input the
   * calendar cannot place fails without retrying (InvalidInput), and the decision that needed it is refused. With
   * `dueBy` (a step due by a fixed date, only definitions that declare it send one) the due time is that day's close
   * of office hours (dueByAt) and `limit` is not counted. `cutoff` is the procedure's own daily cut-off (only
   * definitions that declare one send it); without it the calendar's applies.
   */
  computeDueAt(input: {
    start: string;
    limit: TimeLimit;
    unitCode: string;
    dueBy?: string;
    cutoff?: string;
  }): Promise<string>;
  /**
   * When a step counted in working time is reminded: `share` of the office time from `from` to `dueAt` on the unit's
   * calendar (officeShareAt), so a reminder lands in office hours. Pure given the calendar; bad input fails without
   * retry. Called only by runs with WORKING_REMINDER_PATCH.
   */
  computeReminderAt(input: {
    from: string;
    dueAt: string;
    share: number;
    unitCode: string;
    cutoff?: string;
  }): Promise<string>;
  /**
   * The clock of a step on a periodic tranche's schedule (scheduledDueAt): instance `instance`'s due time on the
   * unit's calendar, when its clock starts, and its period. Pure given the calendar; bad input fails without retry.
   */
  computeScheduledDue(input: {
    period: TranchePeriod;
    firstMonth: string;
    instance: number;
    entered: string;
    unitCode: string;
  }): Promise<ScheduledDue>;
  /**
   * Brings the read model and the audit log up to `state`. Idempotent: the read model ignores a seq it has
   * already applied, and audit entries are keyed by dossier and seq. A database error fails the attempt and
   * Temporal retries it; data the database refuses, or a definition missing from the registry, fails it without
   * retry (see failFastOnBadInput), and the workflow flags the dossier for an operator.
   */
  projectDossier(input: { state: DossierState }): Promise<void>;
  /**
   * Resumes a stopped clock: each due time (null stays null) keeps the time it had left at `pausedAt` — office time
   * on the unit's calendar, or plain elapsed time for `elapsed` limits — counted again from `resumeAt`. A due time
   * already passed when the clock stopped stays as it was (the step stays late). `cutoff` is the procedure's own
   * daily cut-off, as for computeDueAt (domain/calendar/shift-due-times.ts). Pure given the calendar.
   */
  shiftDueTimes(input: {
    pausedAt: string;
    resumeAt: string;
    dues: StoppedDue[];
    cutoff?: string;
  }): Promise<(ShiftedDue | null)[]>;
  /**
   * Stores one notification per recipient. Idempotent: ids are derived from the dossier, the step entry, the kind,
   * the due time and the recipient, and an existing one is left alone, so a retry (or a replayed timer) notifies nobody
   * twice.
   */
  notify(input: { notice: NotificationRequest }): Promise<void>;
}

export function createDossierActivities(deps: DossierActivityDeps): DossierActivities {
  const definitions = new Map<string, ProcessDefinition>();
  async function loadDefinition(key: string, version: number): Promise<ProcessDefinition> {
    const id = `${key}@${version}`;
    const cached = definitions.get(id);
    if (cached) return cached;
    const doc = await deps.models.ProcessDefinition.findById(id).lean();
    if (!doc) throw new DefinitionMissingError(id);
    definitions.set(id, doc.definition);
    return doc.definition;
  }
  return {
    ...createMoneyActivities({ models: deps.models }),
    computeDueAt: ({ start, limit, unitCode, dueBy, cutoff }) =>
      failFastOnBadInput(() =>
        dueBy
          ? dueByAt(deps.calendar, dueBy, unitCode)
          : computeDueAt(deps.calendar, start, limit, unitCode, cutoff ? { cutoff } : {}),
      ),
    computeReminderAt: ({ from, dueAt, share, unitCode, cutoff }) =>
      failFastOnBadInput(() =>
        officeShareAt(deps.calendar, { from, due: dueAt, share, unitCode, ...(cutoff ? { cutoff } : {}) }),
      ),
    computeScheduledDue: (input) => failFastOnBadInput(() => scheduledDueAt(deps.calendar, input)),
    projectDossier: ({ state }) =>
      failFastOnBadInput(async () => {
        const definition = await loadDefinition(state.processKey, state.processVersion);
        const { recovered } = await projectDossierState(deps.models, definition, state);
        // An earlier projection of this dossier was interrupted between its document and its counters (a crash).
        if (recovered.length > 0)
          log.warn('applied pending SLA counter updates', {
            dossierId: state.dossierId,
            seq: state.seq,
            tokens: recovered,
          });
      }),
    shiftDueTimes: (input) => failFastOnBadInput(() => shiftDueTimes(deps.calendar, input)),
    notify: ({ notice }) =>
      failFastOnBadInput(async () => {
        const docs = notice.recipients.map((r) => ({
          // The due time is part of the key: a deadline moved by a recompute may be reminded and escalated again.
          _id: `${notice.dossierId}#${notice.stepKey}#${notice.kind}-${notice.scope}#${notice.dueAt ?? ''}#${r.role}@${r.unitCode}`,
          dossierId: notice.dossierId,
          processKey: notice.processKey,
          kind: notice.kind,
          scope: notice.scope,
          step: notice.step,
          dueAt: notice.dueAt ? new Date(notice.dueAt) : null,
          recipientRole: r.role,
          recipientUnit: r.unitCode,
          at: new Date(notice.at),
          readBy: [],
          ...(notice.period ? { period: notice.period } : {}),
        }));
        await insertManyIgnoringDuplicates(deps.models.Notification.collection, docs);
      }),
  };
}
