import { PUBLISHED_CALENDAR_YEARS } from '../../../../domain/calendar/published-calendar-years';
import { workingDayIn } from '../../../../domain/calendar/working-day-in';
import type { WorkingCalendar } from '../../../../domain/calendar/working-calendar';
import { scheduledDueAt } from '../../../../domain/calendar/scheduled-due-at';
import {
  instanceOfPeriod,
  nominalDueDate,
  periodLabel,
  periodOfInstance,
} from '../../../../domain/calendar/period-instance';
import type { TranchePeriod } from '../../../../domain/process/process-definition';

/** The official calendar as published for 2024–2026 (Tết 2026: 14–22 February; 30 April – 3 May 2025 off). */
const official: WorkingCalendar = {
  day: (date) =>
    workingDayIn(
      PUBLISHED_CALENDAR_YEARS.find((y) => y.year === Number(date.slice(0, 4)))!,
      date,
    ),
};
const monthly = (dueDay: number): TranchePeriod => ({ unit: 'month', startFact: 'firstMonth', dueDay });
const quarterly: TranchePeriod = { unit: 'quarter', startFact: 'firstMonth', dueDay: 10 };
/** 17:00 in Việt Nam on a date, as the close of office hours a due time falls on. */
const closeOf = (date: string) => new Date(Date.parse(`${date}T17:00:00+07:00`)).toISOString();

describe('the schedule of a periodic tranche', () => {
  it.each<[string, TranchePeriod, string, number, string]>([
    ['the first month', monthly(10), '2025-01', 1, '2025-01'],
    ['the third month', monthly(10), '2025-01', 3, '2025-03'],
    ['the 14th month, in the next year', monthly(10), '2025-01', 14, '2026-02'],
    ['the 60th month', monthly(10), '2025-07', 60, '2030-06'],
    ['a December start, the second month', monthly(10), '2025-12', 2, '2026-01'],
    ['the second quarter', quarterly, '2025-01', 2, '2025-04'],
  ])('instance k starts in month start + k − 1 (× 3 for quarters): %s', (_name, period, first, k, month) => {
    expect(periodOfInstance(period, first, k)).toBe(month);
    expect(instanceOfPeriod(period, first, month)).toBe(k);
  });

  it('knows no instance before the first month, nor a month inside a quarter', () => {
    expect(instanceOfPeriod(monthly(10), '2025-03', '2025-02')).toBeNull();
    expect(instanceOfPeriod(quarterly, '2025-01', '2025-02')).toBeNull();
  });

  it.each<[string, number, string, number, string]>([
    ['the 10th', 10, '2025-01', 3, '2025-03-10'],
    ['the 31st in February: its last day', 31, '2025-01', 2, '2025-02-28'],
    ['the 31st in a leap February: the 29th', 31, '2024-02', 1, '2024-02-29'],
    ['the 30th in February', 30, '2026-02', 1, '2026-02-28'],
    ['the 31st in April: the 30th', 31, '2025-04', 1, '2025-04-30'],
    ['the 31st in a month that has one', 31, '2025-01', 1, '2025-01-31'],
  ])('is nominally due on the due day, or the month’s last day: %s', (_name, day, first, k, date) => {
    expect(nominalDueDate(monthly(day), first, k)).toBe(date);
  });

  it('rejects a malformed month or instance', () => {
    expect(() => periodOfInstance(monthly(10), '2025-13', 1)).toThrow(RangeError);
    expect(() => periodOfInstance(monthly(10), '2025-1', 1)).toThrow(RangeError);
    expect(() => periodOfInstance(monthly(10), '2025-01', 0)).toThrow(RangeError);
    expect(() => periodOfInstance(monthly(10), '2025-01', 1.5)).toThrow(RangeError);
  });

  it('names the period for people', () => {
    expect(periodLabel('month', '2025-03')).toEqual({ vi: 'tháng 03/2025', en: '03/2025' });
    expect(periodLabel('quarter', '2025-04')).toEqual({ vi: 'quý 2/2025', en: 'Q2 2025' });
  });
});

describe('scheduledDueAt on the official calendar', () => {
  const due = (period: TranchePeriod, firstMonth: string, instance: number, entered: string) =>
    scheduledDueAt(official, { period, firstMonth, instance, entered, unitCode: 'HN-HD-YN' });

  it.each<[string, TranchePeriod, string, number, string]>([
    ['a working day: the close of office hours that day', monthly(10), '2025-01', 3, '2025-03-10'],
    ['a Saturday: the Monday after', monthly(10), '2025-05', 1, '2025-05-12'],
    ['the 30 April – 3 May 2025 holidays: Monday 5 May', monthly(30), '2025-04', 1, '2025-05-05'],
    ['inside Tết 2026 (14–22 February): Monday 23 February', monthly(15), '2026-02', 1, '2026-02-23'],
    ['the 31st in February 2026 (a Saturday): Monday 2 March', monthly(31), '2026-01', 2, '2026-03-02'],
    ['National Day 2025 (1–2 September) does not move the 10th', monthly(10), '2025-09', 1, '2025-09-10'],
    ['the second quarter', quarterly, '2025-01', 2, '2025-04-10'],
  ])('moves a due day that is a day off to the next working day: %s', async (_name, period, first, k, date) => {
    const result = await due(period, first, k, '2024-12-01T02:00:00.000Z');
    expect(result.dueAt).toBe(closeOf(date));
    expect(result.period).toBe(periodOfInstance(period, first, k));
  });

  it('starts the clock on the first day of the period when the step is entered before it', async () => {
    const result = await due(monthly(10), '2025-01', 3, '2025-02-20T03:00:00.000Z');
    expect(result).toEqual({
      clockFrom: '2025-02-28T17:00:00.000Z', // 1 March 2025, 00:00 in Việt Nam
      dueAt: closeOf('2025-03-10'),
      period: '2025-03',
    });
  });

  it('counts from the entry when entered within the period, and keeps the due day whenever the step is entered', async () => {
    const within = await due(monthly(10), '2025-01', 3, '2025-03-04T03:00:00.000Z');
    expect(within.clockFrom).toBe('2025-03-04T03:00:00.000Z');
    // Entered after the due day (the month before was confirmed late): due on the 10th all the same, late at once.
    const late = await due(monthly(10), '2025-01', 3, '2025-03-12T03:00:00.000Z');
    expect(late).toEqual({ clockFrom: '2025-03-12T03:00:00.000Z', dueAt: closeOf('2025-03-10'), period: '2025-03' });
    // Entered on the first of the month itself (still the last day of February in UTC): at once.
    const onTheFirst = await due(monthly(10), '2025-01', 3, '2025-02-28T18:00:00.000Z');
    expect(onTheFirst.clockFrom).toBe('2025-02-28T18:00:00.000Z');
  });

  it('rejects a malformed entry time', async () => {
    await expect(due(monthly(10), '2025-01', 1, 'yesterday')).rejects.toThrow(RangeError);
  });
});
