import type { Level } from '../process/process-definition';

/** An administrative unit as the plan rules need it. */
export interface TreeUnit {
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Units by code (any subset that holds every unit and ancestor the caller asks about). */
export type UnitsTree = ReadonlyMap<string, TreeUnit>;

/** Province → district → commune → (village): more steps than the hierarchy has, in case of a cycle. */
const MAX_DEPTH = 6;

/** True when `ancestor` is `code` itself or a unit above it. */
export function isAtOrBelow(tree: UnitsTree, code: string, ancestor: string): boolean {
  let current: string | null = code;
  for (let depth = 0; current && depth <= MAX_DEPTH; depth++) {
    if (current === ancestor) return true;
    current = tree.get(current)?.parentCode ?? null;
  }
  return false;
}

/** True when the unit was in force on some day of the inclusive period. */
export const inForceDuring = (unit: TreeUnit, from: string, to: string): boolean =>
  unit.effectiveFrom <= to && (unit.effectiveTo === null || unit.effectiveTo >= from);

/** The child of `ancestor` on the way down to `code` (`code` itself when it is a child); null when not below. */
export function childOnPath(tree: UnitsTree, code: string, ancestor: string): string | null {
  let current: string | null = code;
  for (let depth = 0; current && depth <= MAX_DEPTH; depth++) {
    const parent: string | null = tree.get(current)?.parentCode ?? null;
    if (parent === ancestor) return current;
    current = parent;
  }
  return null;
}
