import type { FactValue } from '../process/process-definition';

/** The dossier's fact `supportType` when it is a non-empty string, else null. */
export const supportTypeOf = (facts: Record<string, FactValue>): string | null =>
  typeof facts['supportType'] === 'string' && facts['supportType'] !== '' ? facts['supportType'] : null;

/** The people or households a dossier covers: its fact `beneficiaries` when a positive whole number, else 1. */
export const beneficiariesOf = (facts: Record<string, FactValue>): number => {
  const n = facts['beneficiaries'];
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : 1;
};
