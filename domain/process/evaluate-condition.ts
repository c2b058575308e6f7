import type { Condition, FactValue } from './process-definition';

/** True when every comparison in the condition holds for the facts. A missing fact satisfies nothing. */
export function evaluateCondition(condition: Condition | undefined, facts: Record<string, FactValue>): boolean {
  if (!condition) return true;
  const value = facts[condition.fact];
  if (value === undefined) return false;
  if (condition.eq !== undefined && value !== condition.eq) return false;
  if (condition.ne !== undefined && value === condition.ne) return false;
  if (condition.in !== undefined && !condition.in.includes(value)) return false;
  const numeric = typeof value === 'number';
  if (condition.gt !== undefined && !(numeric && value > condition.gt)) return false;
  if (condition.gte !== undefined && !(numeric && value >= condition.gte)) return false;
  if (condition.lt !== undefined && !(numeric && value < condition.lt)) return false;
  if (condition.lte !== undefined && !(numeric && value <= condition.lte)) return false;
  return true;
}
