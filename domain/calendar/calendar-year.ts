/** One office-hours interval of a working day, local time `HH:MM`. */
export interface OfficeInterval {
  start: string;
  end: string;
}

/** The published document a day off or make-up working day comes from: its number, date and issuer. */
export interface CalendarSource {
  /** e.g. `9441/TB-BNV`, `12729/VPCP-KGVX`, `45/2019/QH14` (the Labour Code, for a fixed statutory holiday). */
  document: string;
  /** The document's date, YYYY-MM-DD. */
  date: string;
  /** Who issued it, e.g. `Bộ Nội vụ`, `Văn phòng Chính phủ`. */
  issuer: string;
}

export interface DatedEntry {
  date: string; // YYYY-MM-DD
  name: string;
  /** The document that sets this day; null when no source was found (then `note` says why). Absent on old edits. */
  source?: CalendarSource | null;
  /** What is known of the source when it is missing or was checked only through reports of it. */
  note?: string;
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
  /** The notice the year was loaded from by an administrator (absent: shipped data or the statutory rules). */
  publication?: CalendarSource;
}

export const DEFAULT_OFFICE_HOURS: OfficeInterval[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];
export const DEFAULT_CUTOFF = '16:00';
