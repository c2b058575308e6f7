// Browser-safe and DOM-free.
import { VN_OFFSET_MS } from '../../../domain/time/vietnam-offset-ms';

/** Việt Nam has no daylight saving: months start at 00:00 UTC+7. */

export interface MonthPeriod {
  /** `mm/yyyy`, as Vietnamese dates are written. */
  label: string;
  /** `yyyy-mm`, as the API's `finished.byMonth` names it. */
  month: string;
  /** ISO instants (UTC) of the month's first moment and of the next month's, in Việt Nam's time. */
  from: string;
  to: string;
}

/**
 * The last `count` calendar months in Việt Nam's time up to and including the month of `now`, oldest first:
 * the periods the on-time rate is computed for (`from` inclusive, `to` exclusive, as GET /api/sla/summary reads them).
 */
export function lastMonths(now: Date, count: number): MonthPeriod[] {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const periods: MonthPeriod[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = Date.UTC(year, month - i, 1) - VN_OFFSET_MS;
    const end = Date.UTC(year, month - i + 1, 1) - VN_OFFSET_MS;
    const startLocal = new Date(start + VN_OFFSET_MS);
    periods.push({
      label: `${String(startLocal.getUTCMonth() + 1).padStart(2, '0')}/${startLocal.getUTCFullYear()}`,
      month: `${startLocal.getUTCFullYear()}-${String(startLocal.getUTCMonth() + 1).padStart(2, '0')}`,
      from: new Date(start).toISOString(),
      to: new Date(end).toISOString(),
    });
  }
  return periods;
}
