import { addOfficeTime, officeTimeBetween } from '../../../../domain/calendar/compute-due-at';
import { weekendCalendar } from '../../../../domain/calendar/working-calendar';

/** Local Vietnam time (UTC+7) as an ISO instant. */
const vn = (local: string) => new Date(Date.parse(`${local}:00+07:00`)).toISOString();
const HOUR = 3600_000;

describe('office time on the calendar (a stopped clock resumes with it)', () => {
  it('counts only office hours of working days between two instants', async () => {
    // Friday 10:30 → Monday 09:30: Friday 1 h + 3.5 h, Monday 2 h.
    expect(await officeTimeBetween(weekendCalendar, vn('2026-03-06T10:30'), vn('2026-03-09T09:30'), 'HN')).toBe(
      6.5 * HOUR,
    );
    expect(await officeTimeBetween(weekendCalendar, vn('2026-03-09T12:00'), vn('2026-03-09T13:00'), 'HN')).toBe(0);
    expect(await officeTimeBetween(weekendCalendar, vn('2026-03-09T12:00'), vn('2026-03-06T13:00'), 'HN')).toBe(0);
  });

  it('adds office time from a resumption, skipping lunch, evenings and the weekend', async () => {
    expect(await addOfficeTime(weekendCalendar, vn('2026-03-06T10:30'), 6.5 * HOUR, 'HN')).toBe(vn('2026-03-09T09:30'));
    expect(await addOfficeTime(weekendCalendar, vn('2026-03-09T11:00'), HOUR, 'HN')).toBe(vn('2026-03-09T14:00'));
  });

  it('gives back the same due time when no time passed between stop and resumption', async () => {
    const due = vn('2026-03-13T17:00');
    const at = vn('2026-03-09T08:15');
    expect(
      await addOfficeTime(weekendCalendar, at, await officeTimeBetween(weekendCalendar, at, due, 'HN'), 'HN'),
    ).toBe(due);
  });
});
