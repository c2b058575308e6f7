import { civilDate } from '../time/civil-date';
import type { CalendarSource, DatedEntry } from './calendar-year';

/** One thing wrong with a schedule, at a JSON pointer of it (`/daysOff/3/date`), in Vietnamese and English. */
export interface CalendarProblem {
  path: string;
  keyword: string;
  message: { vi: string; en: string };
}

/** What a schedule as published states: its days off, its make-up working days and the document behind it. */
export interface ScheduleDays {
  daysOff: Pick<DatedEntry, 'date' | 'source'>[];
  workingDays: Pick<DatedEntry, 'date' | 'source'>[];
  publication?: CalendarSource;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `date` is a real YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === date;
}

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string): boolean => weekday(date) === 0 || weekday(date) === 6;

/**
 * What is wrong with the schedule of `year` as an administrator loads it (empty: nothing): every date a real date of
 * that year and listed once across both lists; a day off a weekday (weekends are off anyway) and a make-up working day
 * a Saturday or Sunday; every source document dated no later than the year's end. Pure, so the API, the tests and
 * the shipped 2024–2026 data are checked by the same rules.
 */
export function calendarYearProblems(year: number, schedule: ScheduleDays): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Map<string, string>();
  const lastDay = `${year}-12-31`;
  const checkSource = (path: string, source: CalendarSource | null | undefined) => {
    if (!source) return;
    if (!isCalendarDate(source.date)) {
      problems.push({
        path: `${path}/date`,
        keyword: 'format',
        message: { vi: 'Ngày văn bản không hợp lệ', en: 'the document date is not a valid date' },
      });
    } else if (source.date > lastDay) {
      problems.push({
        path: `${path}/date`,
        keyword: 'maximum',
        message: {
          vi: `Văn bản ngày ${civilDate(source.date)} ban hành sau năm ${year}`,
          en: `a document dated ${source.date} is later than ${year}`,
        },
      });
    }
  };
  checkSource('/publication', schedule.publication);
  const lists = [
    ['daysOff', schedule.daysOff],
    ['workingDays', schedule.workingDays],
  ] as const;
  for (const [list, entries] of lists) {
    entries.forEach((entry, i) => {
      const path = `/${list}/${i}/date`;
      const shown = isCalendarDate(entry.date) ? civilDate(entry.date) : entry.date;
      if (!isCalendarDate(entry.date) || !entry.date.startsWith(`${year}-`)) {
        problems.push({
          path,
          keyword: 'year',
          message: { vi: `Ngày ${shown} không thuộc năm ${year}`, en: `${entry.date} is not a date in ${year}` },
        });
        return;
      }
      const earlier = seen.get(entry.date);
      if (earlier) {
        problems.push({
          path,
          keyword: 'uniqueItems',
          message: {
            vi: `Ngày ${shown} đã có ở ${earlier}`,
            en: `${entry.date} is listed twice (also at ${earlier})`,
          },
        });
      }
      seen.set(entry.date, path);
      if (list === 'daysOff' && isWeekend(entry.date)) {
        problems.push({
          path,
          keyword: 'weekday',
          message: {
            vi: `Ngày nghỉ ${shown} là thứ Bảy hoặc Chủ nhật (vốn đã nghỉ); hãy ghi ngày nghỉ bù vào ngày thường`,
            en: `day off ${entry.date} is a weekend day (off anyway); list the weekday it is made up on`,
          },
        });
      }
      if (list === 'workingDays' && !isWeekend(entry.date)) {
        problems.push({
          path,
          keyword: 'weekend',
          message: {
            vi: `Ngày làm bù ${shown} phải là thứ Bảy hoặc Chủ nhật`,
            en: `make-up working day ${entry.date} must be a Saturday or Sunday`,
          },
        });
      }
      checkSource(`/${list}/${i}/source`, entry.source);
    });
  }
  return problems;
}
