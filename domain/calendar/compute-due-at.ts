import type { TimeLimit } from '../process/process-definition';
import { vietnamDate } from '../time/vietnam-date';
import { vietnamInstant } from '../time/vietnam-instant';
import type { WorkingCalendar, WorkingDay } from './working-calendar';

const MAX_DAYS_SCANNED = 3 * 366;

/** A procedure's own daily cut-off (`HH:MM`, the definition's `cutoff`), instead of the calendar's. */
export interface CutoffOption {
  cutoff?: string;
}

const localDate = vietnamDate;
const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
/** The instant of local `HH:MM` on a local date. */
const at = vietnamInstant;

async function nextWorkingDay(
  calendar: WorkingCalendar,
  after: string,
  unitCode: string,
): Promise<[string, WorkingDay]> {
  let date = after;
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    date = addDays(date, 1);
    const day = await calendar.day(date, unitCode);
    if (day.working) return [date, day];
  }
  throw new RangeError(`no working day within ${MAX_DAYS_SCANNED} days after ${after}`);
}

/**
 * The due time of a step that starts at `start` (ISO) with `limit`, for the unit that processes it.
 * - `working_days`: a dossier is received on the start day if that is a working day and it arrives by the cut-off,
 *   otherwise on the next working day; the limit counts N working days after that receipt day and ends at the close
 *   of office hours on the N-th.
 * - `working_hours`: N hours of office time, from the start (or the next office opening when it arrives outside
 *   office hours, on a non-working day, or after the cut-off).
 * - `days` / `hours`: plain elapsed time.
 * `options.cutoff`, when given, is the procedure's cut-off and replaces the calendar's (16:00 by default).
 * Pure given the calendar, so an activity retry computes the same value. Throws on a malformed start.
 */
export async function computeDueAt(
  calendar: WorkingCalendar,
  start: string,
  limit: TimeLimit,
  unitCode: string,
  options: CutoffOption = {},
): Promise<string> {
  const t0 = Date.parse(start);
  if (Number.isNaN(t0)) throw new RangeError(`invalid start time '${start}'`);
  if (limit.unit === 'days') return new Date(t0 + limit.amount * 86400_000).toISOString();
  if (limit.unit === 'hours') return new Date(t0 + limit.amount * 3600_000).toISOString();

  const startDate = localDate(t0);
  const startDay = await calendar.day(startDate, unitCode);
  const inTime = startDay.working && t0 <= at(startDate, options.cutoff ?? startDay.cutoff);

  if (limit.unit === 'working_days') {
    let [date, day] = inTime ? [startDate, startDay] : await nextWorkingDay(calendar, startDate, unitCode);
    for (let n = 0; n < limit.amount; n++) [date, day] = await nextWorkingDay(calendar, date, unitCode);
    const close = day.officeHours[day.officeHours.length - 1]?.end ?? '17:00';
    return new Date(at(date, close)).toISOString();
  }

  // working_hours
  return addOfficeTime(calendar, start, limit.amount * 3600_000, unitCode, options);
}

/**
 * `ms` of office time from `start` (or from the next office opening when it arrives outside office hours, on a
 * non-working day, or after the cut-off). Used for `working_hours` limits and to resume a stopped clock.
 */
export async function addOfficeTime(
  calendar: WorkingCalendar,
  start: string,
  ms: number,
  unitCode: string,
  options: CutoffOption = {},
): Promise<string> {
  const t0 = Date.parse(start);
  if (Number.isNaN(t0)) throw new RangeError(`invalid start time '${start}'`);
  const startDate = localDate(t0);
  const startDay = await calendar.day(startDate, unitCode);
  const inTime = startDay.working && t0 <= at(startDate, options.cutoff ?? startDay.cutoff);
  let remaining = Math.round(ms);
  let [date, day] = inTime ? [startDate, startDay] : await nextWorkingDay(calendar, startDate, unitCode);
  let from = inTime ? t0 : Number.NEGATIVE_INFINITY;
  for (let scanned = 0; ; scanned++) {
    if (scanned > MAX_DAYS_SCANNED)
      throw new RangeError(`no office time within ${MAX_DAYS_SCANNED} working days after ${start}`);
    for (const interval of day.officeHours) {
      const open = Math.max(at(date, interval.start), from);
      const close = at(date, interval.end);
      if (open >= close) continue;
      if (close - open >= remaining) return new Date(open + remaining).toISOString();
      remaining -= close - open;
    }
    [date, day] = await nextWorkingDay(calendar, date, unitCode);
    from = Number.NEGATIVE_INFINITY;
  }
}

/** The office time (ms) between two instants on the unit's working calendar; 0 when `to` is not after `from`. */
export async function officeTimeBetween(
  calendar: WorkingCalendar,
  from: string,
  to: string,
  unitCode: string,
): Promise<number> {
  const t0 = Date.parse(from);
  const t1 = Date.parse(to);
  if (Number.isNaN(t0) || Number.isNaN(t1)) throw new RangeError(`invalid interval '${from}'..'${to}'`);
  let total = 0;
  let date = localDate(t0);
  const last = localDate(t1);
  for (let scanned = 0; date <= last; scanned++) {
    if (scanned > MAX_DAYS_SCANNED) throw new RangeError(`interval ${from}..${to} is too long`);
    const day = await calendar.day(date, unitCode);
    if (day.working) {
      for (const interval of day.officeHours) {
        const open = Math.max(at(date, interval.start), t0);
        const close = Math.min(at(date, interval.end), t1);
        if (close > open) total += close - open;
      }
    }
    date = addDays(date, 1);
  }
  return total;
}

/**
 * The instant `share` of the office time from `from` to `due` on the unit's calendar: when a step counted in working
 * time is reminded (75 % of its working time, not of the clock time, so never at Saturday 07:38). The count starts at
 * the first office instant at or after `from` (the next opening when it arrives after the cut-off, at lunch, at night
 * or on a day off). `due` itself when there is no office time between them. Pure given the calendar.
 */
export async function officeShareAt(
  calendar: WorkingCalendar,
  input: { from: string; due: string; share: number; unitCode: string; cutoff?: string },
): Promise<string> {
  const { from, due, share, unitCode } = input;
  const cutoff = input.cutoff ? { cutoff: input.cutoff } : {};
  const start = await addOfficeTime(calendar, from, 0, unitCode, cutoff);
  const total = await officeTimeBetween(calendar, start, due, unitCode);
  if (total <= 0) return new Date(Date.parse(due)).toISOString();
  return addOfficeTime(calendar, start, total * share, unitCode, cutoff);
}
