import { calendarYearProblems } from '../../../../domain/calendar/calendar-year-problems';
import { LABOUR_CODE, PUBLISHED_CALENDAR_YEARS } from '../../../../domain/calendar/published-calendar-years';
import { workingDayIn } from '../../../../domain/calendar/working-day-in';

const yearOf = (date: string) => {
  const found = PUBLISHED_CALENDAR_YEARS.find((y) => y.year === Number(date.slice(0, 4)));
  if (!found) throw new Error(`no published year for ${date}`);
  return found;
};
const entryOf = (date: string) => {
  const year = yearOf(date);
  return [...year.daysOff, ...year.workingDays].find((d) => d.date === date);
};

/**
 * Every weekday off and every make-up working day of 2024–2026 as the government published them, with the document
 * that sets it (null: not found, see the entry's note). A weekday not listed here is a working day.
 */
const EXPECTED: [date: string, working: boolean, document: string | null][] = [
  ['2024-01-01', false, '45/2019/QH14'],
  ['2024-02-08', false, '5015/TB-LĐTBXH'],
  ['2024-02-09', false, '5015/TB-LĐTBXH'],
  ['2024-02-12', false, '5015/TB-LĐTBXH'],
  ['2024-02-13', false, '5015/TB-LĐTBXH'],
  ['2024-02-14', false, '5015/TB-LĐTBXH'],
  ['2024-04-18', false, '45/2019/QH14'],
  ['2024-04-29', false, '2450/VPCP-KGVX'],
  ['2024-04-30', false, '45/2019/QH14'],
  ['2024-05-01', false, '45/2019/QH14'],
  ['2024-05-04', true, '2450/VPCP-KGVX'],
  ['2024-09-02', false, '5015/TB-LĐTBXH'],
  ['2024-09-03', false, '5015/TB-LĐTBXH'],
  ['2025-01-01', false, '45/2019/QH14'],
  ['2025-01-27', false, '8726/VPCP-KGVX'],
  ['2025-01-28', false, '8726/VPCP-KGVX'],
  ['2025-01-29', false, '8726/VPCP-KGVX'],
  ['2025-01-30', false, '8726/VPCP-KGVX'],
  ['2025-01-31', false, '8726/VPCP-KGVX'],
  ['2025-04-07', false, '45/2019/QH14'],
  ['2025-04-26', true, '8726/VPCP-KGVX'],
  ['2025-04-30', false, '45/2019/QH14'],
  ['2025-05-01', false, '45/2019/QH14'],
  ['2025-05-02', false, '8726/VPCP-KGVX'],
  ['2025-09-01', false, '8726/VPCP-KGVX'],
  ['2025-09-02', false, '45/2019/QH14'],
  ['2026-01-01', false, '45/2019/QH14'],
  ['2026-01-02', false, '12729/VPCP-KGVX'],
  ['2026-01-10', true, '12729/VPCP-KGVX'],
  ['2026-02-16', false, '9441/TB-BNV'],
  ['2026-02-17', false, '9441/TB-BNV'],
  ['2026-02-18', false, '9441/TB-BNV'],
  ['2026-02-19', false, '9441/TB-BNV'],
  ['2026-02-20', false, '9441/TB-BNV'],
  ['2026-04-27', false, '45/2019/QH14'],
  ['2026-04-30', false, '45/2019/QH14'],
  ['2026-05-01', false, '45/2019/QH14'],
  ['2026-09-01', false, null],
  ['2026-09-02', false, '45/2019/QH14'],
];

describe('the published 2024–2026 calendars', () => {
  it.each(EXPECTED)('%s is a working day: %s, set by %s', (date, working, document) => {
    expect(workingDayIn(yearOf(date), date).working).toBe(working);
    const entry = entryOf(date);
    expect(entry?.source?.document ?? null).toBe(document);
    if (entry?.source) expect(entry.source.date < date).toBe(true);
    // A day whose document was not found says so, instead of naming an invented one.
    if (!document) expect(entry?.note).toMatch(/chưa tìm được/);
  });

  it('lists no other day: every listed day is in the table above', () => {
    const listed = PUBLISHED_CALENDAR_YEARS.flatMap((y) => [...y.daysOff, ...y.workingDays].map((d) => d.date));
    expect(listed.sort()).toEqual(EXPECTED.map(([date]) => date).sort());
  });

  it('keeps the days around a swap working and the weekends around Tết off', () => {
    for (const date of ['2024-04-26', '2024-05-02', '2025-04-25', '2025-05-05', '2026-01-05', '2026-02-13']) {
      expect(workingDayIn(yearOf(date), date).working).toBe(true);
    }
    for (const date of ['2024-04-27', '2025-01-25', '2025-02-02', '2026-02-14', '2026-02-22', '2026-01-03']) {
      expect(workingDayIn(yearOf(date), date).working).toBe(false);
    }
  });

  it('passes the checks an administrator’s load must pass, and names the Labour Code as a source', () => {
    for (const year of PUBLISHED_CALENDAR_YEARS) expect(calendarYearProblems(year.year, year)).toEqual([]);
    expect(LABOUR_CODE).toEqual({ document: '45/2019/QH14', date: '2019-11-20', issuer: 'Quốc hội' });
  });
});

describe('the checks of a loaded schedule', () => {
  it('refuses dates outside the year, duplicates, a weekend day off, a weekday make-up day and a late source', () => {
    const problems = calendarYearProblems(2027, {
      publication: { document: '1/TB-BNV', date: '2028-01-05', issuer: 'Bộ Nội vụ' },
      daysOff: [
        { date: '2027-01-01' },
        { date: '2026-12-31' },
        { date: '2027-01-01' },
        { date: '2027-01-02' },
        { date: '2027-02-30' },
      ],
      workingDays: [
        { date: '2027-01-04' },
        { date: '2027-01-09', source: { document: 'x', date: 'soon', issuer: 'y' } },
      ],
    });
    expect(problems.map((p) => [p.path, p.keyword])).toEqual([
      ['/publication/date', 'maximum'],
      ['/daysOff/1/date', 'year'],
      ['/daysOff/2/date', 'uniqueItems'],
      ['/daysOff/3/date', 'weekday'],
      ['/daysOff/4/date', 'year'],
      ['/workingDays/0/date', 'weekend'],
      ['/workingDays/1/source/date', 'format'],
    ]);
    expect(problems[2]?.message.vi).toBe('Ngày 01/01/2027 đã có ở /daysOff/0/date');
    expect(problems[5]?.message.vi).toBe('Ngày làm bù 04/01/2027 phải là thứ Bảy hoặc Chủ nhật');
  });
});
