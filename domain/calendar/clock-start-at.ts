import type { ClockStart } from '../process/process-definition';
import { vietnamDate } from '../time/vietnam-date';
import { vietnamInstant } from '../time/vietnam-instant';

/**
 * When the SLA clock of a step entered at `entered` (ISO) starts, for a step with `clockStarts`: 00:00 in Việt Nam
 * of the next occurrence of that month and day if it is later than the entry, else the entry itself (entered on
 * the day itself, or without `clockStarts`: at once). Entered on 10 June 2026 with 5 September: 2026-09-05 00:00
 * (+07:00); entered on 6 September 2026: 2027-09-05. Pure (Việt Nam keeps +07:00 all year), so the workflow may
 * call it with its own clock. Throws RangeError for a malformed `entered` or a day the month never has (the
 * publication check refuses those, 29 February included).
 */
export function clockStartAt(entered: string, start: ClockStart | undefined): string {
  const t = Date.parse(entered);
  if (Number.isNaN(t)) throw new RangeError(`invalid entry time '${entered}'`);
  if (!start) return entered;
  if (!isYearlyDay(start)) throw new RangeError(`no such yearly day: ${start.month}/${start.day}`);
  const year = Number(vietnamDate(t).slice(0, 4));
  for (const y of [year, year + 1]) {
    const day = `${y}-${String(start.month).padStart(2, '0')}-${String(start.day).padStart(2, '0')}`;
    const at = vietnamInstant(day, '00:00');
    if (vietnamDate(at) === vietnamDate(t)) return entered;
    if (at > t) return new Date(at).toISOString();
  }
  throw new RangeError('unreachable: the next year always has the day');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A month and day that occurs every year (29 February does not). */
export function isYearlyDay(start: ClockStart): boolean {
  const max = DAYS_IN_MONTH[start.month - 1];
  return Number.isInteger(start.day) && max !== undefined && start.day >= 1 && start.day <= max;
}
