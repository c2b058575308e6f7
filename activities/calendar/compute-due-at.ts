import type { TimeLimit } from '../../workflows/process-definition';
import type { WorkingCalendar } from './working-calendar';

/** Vietnam has one time zone, UTC+7, and no daylight saving. */
const VN_OFFSET_MS = 7 * 3600_000;
/** A working day's deadline falls at the end of office hours, 17:00 local time. */
const OFFICE_CLOSE_HOUR = 17;

const localDate = (t: number): string => new Date(t + VN_OFFSET_MS).toISOString().slice(0, 10);
const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
const closeOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) + OFFICE_CLOSE_HOUR * 3600_000 - VN_OFFSET_MS;

/**
 * The due time of a step that starts at `start` (ISO) with `limit`, for the unit that processes it.
 * `working_days`: the end of office hours on the N-th working day after the start day (a step started on a
 * non-working day counts from the next working day). `working_hours`: hours on working days only (office hours
 * come with the official calendar). `days`/`hours`: plain elapsed time. Throws on a malformed start.
 */
export async function computeDueAt(
  calendar: WorkingCalendar,
  start: string,
  limit: TimeLimit,
  unitCode: string,
): Promise<string> {
  const t0 = Date.parse(start);
  if (Number.isNaN(t0)) throw new RangeError(`invalid start time '${start}'`);
  switch (limit.unit) {
    case 'days':
      return new Date(t0 + limit.amount * 86400_000).toISOString();
    case 'hours':
      return new Date(t0 + limit.amount * 3600_000).toISOString();
    case 'working_days': {
      let day = localDate(t0);
      let counted = 0;
      while (counted < limit.amount) {
        day = addDays(day, 1);
        if (await calendar.isWorkingDay(day, unitCode)) counted += 1;
      }
      return new Date(closeOf(day)).toISOString();
    }
    case 'working_hours': {
      let t = t0;
      let remaining = limit.amount;
      while (remaining > 0) {
        t += 3600_000;
        if (await calendar.isWorkingDay(localDate(t), unitCode)) remaining -= 1;
      }
      return new Date(t).toISOString();
    }
  }
}
