import { vietnamInstant } from '../time/vietnam-instant';
import type { WorkingCalendar } from './working-calendar';

const MAX_DAYS_SCANNED = 366;

const dayBefore = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);

/**
 * The due time of a step due by a fixed date (`dueBy`): the close of office hours on `date` on the unit's working
 * calendar, or on the last working day before it when `date` is not one (a list due on a Sunday is due on the
 * Friday). The instant may be in the past: a step entered after its date is late at once. Pure given the calendar,
 * so an activity retry computes the same value. Throws on a malformed date, or on a year with no working day.
 */
export async function dueByAt(calendar: WorkingCalendar, date: string, unitCode: string): Promise<string> {
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new RangeError(`invalid due date '${date}'`);
  let day = date;
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, day = dayBefore(day)) {
    const working = await calendar.day(day, unitCode);
    if (!working.working) continue;
    const close = working.officeHours[working.officeHours.length - 1]?.end ?? '17:00';
    return new Date(vietnamInstant(day, close)).toISOString();
  }
  throw new RangeError(`no working day within ${MAX_DAYS_SCANNED} days before ${date}`);
}
