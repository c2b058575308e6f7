import type { Timeliness } from '../../workflows/timeliness';
import { ValidationError } from '../errors';

/**
 * The timeliness of a dossier that is still open, plus `stopped`: returned for supplement, its clock stopped (no
 * due time).
 */
export type OpenTimeliness = Extract<Timeliness, 'not_due' | 'near_due' | 'overdue'> | 'stopped';
export const OPEN_TIMELINESS: OpenTimeliness[] = ['not_due', 'near_due', 'overdue', 'stopped'];

/**
 * The read-model condition for each open timeliness, as index-friendly ranges on the stored times. `stopped` is
 * any dossier awaiting supplement (also one carried over from before the SLA clock, which still has a due time
 * but whose timers the workflow holds) or without a due time; the other buckets exclude what awaits supplement,
 * so the buckets add up to the open dossiers.
 */
export function openTimelinessFilter(t: OpenTimeliness, now: Date): Record<string, unknown> {
  if (t === 'stopped') return { $or: [{ status: 'awaiting_supplement' }, { dueAt: null }] };
  const running = { status: { $ne: 'awaiting_supplement' } };
  if (t === 'overdue') return { ...running, dueAt: { $lt: now } };
  if (t === 'near_due') return { ...running, nearDueAt: { $lte: now }, dueAt: { $gte: now } };
  return { ...running, nearDueAt: { $gt: now } };
}

/** A `timeliness` query parameter: undefined when absent, 422 when it is not an open timeliness. */
export function parseOpenTimeliness(raw: unknown): OpenTimeliness | undefined {
  if (raw === undefined) return undefined;
  const t = String(raw) as OpenTimeliness;
  if (!OPEN_TIMELINESS.includes(t)) {
    throw new ValidationError([{ path: '/query/timeliness', keyword: 'enum', message: { vi: 'Chỉ nhận not_due, near_due, overdue, stopped', en: 'one of not_due, near_due, overdue, stopped' } }]);
  }
  return t;
}
