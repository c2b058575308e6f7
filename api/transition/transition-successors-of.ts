import type { UnitDoc } from '../../storage/unit-schema';

/**
 * The units that succeed a unit retired by a reform, by code; empty for a unit with none. The one place a transition
 * plan reads successor links, so that a richer successor model (a list with shares) changes only this function.
 */
export function transitionSuccessorsOf(unit: Pick<UnitDoc, 'successorCode'>): string[] {
  return unit.successorCode ? [unit.successorCode] : [];
}
