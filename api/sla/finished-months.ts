import { vietnamMonthOf } from '../../domain/time/vietnam-month-of';
import { VN_OFFSET_MS } from '../../domain/time/vietnam-offset-ms';

/** The first instant of a `yyyy-mm` month in Việt Nam time. */
function monthStart(month: string): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1) - VN_OFFSET_MS);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The whole months (Việt Nam time) a period covers, for the finished-dossier counters: `from` rounds down to the
 * start of its month, `to` (exclusive) up to the start of the next month unless it is one already. Returns the
 * months oldest first and the rounded period; at most `maxMonths` months (the latest ones).
 */
export function finishedMonths(from: Date, to: Date, maxMonths = 120): { months: string[]; from: Date; to: Date } {
  const first = vietnamMonthOf(from);
  if (to.getTime() <= from.getTime()) return { months: [], from: monthStart(first), to: monthStart(first) };
  const lastIncluded = vietnamMonthOf(new Date(to.getTime() - 1));
  const months: string[] = [];
  for (let m = first; m <= lastIncluded; m = nextMonth(m)) months.push(m);
  const kept = months.slice(-maxMonths);
  return { months: kept, from: monthStart(kept[0]!), to: monthStart(nextMonth(kept[kept.length - 1]!)) };
}
