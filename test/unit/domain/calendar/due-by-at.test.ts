import { dueByAt } from '../../../../domain/calendar/due-by-at';
import { weekendCalendar, type WorkingCalendar } from '../../../../domain/calendar/working-calendar';
import { fixedDueDateOf } from '../../../../domain/process/fixed-due-date-of';

describe('a step due by a fixed date', () => {
  test.each([
    ['a working day: its close of office hours (17:00 in Việt Nam)', '2024-02-22', '2024-02-22T10:00:00.000Z'],
    ['a Sunday: the Friday before', '2024-05-19', '2024-05-17T10:00:00.000Z'],
    ['a Saturday: the Friday before', '2024-05-18', '2024-05-17T10:00:00.000Z'],
  ])('is due on %s', async (_, date, due) => {
    await expect(dueByAt(weekendCalendar, date, 'DN-DQ')).resolves.toBe(due);
  });

  test('follows the unit’s calendar: a day off moves it to the working day before, with that day’s hours', async () => {
    const calendar: WorkingCalendar = {
      day: (date, unit) =>
        date === '2024-02-22' && unit === 'DN-DQ'
          ? { working: false, officeHours: [], cutoff: '16:00' }
          : date === '2024-02-21'
            ? { working: true, officeHours: [{ start: '07:00', end: '11:00' }], cutoff: '10:00' }
            : weekendCalendar.day(date, unit),
    };
    await expect(dueByAt(calendar, '2024-02-22', 'DN-DQ')).resolves.toBe('2024-02-21T04:00:00.000Z');
    await expect(dueByAt(calendar, '2024-02-22', 'HN-HD')).resolves.toBe('2024-02-22T10:00:00.000Z');
  });

  test('refuses a malformed date', async () => {
    await expect(dueByAt(weekendCalendar, '2024-13-45', 'DN-DQ')).rejects.toThrow(RangeError);
  });

  test.each<[string, Parameters<typeof fixedDueDateOf>[0], Record<string, string | number>, string | null]>([
    ['a date written in the definition', { dueBy: '2024-02-22' }, {}, '2024-02-22'],
    ['a date fact the dossier brings', { dueBy: { fact: 'reportDue' } }, { reportDue: '2024-05-19' }, '2024-05-19'],
    ['a date fact not brought yet: none (the time limit counts)', { dueBy: { fact: 'reportDue' } }, {}, null],
    ['a fact that is not a real date: none', { dueBy: { fact: 'reportDue' } }, { reportDue: '2024-02-30' }, null],
    ['a fact that is a number: none', { dueBy: { fact: 'reportDue' } }, { reportDue: 20240519 }, null],
    ['a step without dueBy: none', {}, { reportDue: '2024-05-19' }, null],
  ])('takes %s', (_, step, facts, date) => {
    expect(fixedDueDateOf(step, facts)).toBe(date);
  });
});
