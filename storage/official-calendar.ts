import type { Models } from './create-models';
import type { CalendarYear } from '../domain/calendar/calendar-year';
import { PUBLISHED_CALENDAR_YEARS } from '../domain/calendar/published-calendar-years';
import { statutoryCalendarYear } from '../domain/calendar/statutory-calendar-year';
import type { WorkingCalendar } from '../domain/calendar/working-calendar';
import { workingDayIn } from '../domain/calendar/working-day-in';

export interface OfficialCalendar extends WorkingCalendar {
  /** The calendar in force for a scope and year: a stored document, else the published seed, else the statute. */
  year(scope: string, year: number): Promise<CalendarYear & { stored: boolean }>;
  /** The province whose calendar applies to a unit (the top of its chain). */
  provinceOf(unitCode: string): Promise<string>;
  /** Drops cached years, e.g. after an edit in this process. */
  invalidate(): void;
}

/**
 * The official calendar, read from `calendar_years` (national `VN:<year>` and province overrides
 * `<province>:<year>`), falling back to the published seed and then to the statutory rules, so any year works.
 * Years are cached for `ttlMs` (30 s): an edit made through another process is seen within that time. Deadlines
 * already computed never move: the workflow stores them when a step starts.
 */
export function createOfficialCalendar(deps: { models: Models; ttlMs?: number; now?: () => number }): OfficialCalendar {
  const ttl = deps.ttlMs ?? 30_000;
  const now = deps.now ?? Date.now;
  const years = new Map<string, { at: number; value: Promise<CalendarYear & { stored: boolean }> }>();
  const provinces = new Map<string, string>();

  async function loadYear(scope: string, year: number): Promise<CalendarYear & { stored: boolean }> {
    const doc = await deps.models.CalendarYear.findById(`${scope}:${year}`).lean();
    if (doc) return { ...doc, stored: true };
    if (scope !== 'VN') return { ...(await calendar.year('VN', year)), scope: 'VN' };
    const published = PUBLISHED_CALENDAR_YEARS.find((y) => y.year === year);
    return { ...(published ?? statutoryCalendarYear(year)), stored: false };
  }

  const calendar: OfficialCalendar = {
    year(scope, year) {
      const key = `${scope}:${year}`;
      const cached = years.get(key);
      if (cached && now() - cached.at < ttl) return cached.value;
      const value = loadYear(scope, year);
      years.set(key, { at: now(), value });
      value.catch(() => years.delete(key));
      return value;
    },
    async provinceOf(unitCode) {
      const known = provinces.get(unitCode);
      if (known) return known;
      let code: string | null = unitCode;
      let top = unitCode;
      for (let i = 0; code && i < 8; i++) {
        const unit: { _id: string; parentCode: string | null } | null = await deps.models.Unit.findById(code, {
          parentCode: 1,
        }).lean();
        if (!unit) break;
        top = unit._id;
        code = unit.parentCode;
      }
      provinces.set(unitCode, top);
      return top;
    },
    async day(localDate, unitCode) {
      const province = await calendar.provinceOf(unitCode);
      return workingDayIn(await calendar.year(province, Number(localDate.slice(0, 4))), localDate);
    },
    invalidate() {
      years.clear();
    },
  };
  return calendar;
}
