import type { Models } from '../../storage/create-models';
import type { UnitDoc } from '../../storage/unit-schema';
import { inForceOn, successorsOf } from '../../domain/units';
import { ForbiddenError, NotFoundError } from '../errors';
import type { UnitQuery } from './parse-unit-query';
import { subtreeOf } from './subtree-of';
import type { UnitItem } from '../../api-contract';

const LEVEL_ORDER: Record<UnitDoc['level'], number> = { province: 0, district: 1, commune: 2 };
/**
 * The units a query asks for, provinces first, then by name: in force on `query.at` (from `effectiveFrom` to
 * `effectiveTo`, both included) or all, below `query.under` (404 for an unknown unit) and, when `scope` is given,
 * inside it (403 for an `under` outside it). Each says whether it is in force `today` (Vietnam's civil date) and every
 * successor it names.
 */
export async function listUnits(
  models: Models,
  query: UnitQuery,
  today: string,
  scope?: Set<string>,
  /** Whether this installation enforces unit validity (createApp's `enforceUnitValidity`): see `acceptsDossiers`. */
  enforced = true,
): Promise<UnitItem[]> {
  let codes = scope;
  if (query.under !== null) {
    if (!(await models.Unit.exists({ _id: query.under }))) throw new NotFoundError(`unit ${query.under}`);
    if (scope && !scope.has(query.under)) {
      throw new ForbiddenError({
        vi: `Đơn vị ${query.under} nằm ngoài phạm vi của biểu mẫu này`,
        en: `unit ${query.under} is outside this form's area`,
      });
    }
    codes = await subtreeOf(models, [query.under]);
  }
  const filter: Record<string, unknown> = {};
  if (codes) filter._id = { $in: [...codes] };
  if (query.at !== null) {
    filter.effectiveFrom = { $lte: query.at };
    filter.$or = [{ effectiveTo: null }, { effectiveTo: { $gte: query.at } }];
  }
  const units = await models.Unit.find(filter).lean();
  return units
    .sort(
      (a, b) =>
        LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, 'vi') || a._id.localeCompare(b._id),
    )
    .map((u) => ({
      code: u._id,
      name: u.name,
      ...(u.nameEn ? { nameEn: u.nameEn } : {}),
      level: u.level,
      parent: u.parentCode,
      effectiveFrom: u.effectiveFrom,
      effectiveTo: u.effectiveTo,
      successor: u.successorCode,
      successors: successorsOf(u),
      inForce: inForceOn(u, today),
      // What the API's creation rule does with the unit today: it refuses a unit not in force only where validity is
      // enforced, and the officer app offers what the API would take.
      acceptsDossiers: !enforced || inForceOn(u, today),
    }));
}
