import { DEFAULT_REMINDER_SHARE } from '../process/process-definition';
import { reminderAtOf } from './reminder-at-of';

/**
 * Timeliness, kept separate from a dossier's state (as Vietnamese one-stop systems do):
 * - open: `not_due` (chưa đến hạn), `near_due` (tới hạn: at least NEAR_DUE_SHARE of the step's time used),
 *   `overdue` (quá hạn);
 * - closed: `on_time` (đúng hạn) or `late` (trễ hạn), judged against the due time in force when it closed.
 * Pure, so the API, the read model and the workflow's timers all count the same way.
 */
export type Timeliness = 'not_due' | 'near_due' | 'overdue' | 'on_time' | 'late';

/**
 * Where an open dossier stands: the open timeliness, or `stopped` (returned for supplement, its clock stopped; or
 * without a due time). The read model keeps it (`openBucket`) and the SLA counters count by it.
 */
export type OpenTimeliness = Extract<Timeliness, 'not_due' | 'near_due' | 'overdue'> | 'stopped';
export const OPEN_TIMELINESS: readonly OpenTimeliness[] = ['not_due', 'near_due', 'overdue', 'stopped'];

export const TIMELINESS_VI: Record<Timeliness, string> = {
  not_due: 'chưa đến hạn',
  near_due: 'tới hạn',
  overdue: 'quá hạn',
  on_time: 'đúng hạn',
  late: 'trễ hạn',
};

/**
 * `nearDueAt`, when given (the reminder time the workflow keeps, from the definition's reminder share), replaces
 * the default share (DEFAULT_REMINDER_SHARE) of the time between `startedAt` and `dueAt`.
 */
export function timelinessOf(
  input: {
    startedAt: string | null;
    dueAt: string | null;
    closedAt: string | null;
    closedDueAt?: string | null;
    nearDueAt?: string | null;
  },
  now: number,
): Timeliness | null {
  if (input.closedAt) {
    const due = input.closedDueAt ?? input.dueAt;
    return !due || Date.parse(input.closedAt) <= Date.parse(due) ? 'on_time' : 'late';
  }
  if (!input.dueAt) return null;
  const due = Date.parse(input.dueAt);
  if (now > due) return 'overdue';
  const nearDueAt =
    input.nearDueAt ?? (input.startedAt ? reminderAtOf(input.startedAt, input.dueAt, DEFAULT_REMINDER_SHARE) : null);
  return nearDueAt !== null && now >= Date.parse(nearDueAt) ? 'near_due' : 'not_due';
}
