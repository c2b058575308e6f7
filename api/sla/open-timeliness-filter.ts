import type { Timeliness } from '../../workflows/timeliness';
import { ValidationError } from '../errors';

/**
 * The timeliness of a dossier that is still open, plus `stopped`: returned for supplement, its clock stopped (no
 * due time).
 */
export type OpenTimeliness = Extract<Timeliness, 'not_due' | 'near_due' | 'overdue'> | 'stopped';
export const OPEN_TIMELINESS: OpenTimeliness[] = ['not_due', 'near_due', 'overdue', 'stopped'];

/** The read-model condition for each open timeliness, as index-friendly ranges on the stored times. */
export function openTimelinessFilter(t: OpenTimeliness, now: Date): Record<string, unknown> {
  if (t === 'stopped') return { dueAt: null };
  if (t === 'overdue') return { dueAt: { $lt: now } };
  if (t === 'near_due') return { nearDueAt: { $lte: now }, dueAt: { $gte: now } };
  return { nearDueAt: { $gt: now } };
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
