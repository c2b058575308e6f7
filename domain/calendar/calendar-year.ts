/** One office-hours interval of a working day, local time `HH:MM`. */
export interface OfficeInterval {
  start: string;
  end: string;
}

export interface DatedEntry {
  date: string; // YYYY-MM-DD
  name: string;
}

/**
 * The official working calendar of one year for one scope: `VN` (national) or a province code (an override).
 * Weekdays are working days and weekends are not, except for the listed days off (holidays, compensatory days,
 * swapped days) and working days (make-up Saturdays).
 */
export interface CalendarYear {
  scope: string;
  year: number;
  daysOff: DatedEntry[];
  workingDays: DatedEntry[];
  officeHours: OfficeInterval[];
  /** A dossier received after this local time counts as received on the next working day. */
  cutoff: string;
  /** Where the data comes from (a published schedule, the statutory rules, edits). */
  source: string;
}

export const DEFAULT_OFFICE_HOURS: OfficeInterval[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];
export const DEFAULT_CUTOFF = '16:00';
