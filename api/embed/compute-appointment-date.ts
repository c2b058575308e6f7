import { computeDueAt } from '../../domain/calendar/compute-due-at';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import type { ProcessDefinition, TimeLimit } from '../../domain/process/process-definition';
import { findStep } from '../../domain/process/find-step';

const FORWARD = new Set(['submit', 'approve']);

/**
 * The appointment date printed on a receipt: the procedure's total limit from `start` when the definition has one
 * (the same overall due time the workflow computes), otherwise the time limits of the steps on the main path (each
 * step's first
 * forward transition) added up from `start`, counted on the calendar. Working hours count as whole working days
 * (8 h each); a path that loops is cut at the first repeated step. The definition's own `cutoff` applies.
 */
export async function computeAppointmentDate(
  definition: ProcessDefinition,
  start: string,
  calendar: WorkingCalendar,
  unitCode: string,
): Promise<string> {
  const cutoff = definition.cutoff ? { cutoff: definition.cutoff } : {};
  if (definition.totalLimit) return computeDueAt(calendar, start, definition.totalLimit, unitCode, cutoff);
  let workingDays = 0;
  let plainHours = 0;
  const seen = new Set<string>();
  for (let step = findStep(definition, definition.initialStep); step && !seen.has(step.id);) {
    seen.add(step.id);
    const limit: TimeLimit = step.timeLimit;
    if (limit.unit === 'working_days') workingDays += limit.amount;
    else if (limit.unit === 'working_hours') workingDays += Math.ceil(limit.amount / 8);
    else plainHours += limit.unit === 'days' ? limit.amount * 24 : limit.amount;
    const next = step.transitions.find((t) => FORWARD.has(t.action) && t.to);
    step = next?.to ? findStep(definition, next.to) : undefined;
  }
  const afterWorkingDays =
    workingDays > 0
      ? await computeDueAt(calendar, start, { amount: workingDays, unit: 'working_days' }, unitCode, cutoff)
      : start;
  return plainHours > 0
    ? computeDueAt(calendar, afterWorkingDays, { amount: plainHours, unit: 'hours' }, unitCode)
    : afterWorkingDays;
}
