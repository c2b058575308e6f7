import type { FactValue, StepDefinition } from './process-definition';

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real civil date `yyyy-mm-dd` from 2000 to 2099 (not 2024-02-30). */
export function isCivilDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = CIVIL_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2099 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The date a step is due by, when its definition says `dueBy`: the date itself, or the value of the date fact it
 * names as the dossier knows it on entering the step. Null when the step has no `dueBy`, or its fact is missing or
 * not a real date (the step then counts its `timeLimit`, as without `dueBy`). Pure, workflow-safe.
 */
export function fixedDueDateOf(step: Pick<StepDefinition, 'dueBy'>, facts: Record<string, FactValue>): string | null {
  if (step.dueBy === undefined) return null;
  const date = typeof step.dueBy === 'string' ? step.dueBy : facts[step.dueBy.fact];
  return isCivilDate(date) ? date : null;
}
