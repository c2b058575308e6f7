import type { CalendarYear } from '../../../../domain/calendar/calendar-year';
import { computeDueAt } from '../../../../domain/calendar/compute-due-at';
import { PUBLISHED_CALENDAR_YEARS } from '../../../../domain/calendar/published-calendar-years';
import { statutoryCalendarYear } from '../../../../domain/calendar/statutory-calendar-year';
import type { WorkingCalendar } from '../../../../domain/calendar/working-calendar';
import { workingDayIn } from '../../../../domain/calendar/working-day-in';

/** The calendar the system seeds: the published 2024–2026 schedules, the statutory rules for other years. */
const years = new Map<number, CalendarYear>(PUBLISHED_CALENDAR_YEARS.map((y) => [y.year, y]));
const official: WorkingCalendar = {
  day: (date) => {
    const year = Number(date.slice(0, 4));
    if (!years.has(year)) years.set(year, statutoryCalendarYear(year));
    return workingDayIn(years.get(year) as CalendarYear, date);
  },
};
/** Local Vietnam time (UTC+7) as an ISO instant. */
const vn = (local: string) => new Date(Date.parse(`${local}:00+07:00`)).toISOString();
const due = (
  start: string,
  amount: number,
  unit: 'working_days' | 'working_hours' | 'days' | 'hours' = 'working_days',
) => computeDueAt(official, vn(start), { amount, unit }, 'HN');

describe('working-day deadlines on the official calendar', () => {
  it.each([
    ['a Monday morning, 1 working day: Tuesday 17:00', '2025-03-03T09:00', 1, '2025-03-04T17:00'],
    ['a Friday at 15:00 (before the 16:00 cut-off), 1 working day: Monday', '2025-03-07T15:00', 1, '2025-03-10T17:00'],
    [
      'a Friday at 16:30 (after the cut-off): counted from Monday, due Tuesday',
      '2025-03-07T16:30',
      1,
      '2025-03-11T17:00',
    ],
    ['a Saturday: counted from Monday, due Tuesday', '2025-03-08T10:00', 1, '2025-03-11T17:00'],
    ['before Tết 2025 (25 Jan–2 Feb off): the next working day is 3 Feb', '2025-01-24T10:00', 1, '2025-02-03T17:00'],
    ['before Tết 2026 (14–22 Feb off): the next working day is 23 Feb', '2026-02-13T10:00', 1, '2026-02-23T17:00'],
    ['around 30 April 2025, the make-up Saturday 26 April counts', '2025-04-25T10:00', 2, '2025-04-28T17:00'],
    ['30 April–4 May 2025 (2 May swapped) are skipped', '2025-04-29T10:00', 1, '2025-05-05T17:00'],
    ['2 September 2025 and its adjacent Monday are skipped', '2025-08-29T10:00', 1, '2025-09-03T17:00'],
    ['Tết 2027 by the statutory rules (5–11 Feb with compensatory days)', '2027-02-04T10:00', 1, '2027-02-12T17:00'],
    ['15 working days across Tết 2026', '2026-02-02T09:00', 15, '2026-03-02T17:00'],
  ])('from %s', async (_name, start, amount, expected) => {
    expect(await due(start, amount)).toBe(vn(expected));
  });

  it.each([
    ['3 hours from 10:30 skip the lunch break', '2025-03-03T10:30', 3, '2025-03-03T15:30'],
    ['2 hours after the cut-off on a Friday start on Monday 07:30', '2025-03-07T16:30', 2, '2025-03-10T09:30'],
    [
      '8 hours from 07:00 (before opening) run into the next morning: a day has 7.5 office hours',
      '2025-03-03T07:00',
      8,
      '2025-03-04T08:00',
    ],
  ])('counts working hours: %s', async (_name, start, amount, expected) => {
    expect(await due(start, amount, 'working_hours')).toBe(vn(expected));
  });

  it('counts plain days and hours as elapsed time', async () => {
    expect(await due('2025-01-24T10:00', 2, 'days')).toBe(vn('2025-01-26T10:00'));
    expect(await due('2025-01-24T10:00', 3, 'hours')).toBe(vn('2025-01-24T13:00'));
  });

  it('refuses a malformed start time', async () => {
    await expect(computeDueAt(official, 'yesterday', { amount: 1, unit: 'days' }, 'HN')).rejects.toThrow(RangeError);
  });
});

describe('the statutory calendar', () => {
  it('makes up a holiday that falls on a weekend on the next working day', () => {
    const y2027 = statutoryCalendarYear(2027).daysOff.map((d) => d.date);
    expect(y2027).toEqual(expect.arrayContaining(['2027-05-03'])); // 1 May 2027 is a Saturday
    expect(statutoryCalendarYear(2026).daysOff.map((d) => d.date)).toContain('2026-04-27'); // Hùng Kings on a Sunday
  });
});
