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

/** Every check's problems, in the order given (each check runs after the one before). */
export const allChecks =
  (...checks: (StepDataCheck | undefined)[]): StepDataCheck =>
  async (data) => {
    const problems: StepDataProblem[] = [];
    for (const check of checks) if (check) problems.push(...(await check(data)));
    return problems;
  };
