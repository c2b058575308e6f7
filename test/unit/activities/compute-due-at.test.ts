import { computeDueAt } from '../../../activities/calendar/compute-due-at';
import { weekendCalendar, type WorkingCalendar } from '../../../activities/calendar/working-calendar';

describe('computeDueAt', () => {
  // 2026-01-05 is a Monday. 09:00 in Vietnam is 02:00 UTC.
  it.each([
    ['a Monday start, 1 working day', '2026-01-05T02:00:00.000Z', 1, '2026-01-06T10:00:00.000Z'],
    ['a Friday start, 1 working day (skips the weekend)', '2026-01-09T02:00:00.000Z', 1, '2026-01-12T10:00:00.000Z'],
    ['a Monday start, 5 working days', '2026-01-05T02:00:00.000Z', 5, '2026-01-12T10:00:00.000Z'],
    ['a Saturday start, 1 working day', '2026-01-10T02:00:00.000Z', 1, '2026-01-12T10:00:00.000Z'],
    ['a start late on Friday evening, local time', '2026-01-09T16:30:00.000Z', 1, '2026-01-12T10:00:00.000Z'],
  ])('ends %s at 17:00 local time on the right day', async (_name, start, amount, expected) => {
    expect(await computeDueAt(weekendCalendar, start, { amount, unit: 'working_days' }, 'HN')).toBe(expected);
  });

  it('counts plain days and hours as elapsed time', async () => {
    expect(await computeDueAt(weekendCalendar, '2026-01-09T02:00:00.000Z', { amount: 2, unit: 'days' }, 'HN')).toBe('2026-01-11T02:00:00.000Z');
    expect(await computeDueAt(weekendCalendar, '2026-01-09T02:00:00.000Z', { amount: 3, unit: 'hours' }, 'HN')).toBe('2026-01-09T05:00:00.000Z');
  });

  it('asks the calendar, so a holiday pushes the deadline', async () => {
    const holiday: WorkingCalendar = { isWorkingDay: (d) => d !== '2026-01-06' && weekendCalendar.isWorkingDay(d, 'HN') };
    expect(await computeDueAt(holiday, '2026-01-05T02:00:00.000Z', { amount: 1, unit: 'working_days' }, 'HN')).toBe('2026-01-07T10:00:00.000Z');
  });

  it('refuses a malformed start time', async () => {
    await expect(computeDueAt(weekendCalendar, 'yesterday', { amount: 1, unit: 'days' }, 'HN')).rejects.toThrow(RangeError);
  });
});
