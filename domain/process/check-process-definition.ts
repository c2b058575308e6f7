import { createAjv } from '../../forms/create-ajv';
import type { ProcessDefinition } from './process-definition';
import definitionSchema from './process-definition.schema.json';
import { moneyEffectProblems } from './money-effect-problems';
import { signOffProblems } from './sign-off-problems';
import { periodicScheduleProblems } from './periodic-schedule-problems';
import { dueByProblems } from './due-by-problems';
import { cutoffProblems } from './cutoff-problems';
import { isYearlyDay } from '../calendar/clock-start-at';
import type { DefinitionProblem } from './definition-problem';

export type { DefinitionProblem } from './definition-problem';

const validateShape = createAjv().compile<ProcessDefinition>(definitionSchema);

/**
 * Checks a process definition before it is published: its shape against the JSON Schema, then what a schema
 * cannot say — unique step ids, known target and initial steps, forms that exist (`knownForms`, as key@version),
 * steps reachable from the initial one, every step able to move on, a `return` only to the initial step, and `bulk`
 * only on transitions without form data, taken by the step's actor, and on all transitions of that action or none,
 * a `clockStarts` day every year has (not 31 April, not 29 February), and money effects that fit the definition
 * (moneyEffectProblems), sign-off declarations that fit their step (signOffProblems), periodic tranches and
 * their schedules (periodicScheduleProblems), `dueBy` dates and facts that can be placed (dueByProblems), and a
 * daily `cutoff` within office hours (cutoffProblems).
 * Returns the problems as data; an empty list means it may be published.
 */
export function checkProcessDefinition(candidate: unknown, knownForms: ReadonlySet<string>): DefinitionProblem[] {
  if (!validateShape(candidate)) {
    return (validateShape.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: e.message ?? e.keyword }));
  }
  const def = candidate;
  const problems: DefinitionProblem[] = [];
  const ids = new Map<string, number>();
  def.steps.forEach((step, i) => {
    if (ids.has(step.id)) problems.push({ path: `/steps/${i}/id`, message: `duplicate step id '${step.id}'` });
    ids.set(step.id, i);
  });
  if (!ids.has(def.initialStep)) problems.push({ path: '/initialStep', message: `unknown step '${def.initialStep}'` });
  if (def.effectiveFrom && def.effectiveTo && def.effectiveFrom > def.effectiveTo) {
    problems.push({ path: '/effectiveTo', message: 'effectiveTo is before effectiveFrom' });
  }
  def.steps.forEach((step, i) => {
    if (step.form && !knownForms.has(step.form)) {
      problems.push({ path: `/steps/${i}/form`, message: `form '${step.form}' is not published` });
    }
    if (step.clockStarts && !isYearlyDay(step.clockStarts)) {
      problems.push({
        path: `/steps/${i}/clockStarts`,
        message: `${step.clockStarts.month}/${step.clockStarts.day} is not a day every year has`,
      });
    }
    if ((step.facts || step.summary) && !step.form) {
      problems.push({ path: `/steps/${i}`, message: 'facts and summary need a form to read from' });
    }
    step.transitions.forEach((t, j) => {
      const at = `/steps/${i}/transitions/${j}`;
      if ((t.to === undefined) === (t.end === undefined)) {
        problems.push({ path: at, message: 'a transition needs exactly one of to (next step) and end (outcome)' });
      }
      if (t.to !== undefined && !ids.has(t.to)) problems.push({ path: `${at}/to`, message: `unknown step '${t.to}'` });
      if (t.action === 'return' && t.to !== def.initialStep) {
        problems.push({ path: `${at}/to`, message: `return must lead to the initial step '${def.initialStep}'` });
      }
      if (t.requires?.includes('form') && !step.form) {
        problems.push({ path: `${at}/requires`, message: 'requires form, but the step has no form' });
      }
      if (t.bulk) {
        if (t.requires?.includes('form')) {
          problems.push({
            path: `${at}/bulk`,
            message: 'a bulk transition takes no per-dossier form data: it cannot require form',
          });
        }
        if (t.actor === 'applicant')
          problems.push({
            path: `${at}/bulk`,
            message: "a bulk transition is taken by the step's own actor, not the applicant",
          });
      }
      const sameAction = step.transitions.findIndex((o) => o.action === t.action);
      if (sameAction < j && (step.transitions[sameAction]?.bulk === true) !== (t.bulk === true)) {
        problems.push({
          path: `${at}/bulk`,
          message: `the transitions of action '${t.action}' in step '${step.id}' must all be bulk or none`,
        });
      }
    });
  });
  // An amount limit compares facts some step brings.
  const facts = new Set(def.steps.flatMap((step) => Object.keys(step.facts ?? {})));
  (def.amountLimits ?? []).forEach((limit, i) => {
    for (const key of ['fact', 'atMost'] as const) {
      if (!facts.has(limit[key]))
        problems.push({ path: `/amountLimits/${i}/${key}`, message: `no step brings the fact '${limit[key]}'` });
    }
  });
  problems.push(...moneyEffectProblems(def), ...periodicScheduleProblems(def));
  problems.push(...signOffProblems(def));
  problems.push(...dueByProblems(def));
  problems.push(...cutoffProblems(def));
  // Every step must be reachable from the initial step.
  const reached = new Set<string>([def.initialStep]);
  const queue = [def.initialStep];
  while (queue.length > 0) {
    const step = def.steps[ids.get(queue.shift() as string) ?? -1];
    for (const t of step?.transitions ?? []) {
      if (t.to && !reached.has(t.to)) {
        reached.add(t.to);
        queue.push(t.to);
      }
    }
  }
  def.steps.forEach((step, i) => {
    if (!reached.has(step.id)) problems.push({ path: `/steps/${i}`, message: `step '${step.id}' is unreachable` });
  });
  return problems;
}
