/**
 * Answers whether a local date (YYYY-MM-DD, Vietnam time) is a working day for a unit. The official calendar
 * (holidays, compensatory days, make-up Saturdays, per-province overrides) implements this later; until then
 * `weekendCalendar` counts Monday to Friday.
 */
export interface WorkingCalendar {
  isWorkingDay(localDate: string, unitCode: string): boolean | Promise<boolean>;
}

export const weekendCalendar: WorkingCalendar = {
  isWorkingDay(localDate: string): boolean {
    const day = new Date(`${localDate}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  },
};
