import { DEFAULT_CUTOFF, DEFAULT_OFFICE_HOURS, type OfficeInterval } from './calendar-year';

/** What the due-time arithmetic needs to know about one local date (Vietnam time) for one unit. */
export interface WorkingDay {
  working: boolean;
  officeHours: OfficeInterval[];
  /** Local `HH:MM` after which a received dossier counts from the next working day. */
  cutoff: string;
}

/**
 * The working calendar as the due-time arithmetic sees it. The official implementation (official-calendar.ts)
 * reads per-year data with province overrides; `weekendCalendar` is Monday to Friday with default office hours,
 * for unit tests.
 */
export interface WorkingCalendar {
  day(localDate: string, unitCode: string): WorkingDay | Promise<WorkingDay>;
}

export const weekendCalendar: WorkingCalendar = {
  day(localDate: string): WorkingDay {
    const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
    return { working: weekday !== 0 && weekday !== 6, officeHours: DEFAULT_OFFICE_HOURS, cutoff: DEFAULT_CUTOFF };
  },
};
