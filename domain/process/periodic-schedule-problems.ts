import type { DefinitionProblem } from './definition-problem';
import type { ProcessDefinition } from './process-definition';

/** The most instances a repeated tranche may have without a period (a few school years) and with one (5 years). */
export const MAX_REPEAT = 10;
export const MAX_PERIODIC_REPEAT = 60;

/**
 * What periodic tranches and the steps on their schedule must satisfy before a definition is published: a tranche
 * repeated without a `period` at most MAX_REPEAT times (with one, up to MAX_PERIODIC_REPEAT, the schema's bound); a
 * period's `startFact` brought by some step; a step's `schedule` naming a declared tranche that has a period; an
 * `adjust_commitment` on a periodic tranche, whose `fromFact` some step brings, on a transition that requires form.
 */
export function periodicScheduleProblems(def: ProcessDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const facts = new Set(def.steps.flatMap((step) => Object.keys(step.facts ?? {})));
  const periodic = new Set<string>();
  (def.tranches ?? []).forEach((t, i) => {
    if (!t.repeat) return;
    const period = t.repeat.period;
    if (!period && t.repeat.max > MAX_REPEAT) {
      problems.push({
        path: `/tranches/${i}/repeat/max`,
        message: `a tranche without a period is repeated at most ${MAX_REPEAT} times (${t.repeat.max} given)`,
      });
    }
    if (!period) return;
    periodic.add(t.id);
    if (!facts.has(period.startFact)) {
      problems.push({
        path: `/tranches/${i}/repeat/period/startFact`,
        message: `no step brings the fact '${period.startFact}' (the first month, YYYY-MM)`,
      });
    }
  });
  def.steps.forEach((step, i) => {
    if (step.schedule && !periodic.has(step.schedule.tranche)) {
      problems.push({
        path: `/steps/${i}/schedule/tranche`,
        message: `'${step.schedule.tranche}' is not a declared tranche with a period`,
      });
    }
    step.transitions.forEach((t, j) => {
      (t.effects ?? []).forEach((effect, k) => {
        if (effect.kind !== 'adjust_commitment') return;
        const path = `/steps/${i}/transitions/${j}/effects/${k}`;
        if (!periodic.has(effect.tranche))
          problems.push({ path: `${path}/tranche`, message: `'${effect.tranche}' is not a tranche with a period` });
        if (!facts.has(effect.fromFact))
          problems.push({ path: `${path}/fromFact`, message: `no step brings the fact '${effect.fromFact}'` });
        if (!t.requires?.includes('form'))
          problems.push({ path, message: 'an adjust_commitment needs the transition to require form' });
      });
    });
  });
  return problems;
}
