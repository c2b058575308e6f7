import { successorsOf } from '../../domain/units/unit-successor';
import type { UnitDoc } from '../../storage/unit-schema';

/**
 * The units that succeed a unit retired by a reform, by code; empty for a unit with none, several for a split (which
 * a plan never guesses: it needs an explicit mapping). The one place a transition plan reads successor links.
 */
export function transitionSuccessorsOf(unit: Pick<UnitDoc, 'successorCode' | 'successors'>): string[] {
  return successorsOf(unit).map((successor) => successor.code);
}
