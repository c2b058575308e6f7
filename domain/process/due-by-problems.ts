import type { DefinitionProblem } from './definition-problem';
import { isCivilDate } from './fixed-due-date-of';
import type { ProcessDefinition } from './process-definition';

/**
 * What is wrong with the definition's `dueBy` steps: a date that is not a real day (2024-02-30) or lies outside the
 * definition's own effective period (a list due before the process may even start), a date fact no step's form
 * brings, and `dueBy` with `clockStarts` on one step (one counts from a start, the other ignores it). Pure.
 */
export function dueByProblems(def: ProcessDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const broughtFacts = new Set(def.steps.flatMap((step) => Object.keys(step.facts ?? {})));
  def.steps.forEach((step, i) => {
    if (step.dueBy === undefined) return;
    const path = `/steps/${i}/dueBy`;
    if (step.clockStarts) problems.push({ path, message: 'a step due by a fixed date cannot also have clockStarts' });
    if (typeof step.dueBy === 'string') {
      if (!isCivilDate(step.dueBy)) problems.push({ path, message: `'${step.dueBy}' is not a date from 2000 to 2099` });
      else if (def.effectiveFrom && step.dueBy < def.effectiveFrom.slice(0, 10))
        problems.push({ path, message: `${step.dueBy} is before the definition takes effect (${def.effectiveFrom})` });
    } else if (!broughtFacts.has(step.dueBy.fact)) {
      problems.push({ path: `${path}/fact`, message: `no step's form brings the fact '${step.dueBy.fact}'` });
    }
  });
  return problems;
}
