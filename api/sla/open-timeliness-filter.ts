import { OPEN_TIMELINESS, type OpenTimeliness } from '../../domain/sla/timeliness';

export { OPEN_TIMELINESS, type OpenTimeliness };

/**
 * The read-model condition for an open timeliness: the `openBucket` the projection stores (see
 * DossierViewDoc.openBucket), the same field the SLA counters count by, so a list always matches its count.
 */
export function openTimelinessFilter(t: OpenTimeliness): Record<string, unknown> {
  return { openBucket: t };
}
