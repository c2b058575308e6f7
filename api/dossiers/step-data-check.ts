import type { LocalizedText } from '../../domain/process/process-definition';

/**
 * Extra field problems of a step's data that need more than its form (the dossier's amounts, the funds it names),
 * as JSON pointers into the data; none by default.
 */
export type StepDataCheck = (data: Record<string, unknown>) => Promise<StepDataProblem[]>;

export interface StepDataProblem {
  path: string;
  keyword: string;
  message: LocalizedText;
}

/** Both checks' problems, in order. */
export const bothChecks =
  (first: StepDataCheck, second: StepDataCheck): StepDataCheck =>
  async (data) => [...(await first(data)), ...(await second(data))];
