import { DEFAULT_OFFICE_HOURS } from '../calendar/calendar-year';
import type { DefinitionProblem } from './definition-problem';
import type { ProcessDefinition } from './process-definition';

/**
 * The daily cut-off a definition declares (`cutoff`, HH:MM; the schema checks its form) must fall within the default
 * office hours (after the first opening, at the latest at the close): before the office opens every dossier would
 * count from the next working day, after it closes none would. Nothing for a definition without one.
 */
export function cutoffProblems(def: Pick<ProcessDefinition, 'cutoff'>): DefinitionProblem[] {
  if (def.cutoff === undefined) return [];
  const open = DEFAULT_OFFICE_HOURS[0]?.start ?? '00:00';
  const close = DEFAULT_OFFICE_HOURS[DEFAULT_OFFICE_HOURS.length - 1]?.end ?? '24:00';
  if (def.cutoff > open && def.cutoff <= close) return [];
  return [{ path: '/cutoff', message: `the cut-off ${def.cutoff} is not within office hours (${open}–${close})` }];
}
