import { addOfficeTime, officeTimeBetween, type CutoffOption } from './compute-due-at';
import type { WorkingCalendar } from './working-calendar';

/** One due time of a stopped clock: null stays null; `elapsed` limits count plain time, others office time. */
export interface StoppedDue {
  dueAt: string | null;
  elapsed: boolean;
  unitCode: string;
}

export interface ShiftedDue {
  dueAt: string;
  remainingMs: number;
}

/**
 * Resumes a stopped clock: each due time keeps the time it had left at `pausedAt` — office time on the unit's
 * calendar, or plain elapsed time for `elapsed` limits — counted again from `resumeAt` by the same rule as a step
 * start (addOfficeTime with the procedure's `cutoff`, when given: a dossier supplemented after the cut-off resumes
 * at the next working day's opening). A due time already passed when the clock stopped stays as it was (the step
 * stays late). Pure given the calendar.
 */
export async function shiftDueTimes(
  calendar: WorkingCalendar,
  input: { pausedAt: string; resumeAt: string; dues: StoppedDue[] } & CutoffOption,
): Promise<(ShiftedDue | null)[]> {
  const { pausedAt, resumeAt, dues } = input;
  const paused = Date.parse(pausedAt);
  const options = input.cutoff ? { cutoff: input.cutoff } : {};
  return Promise.all(
    dues.map(async ({ dueAt, elapsed, unitCode }) => {
      if (!dueAt) return null;
      if (Date.parse(dueAt) <= paused) return { dueAt, remainingMs: 0 };
      if (elapsed) {
        const remainingMs = Date.parse(dueAt) - paused;
        return { dueAt: new Date(Date.parse(resumeAt) + remainingMs).toISOString(), remainingMs };
      }
      const remainingMs = await officeTimeBetween(calendar, pausedAt, dueAt, unitCode);
      return { dueAt: await addOfficeTime(calendar, resumeAt, remainingMs, unitCode, options), remainingMs };
    }),
  );
}
