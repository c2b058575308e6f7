import type { DossierState } from '../process/dossier-state';
import { closedOnTime } from './closed-on-time';
import type { Timeliness } from './timeliness';

/**
 * A dossier's timeliness as the workflow's own timers recorded it (kept by the read model, see
 * DossierViewDoc.timeliness, and counted by the SLA counters): closed on time or late; open and escalated
 * (overdue), reminded (near due) or neither; null while its clock is stopped or it has no due time. Unlike
 * timelinessOf, it reads no clock: it changes only when the workflow records something.
 */
export function recordedTimeliness(state: DossierState): Timeliness | null {
  if (state.closedAt) return closedOnTime(state) ? 'on_time' : 'late';
  const clock = state.clock;
  if (!clock || clock.paused || !state.dueAt) return null;
  if (clock.escalatedAt) return 'overdue';
  if (clock.remindedAt) return 'near_due';
  return 'not_due';
}
