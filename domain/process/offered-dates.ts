import type { ProcessDefinition } from './process-definition';

/** The dates (YYYY-MM-DD, both included) between which new dossiers may start on a definition. */
export type OfferedDates = Pick<ProcessDefinition, 'effectiveFrom' | 'effectiveTo'>;

/**
 * A definition's offered dates: its own `effectiveFrom`/`effectiveTo`, narrowed by what a transition plan set (a
 * later first day, an earlier last day). A plan only narrows: a published definition is never offered outside the
 * dates it was published with. The result is read by the one start rule (`startProblem`). Pure.
 */
export function offeredDates(own: OfferedDates, narrowed: OfferedDates | undefined): OfferedDates {
  const from = [own.effectiveFrom, narrowed?.effectiveFrom].filter((d): d is string => Boolean(d)).sort();
  const to = [own.effectiveTo, narrowed?.effectiveTo].filter((d): d is string => Boolean(d)).sort();
  return {
    ...(from.length > 0 ? { effectiveFrom: from.at(-1)! } : {}),
    ...(to.length > 0 ? { effectiveTo: to[0]! } : {}),
  };
}
