import { vietnamMonthOf } from '../../domain/time/vietnam-month-of';
import { VN_OFFSET_MS } from '../../domain/time/vietnam-offset-ms';

/** A `yyyy-mm` month as a count of months since year 0 (so consecutive months are consecutive numbers). */
function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

function monthOfIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first instant of the month `index` in Việt Nam time (years below 100 included: no Date.UTC 19xx mapping). */
function monthStart(index: number): Date {
  const start = new Date(0);
  start.setUTCFullYear(Math.floor(index / 12), index % 12, 1);
  return new Date(start.getTime() - VN_OFFSET_MS);
}

/**
 * The whole months (Việt Nam time) a period covers, for the finished-dossier counters: `from` rounds down to the
 * start of its month, `to` (exclusive) up to the start of the next month unless it is one already. Returns the
 * months oldest first and the rounded period; at most `maxMonths` months (the latest ones). The number of months is
 * computed before any is listed, so the work is bounded by `maxMonths` whatever the period.
 *
 * Throws RangeError (from vietnamMonthOf) for an invalid date or one outside the years 0001–9999; the API checks the
 * period's range before calling this, so that is a programming error there.
 */
export function finishedMonths(from: Date, to: Date, maxMonths = 120): { months: string[]; from: Date; to: Date } {
  const first = monthIndex(vietnamMonthOf(from));
  if (to.getTime() <= from.getTime()) return { months: [], from: monthStart(first), to: monthStart(first) };
  const last = monthIndex(vietnamMonthOf(new Date(to.getTime() - 1)));
  const count = Math.min(last - first + 1, Math.max(0, Math.floor(maxMonths)));
  const start = last - count + 1;
  const months = Array.from({ length: count }, (_, i) => monthOfIndex(start + i));
  return { months, from: monthStart(start), to: monthStart(last + 1) };
}
