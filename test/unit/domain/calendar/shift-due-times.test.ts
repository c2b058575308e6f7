import { computeDueAt } from '../../../../domain/calendar/compute-due-at';
import { shiftDueTimes } from '../../../../domain/calendar/shift-due-times';
import { weekendCalendar } from '../../../../domain/calendar/working-calendar';

/** Local Vietnam time (UTC+7) as an ISO instant. */
const vn = (local: string) => new Date(Date.parse(`${local}:00+07:00`)).toISOString();
const HOUR = 3600_000;

describe('a stopped clock resumes by the same rule as a step start (shiftDueTimes)', () => {
  // Stopped on Monday 9 March 2026 at 16:00 with one office hour left (due 17:00).
  const stopped = {
    pausedAt: vn('2026-03-09T16:00'),
    dues: [{ dueAt: vn('2026-03-09T17:00'), elapsed: false, unitCode: 'HN' }],
  };

  it('resumes before the calendar cut-off on the same day', async () => {
    const [due] = await shiftDueTimes(weekendCalendar, { ...stopped, resumeAt: vn('2026-03-10T15:00') });
    expect(due).toEqual({ dueAt: vn('2026-03-10T16:00'), remainingMs: HOUR });
  });

  it("resumes after the procedure's own cut-off at the next working day's opening, as a step start would", async () => {
    const resumeAt = vn('2026-03-10T15:00');
    const [due] = await shiftDueTimes(weekendCalendar, { ...stopped, resumeAt, cutoff: '14:00' });
    expect(due).toEqual({ dueAt: vn('2026-03-11T08:30'), remainingMs: HOUR });
    // The step-start rule (computeDueAt) places one working hour from the same instant at the same time.
    const started = await computeDueAt(weekendCalendar, resumeAt, { amount: 1, unit: 'working_hours' }, 'HN', {
      cutoff: '14:00',
    });
    expect(due?.dueAt).toBe(started);
  });

  it('keeps a due time that had passed, shifts elapsed limits by clock time and leaves null alone', async () => {
    const late = vn('2026-03-09T15:00');
    const shifted = await shiftDueTimes(weekendCalendar, {
      pausedAt: stopped.pausedAt,
      resumeAt: vn('2026-03-14T10:00'),
      cutoff: '14:00',
      dues: [
        { dueAt: late, elapsed: false, unitCode: 'HN' },
        { dueAt: vn('2026-03-09T18:00'), elapsed: true, unitCode: 'HN' },
        { dueAt: null, elapsed: false, unitCode: 'HN' },
      ],
    });
    expect(shifted).toEqual([
      { dueAt: late, remainingMs: 0 },
      { dueAt: vn('2026-03-14T12:00'), remainingMs: 2 * HOUR },
      null,
    ]);
  });
});
