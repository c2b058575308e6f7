// Browser-safe and DOM-free.
import { findStep } from '../../../domain/process/find-step';
import type { Level, ProcessDefinition } from '../../../domain/process/process-definition';
import { startProblem } from '../../../domain/process/start-problem';
import type { RoleGrant, UnitItem } from '../../../api-contract';
import { retiredUnitOf } from '../units/retired-unit-of';

/** The levels of a unit and the units above it, by the directory's parent links (the unit itself first). */
export function chainLevels(unitCode: string, unit: (code: string) => UnitItem | undefined): Level[] | undefined {
  const levels: Level[] = [];
  const seen = new Set<string>();
  for (let code: string | null = unitCode; code && !seen.has(code);) {
    seen.add(code);
    const found = unit(code);
    if (!found) return undefined;
    levels.push(found.level);
    code = found.parent;
  }
  return levels;
}

/**
 * The caller's grants that may start a dossier of `definition` today: those holding the first step's role in a unit
 * in force today with every unit above it (retiredUnitOf, the server's creation rule), that can start it (the
 * definition in effect, a unit at every level its steps need: the server's own rule, `startProblem`), so a post-2025
 * ward is not offered the seed-era chains and a retired ward nothing. Without the unit directory (`unit`), or for a
 * unit it does not know, only the role is judged and the server says why if it refuses.
 */
export function startableGrants(
  definition: ProcessDefinition,
  grants: readonly RoleGrant[],
  context?: { unit(code: string): UnitItem | undefined; today: string },
): RoleGrant[] {
  const first = findStep(definition, definition.initialStep);
  if (!first) return [];
  return grants.filter((g) => {
    if (g.role !== first.role) return false;
    if (!context) return true;
    if (retiredUnitOf(g.unitCode, context.unit, 'acceptsDossiers')) return false;
    const levels = chainLevels(g.unitCode, context.unit);
    return levels === undefined || startProblem(definition, levels, context.today) === null;
  });
}
