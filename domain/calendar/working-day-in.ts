import type { CalendarYear } from './calendar-year';
import type { WorkingDay } from './working-calendar';

/** A local date in a calendar year: listed days off and working days first, then Monday–Friday. */
export function workingDayIn(year: CalendarYear, localDate: string): WorkingDay {
  const base = { officeHours: year.officeHours, cutoff: year.cutoff };
  if (year.workingDays.some((d) => d.date === localDate)) return { ...base, working: true };
  if (year.daysOff.some((d) => d.date === localDate)) return { ...base, working: false };
  const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return { ...base, working: weekday !== 0 && weekday !== 6 };
}
