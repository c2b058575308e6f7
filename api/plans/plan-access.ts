import type { PlanTarget } from '../../domain/plans/plan';
import { isAtOrBelow, type UnitsTree } from '../../domain/plans/units-tree';
import type { Models } from '../../storage/create-models';
import { ADMIN_ROLE } from '../admin/admin-role';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError } from '../errors';
import { resolveUnitChain } from '../units/resolve-unit-chain';

/**
 * What the caller sees of a plan: `full` when they hold a role at the plan's unit or above it; `targets_for_us`
 * when they hold one only below it, and then only the targets set for their units and the units below those
 * (`visible`, by index); null when nothing of it is theirs.
 */
export type PlanView = { view: 'full' } | { view: 'targets_for_us'; visible: number[]; units: string[] };

/** The indexes of the targets set for one of `units` or a unit below them. */
export const targetsFor = (targets: readonly PlanTarget[], units: readonly string[], tree: UnitsTree): number[] =>
  targets.flatMap((t, i) => (t.unitCode && units.some((unit) => isAtOrBelow(tree, t.unitCode!, unit)) ? [i] : []));

export function planViewOf(
  caller: AuthenticatedUser,
  plan: { unitCode: string; targets: PlanTarget[] },
  tree: UnitsTree,
): PlanView | null {
  const grantUnits = caller.grants.map((g) => g.unitCode);
  if (grantUnits.some((unit) => isAtOrBelow(tree, plan.unitCode, unit))) return { view: 'full' };
  const mine = grantUnits.filter((unit) => unit !== plan.unitCode && isAtOrBelow(tree, unit, plan.unitCode));
  const visible = targetsFor(plan.targets, mine, tree);
  return visible.length > 0 ? { view: 'targets_for_us', visible, units: mine } : null;
}

/** The officer role of a level, as the process definitions name it (`district_officer`). */
const officerOf = (level: string) => `${level}_officer`;

/**
 * True when the caller may write the plans of the unit: an officer of the unit's own level at the unit, its unit
 * head, or an administrator of the unit or a unit above it.
 */
export async function mayWritePlan(
  models: Models,
  caller: AuthenticatedUser,
  unit: { code: string; level: string },
): Promise<boolean> {
  if (caller.grants.some((g) => g.unitCode === unit.code && [officerOf(unit.level), 'unit_head'].includes(g.role)))
    return true;
  const admins = new Set(caller.grants.filter((g) => g.role === ADMIN_ROLE).map((g) => g.unitCode));
  if (admins.size === 0) return false;
  return (await resolveUnitChain(models, unit.code)).units.some((u) => admins.has(u._id));
}

/** 403 unless mayWritePlan. */
export async function assertMayWritePlan(
  models: Models,
  caller: AuthenticatedUser,
  unit: { code: string; level: string; name: string },
): Promise<void> {
  if (await mayWritePlan(models, caller, unit)) return;
  throw new ForbiddenError({
    vi: `Chỉ cán bộ cấp ${unit.name}, lãnh đạo đơn vị hoặc quản trị viên được lập, sửa kế hoạch của đơn vị này`,
    en: `only the unit's own-level officers, its head or an administrator may write its plans`,
  });
}
