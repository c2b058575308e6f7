// Browser-safe and DOM-free.
import type { UnitItem } from '../../../api-contract';

/**
 * The first unit of `unitCode`'s chain (the unit, then the units above it) that is not in force today, by the API's
 * `inForce` flag (domain/units inForceOn, the one rule), or undefined when all are, or when the directory does not
 * know the unit (the API then decides and says why).
 */
export function retiredUnitOf(
  unitCode: string,
  unit: (code: string) => UnitItem | undefined,
  /** `acceptsDossiers` for what may be started (the API's creation rule as this installation enforces it). */
  flag: 'inForce' | 'acceptsDossiers' = 'inForce',
): UnitItem | undefined {
  const seen = new Set<string>();
  for (let code: string | null = unitCode; code && !seen.has(code);) {
    seen.add(code);
    const found = unit(code);
    if (!found) return undefined;
    if (!found[flag]) return found;
    code = found.parent;
  }
  return undefined;
}
