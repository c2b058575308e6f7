import type { Models } from '../../storage/create-models';
import type { UnitDoc } from '../../storage/unit-schema';
import type { Level } from '../../domain/process/process-definition';
import { NotFoundError } from '../errors';

export interface UnitChain {
  /** The unit and its ancestors, nearest first. */
  units: UnitDoc[];
  /** Unit code per level. */
  byLevel: Partial<Record<Level, string>>;
}

/** Walks parent links from `unitCode` up to the province. Throws 404 for an unknown unit; stops on a cycle. */
export async function resolveUnitChain(models: Models, unitCode: string): Promise<UnitChain> {
  const units: UnitDoc[] = [];
  const byLevel: Partial<Record<Level, string>> = {};
  let code: string | null = unitCode;
  while (code && units.length < 8 && !units.some((u) => u._id === code)) {
    const unit: UnitDoc | null = await models.Unit.findById(code).lean();
    if (!unit) throw new NotFoundError(`unit ${code}`);
    units.push(unit);
    byLevel[unit.level] ??= unit._id;
    code = unit.parentCode;
  }
  return { units, byLevel };
}
