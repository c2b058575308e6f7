import { computeDueAt, officeShareAt } from '../../../../domain/calendar/compute-due-at';
import { PUBLISHED_CALENDAR_YEARS } from '../../../../domain/calendar/published-calendar-years';
import { statutoryCalendarYear } from '../../../../domain/calendar/statutory-calendar-year';
import { weekendCalendar, type WorkingCalendar } from '../../../../domain/calendar/working-calendar';
import { workingDayIn } from '../../../../domain/calendar/working-day-in';
import { reminderAtOf } from '../../../../domain/sla/reminder-at-of';

/** Local Vietnam time (UTC+7) as an ISO instant. */
const vn = (local: string) => new Date(Date.parse(`${local}:00+07:00`)).toISOString();
const statutory2027 = statutoryCalendarYear(2027);
const published: WorkingCalendar = {
  day(date) {
    const y = Number(date.slice(0, 4));
    return workingDayIn(PUBLISHED_CALENDAR_YEARS.find((p) => p.year === y) ?? statutory2027, date);
  },
};
/** Whether an instant is within office hours of a working day on the calendar. */
async function inOfficeHours(calendar: WorkingCalendar, iso: string): Promise<boolean> {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  const day = await calendar.day(local.slice(0, 10), 'HN');
  const hhmm = local.slice(11, 16);
  return day.working && day.officeHours.some((i) => hhmm >= i.start && hhmm <= i.end);
}

describe('a reminder at a share of the working time', () => {
  it('lands in office hours where the clock-time share lands on a Sunday afternoon', async () => {
    // Received Thursday 10:00, 2 working days: due Monday 17:00. 75 % of the clock time is Sunday 15:15.
    const from = vn('2026-03-05T10:00');
    const due = await computeDueAt(weekendCalendar, from, { amount: 2, unit: 'working_days' }, 'HN');
    expect(due).toBe(vn('2026-03-09T17:00'));
    expect(reminderAtOf(from, due, 0.75)).toBe(vn('2026-03-08T15:15'));
    expect(await inOfficeHours(weekendCalendar, vn('2026-03-08T15:15'))).toBe(false);
    // Office time: Thursday 5 h + Friday 7.5 h + Monday 7.5 h = 20 h; 75 % = 15 h → Monday 10:00.
    const at = await officeShareAt(weekendCalendar, { from, due, share: 0.75, unitCode: 'HN' });
    expect(at).toBe(vn('2026-03-09T10:00'));
    expect(await inOfficeHours(weekendCalendar, at)).toBe(true);
  });

  it('counts from the next opening when the dossier arrives after the cut-off, and skips Tết', async () => {
    // Friday 13/02/2026 16:30 (after 16:00), 1 working day: received Monday 23/02 (Tết 14–22/02), due Tuesday 24/02.
    const from = vn('2026-02-13T16:30');
    const due = await computeDueAt(published, from, { amount: 1, unit: 'working_days' }, 'HN');
    expect(due).toBe(vn('2026-02-24T17:00'));
    // 15 h of office time from Monday 07:30; 75 % = 11.25 h → Tuesday 11:15.
    expect(await officeShareAt(published, { from, due, share: 0.75, unitCode: 'HN' })).toBe(vn('2026-02-24T11:15'));
  });

  it('never lands outside office hours, whatever the start and the share', async () => {
    const starts = ['2026-01-09T18:00', '2026-01-10T09:00', '2026-04-29T11:45', '2026-08-31T16:10', '2026-12-18T08:00'];
    for (const start of starts) {
      for (const amount of [1, 2, 5, 15]) {
        const due = await computeDueAt(published, vn(start), { amount, unit: 'working_days' }, 'HN');
        for (const share of [0.5, 0.75, 0.9]) {
          const at = await officeShareAt(published, { from: vn(start), due, share, unitCode: 'HN' });
          expect([start, amount, share, await inOfficeHours(published, at)]).toEqual([start, amount, share, true]);
          expect(Date.parse(at)).toBeLessThanOrEqual(Date.parse(due));
        }
      }
    }
  });

  it('uses a procedure’s own cut-off instead of the calendar’s', async () => {
    // Monday 15:00: by the 16:00 cut-off received that day (due Tuesday); with an 11:00 cut-off, on Tuesday.
    const from = vn('2026-03-09T15:00');
    const limit = { amount: 1, unit: 'working_days' } as const;
    expect(await computeDueAt(weekendCalendar, from, limit, 'HN')).toBe(vn('2026-03-10T17:00'));
    expect(await computeDueAt(weekendCalendar, from, limit, 'HN', { cutoff: '11:00' })).toBe(vn('2026-03-11T17:00'));
    const due = vn('2026-03-11T17:00');
    // Counted from Tuesday 07:30 with the 11:00 cut-off: 15 h, 75 % → Wednesday 11:15.
    expect(await officeShareAt(weekendCalendar, { from, due, share: 0.75, unitCode: 'HN', cutoff: '11:00' })).toBe(
      vn('2026-03-11T11:15'),
    );
  });
});
