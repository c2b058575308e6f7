import { OPEN_TIMELINESS, type OpenTimeliness } from '../../domain/sla/timeliness';
import { ValidationError } from '../errors';

export { OPEN_TIMELINESS, type OpenTimeliness };

/**
 * The read-model condition for an open timeliness: the `openBucket` the projection stores (see
 * DossierViewDoc.openBucket), the same field the SLA counters count by, so a list always matches its count.
 */
export function openTimelinessFilter(t: OpenTimeliness): Record<string, unknown> {
  return { openBucket: t };
}

/** A `timeliness` query parameter: undefined when absent, 422 when it is not an open timeliness. */
export function parseOpenTimeliness(raw: unknown): OpenTimeliness | undefined {
  if (raw === undefined) return undefined;
  const t = String(raw) as OpenTimeliness;
  if (!OPEN_TIMELINESS.includes(t)) {
    throw new ValidationError([
      {
        path: '/query/timeliness',
        keyword: 'enum',
        message: {
          vi: 'Chỉ nhận not_due, near_due, overdue, stopped',
          en: 'one of not_due, near_due, overdue, stopped',
        },
      },
    ]);
  }
  return t;
}
