import type { TestSystem } from './start-system';
import { vietnamDate } from '../../../domain/time/vietnam-date';

/** Every date of a year as a day off. */
function everyDayOff(year: number): { date: string; name: string }[] {
  const days: { date: string; name: string }[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    days.push({ date: new Date(t).toISOString().slice(0, 10), name: 'closed' });
  }
  return days;
}

/**
 * Gives `scope` (a province code) a calendar with no working day for five years from the year of `now`: the
 * calendar arithmetic gives up after three, so no due time can be placed there, on every attempt alike. Resolves to
 * the function that puts the calendar back as it was.
 */
export async function closeCalendar(system: TestSystem, scope: string, now: number): Promise<() => Promise<void>> {
  const year = Number(vietnamDate(now).slice(0, 4));
  const ids = [0, 1, 2, 3, 4].map((i) => `${scope}:${year + i}`);
  // Years the test edited before are put back as they were.
  const before = await system.models.CalendarYear.find({ _id: { $in: ids } }).lean();
  await system.models.CalendarYear.deleteMany({ _id: { $in: ids } });
  await system.models.CalendarYear.insertMany(
    ids.map((_id, i) => ({
      _id,
      scope,
      year: year + i,
      daysOff: everyDayOff(year + i),
      workingDays: [],
      officeHours: [{ start: '07:30', end: '17:00' }],
      cutoff: '16:00',
      source: 'test: no working day',
      updatedAt: new Date(),
      updatedBy: 'test',
    })),
  );
  system.calendar.invalidate();
  return async () => {
    await system.models.CalendarYear.deleteMany({ _id: { $in: ids } });
    if (before.length > 0) await system.models.CalendarYear.insertMany(before);
    system.calendar.invalidate();
  };
}
