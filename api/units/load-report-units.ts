import type { Models } from '../../storage/create-models';
import type { UnitDoc } from '../../storage/unit-schema';
import { resolveUnitChain } from './resolve-unit-chain';
import { subtreeOf } from './subtree-of';

/** What a report of a unit needs of the hierarchy: the unit's chain and subtree by name, each unit's lower unit. */
export interface ReportUnits {
  /** The unit, then each unit above it. */
  chain: Pick<UnitDoc, '_id' | 'name'>[];
  /** The names of the chain's and the subtree's units. */
  names: Map<string, string>;
  /** The report unit's child that holds `code` (the unit itself for its own), walking parent links up. */
  lowerUnitOf: (code: string) => string;
}

/** The chain and subtree of a report's unit (404 for an unknown unit, from resolveUnitChain). */
export async function loadReportUnits(models: Models, unitCode: string): Promise<ReportUnits> {
  const chain = (await resolveUnitChain(models, unitCode)).units;
  const subtree = await models.Unit.find(
    { _id: { $in: [...(await subtreeOf(models, [unitCode]))] } },
    { name: 1, parentCode: 1 },
  ).lean<Pick<UnitDoc, '_id' | 'name' | 'parentCode'>[]>();
  const names = new Map([...chain, ...subtree].map((u) => [u._id, u.name]));
  const parent = new Map(subtree.map((u) => [u._id, u.parentCode]));
  const lowerUnitOf = (code: string): string => {
    let at = code;
    for (let depth = 0; depth < 8; depth++) {
      const up = parent.get(at);
      if (at === unitCode || !up) return at;
      if (up === unitCode) return at;
      at = up;
    }
    return code;
  };
  return { chain, names, lowerUnitOf };
}
