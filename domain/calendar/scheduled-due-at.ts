import type { TranchePeriod } from '../process/process-definition';
import { vietnamDate } from '../time/vietnam-date';
import { vietnamInstant } from '../time/vietnam-instant';
import { nominalDueDate, periodOfInstance } from './period-instance';
import type { WorkingCalendar } from './working-calendar';

const MAX_DAYS_SCANNED = 366;
const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

/** Where instance `instance` of a periodic tranche stands on the clock of a step entered at `entered`. */
export interface ScheduledDue {
  /** When the step's clock starts: 00:00 (Việt Nam) of the period's first day if after the entry, else the entry. */
  clockFrom: string;
  /** The close of office hours on the due day (see {@link scheduledDueAt}). */
  dueAt: string;
  /** The period's first month (YYYY-MM), which an escalation names ("Chưa chi trả kỳ tháng 03/2025"). */
  period: string;
}

/**
 * The due time of instance `instance` (1-based) of a periodic tranche starting in `firstMonth`, for the unit that
 * pays it: the close of office hours of the first working day on or after the nominal due day (`dueDay` of the
 * period's first month, its last day when the month is shorter), as a deadline that falls on a day off runs to the
 * next working day (Civil Code 2015, art. 148). A due day inside the Tết holiday therefore moves past it. Whatever day
 * the step was entered on, the instance keeps its date: entered after it, the step is late at once. Pure given the
 * calendar, so an activity retry computes the same value; RangeError for a malformed month, instance or entry, or
 * no working day within a year after the due day.
 */
export async function scheduledDueAt(
  calendar: WorkingCalendar,
  input: { period: TranchePeriod; firstMonth: string; instance: number; entered: string; unitCode: string },
): Promise<ScheduledDue> {
  const { period, firstMonth, instance, entered, unitCode } = input;
  const t = Date.parse(entered);
  if (Number.isNaN(t)) throw new RangeError(`invalid entry time '${entered}'`);
  const month = periodOfInstance(period, firstMonth, instance);
  let date = nominalDueDate(period, firstMonth, instance);
  for (let i = 0; ; i++) {
    const day = await calendar.day(date, unitCode);
    if (day.working) {
      const close = day.officeHours[day.officeHours.length - 1]?.end ?? '17:00';
      const periodStart = vietnamInstant(`${month}-01`, '00:00');
      const clockFrom = periodStart > t && vietnamDate(periodStart) !== vietnamDate(t) ? periodStart : t;
      return {
        clockFrom: new Date(clockFrom).toISOString(),
        dueAt: new Date(vietnamInstant(date, close)).toISOString(),
        period: month,
      };
    }
    if (i >= MAX_DAYS_SCANNED) throw new RangeError(`no working day within ${MAX_DAYS_SCANNED} days after ${date}`);
    date = addDays(date, 1);
  }
}
