import type { LocalizedText } from '../process/process-definition';
import { supportLabel } from '../reports/support-labels';

/** The programmes of the seeds that a plan may set targets for. */
const PLAN_PROGRAMME_CODES = [
  'housing',
  'livelihood',
  'health_insurance',
  'savings_book',
  'education',
  'household_goods',
  'tet_gift',
  'sponsorship',
  'fund_campaign',
  'fund_for_the_poor',
  'credit_access',
] as const;

/**
 * The programmes of the seeds that a plan may set targets for, with their names (the one table of names,
 * domain/reports/support-labels.ts). A published process definition may bring another programme: the plan checks
 * accept every programme of either (see planProblems).
 */
export const PLAN_PROGRAMMES: Readonly<Record<string, LocalizedText>> = Object.fromEntries(
  PLAN_PROGRAMME_CODES.map((code) => [code, supportLabel(code)]),
);

/** The programme's name, or its code when it has none. */
export const programmeName = (programme: string): LocalizedText => supportLabel(programme);
