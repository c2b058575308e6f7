import type { TreeUnit, UnitsTree } from '../../domain/plans/units-tree';
import type { Models } from '../../storage/create-models';
import type { UnitDoc } from '../../storage/unit-schema';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { subtreeOf } from '../units/subtree-of';

/** A unit as the plan rules read it. */
export const treeUnit = (u: UnitDoc): TreeUnit => ({
  code: u._id,
  name: u.name,
  level: u.level,
  parentCode: u.parentCode,
  effectiveFrom: u.effectiveFrom,
  effectiveTo: u.effectiveTo,
});

/**
 * The units a plan of `unitCode` may need: the unit, every unit above it, every unit below it (whatever their dates),
 * and the `extra` codes asked for (a target naming a unit elsewhere, so the refusal can name it). 404 for an unknown
 * `unitCode`.
 */
export async function loadPlanUnits(
  models: Models,
  unitCode: string,
  extra: readonly string[] = [],
): Promise<{ tree: UnitsTree; above: string[]; below: Set<string> }> {
  const chain = (await resolveUnitChain(models, unitCode)).units;
  const below = await subtreeOf(models, [unitCode]);
  const docs = await models.Unit.find({ _id: { $in: [...new Set([...below, ...extra])] } }).lean<UnitDoc[]>();
  const tree = new Map<string, TreeUnit>();
  for (const u of [...chain, ...docs]) tree.set(u._id, treeUnit(u));
  return { tree, above: chain.slice(1).map((u) => u._id), below };
}
