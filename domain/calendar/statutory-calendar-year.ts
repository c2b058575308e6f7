import Holidays from 'date-holidays';
import { DEFAULT_CUTOFF, DEFAULT_OFFICE_HOURS, type CalendarYear, type DatedEntry } from './calendar-year';

const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string): boolean => weekday(date) === 0 || weekday(date) === 6;

/** Lunar-calendar dates `date-holidays` knows for Vietnam: Tết eve (30th of the 12th month) and Hùng Kings. */
function lunarDates(year: number): { tetEve: string; hungKings: string } {
  const holidays = new Holidays('VN').getHolidays(year);
  const find = (pattern: RegExp) => holidays.find((h) => pattern.test(h.name))?.date.slice(0, 10);
  const tetEve = find(/Giao thừa/);
  const hungKings = find(/Hùng Vương/);
  if (!tetEve || !hungKings) throw new Error(`date-holidays has no lunar holidays for Vietnam in ${year}`);
  return { tetEve, hungKings };
}

/**
 * The calendar of a year by the Labour Code's rules (art. 112), for a year whose official schedule is not
 * published yet: 1 January; Tết — the eve and the first four days of the new year; Hùng Kings; 30 April; 1 May;
 * 2 September and one adjacent day (the one that joins a weekend). A holiday that falls on a weekend is made up on
 * the next working day(s). The government's published schedule (with swapped days) replaces this when known.
 */
export function statutoryCalendarYear(year: number, scope = 'VN'): CalendarYear {
  const { tetEve, hungKings } = lunarDates(year);
  const statutory: DatedEntry[] = [
    { date: `${year}-01-01`, name: 'Tết Dương lịch' },
    ...[0, 1, 2, 3, 4].map((i) => ({
      date: addDays(tetEve, i),
      name: i === 0 ? 'Tết Nguyên đán (30 tháng Chạp)' : `Tết Nguyên đán (mùng ${i})`,
    })),
    { date: hungKings, name: 'Giỗ Tổ Hùng Vương' },
    { date: `${year}-04-30`, name: 'Ngày Chiến thắng' },
    { date: `${year}-05-01`, name: 'Ngày Quốc tế Lao động' },
    { date: `${year}-09-02`, name: 'Quốc khánh' },
  ];
  const sep2 = weekday(`${year}-09-02`);
  // Mon, Thu → the 3rd (joins Tue / Fri to the weekend side); otherwise the 1st.
  const adjacent = sep2 === 1 || sep2 === 4 ? `${year}-09-03` : `${year}-09-01`;
  statutory.push({ date: adjacent, name: 'Quốc khánh (ngày liền kề)' });

  const off = new Map<string, string>();
  for (const h of statutory) off.set(h.date, h.name);
  // Holidays on a weekend are made up on the next weekdays that are not holidays themselves.
  const sorted = [...statutory].sort((a, b) => a.date.localeCompare(b.date));
  for (const h of sorted) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
    off.set(d, `Nghỉ bù ${h.name}`);
  }
  return {
    scope,
    year,
    daysOff: [...off.entries()]
      .map(([date, name]) => ({ date, name }))
      .filter((d) => !isWeekend(d.date))
      .sort((a, b) => a.date.localeCompare(b.date)),
    workingDays: [],
    officeHours: DEFAULT_OFFICE_HOURS,
    cutoff: DEFAULT_CUTOFF,
    source:
      'Quy tắc của Bộ luật Lao động (điều 112), ngày âm lịch theo date-holidays; chưa phải lịch chính thức đã công bố',
  };
}
