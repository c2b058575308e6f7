import { supportReportOf, type SupportReport } from '../../domain/reports/support-report';
import type { Models } from '../../storage/create-models';
import type { UnitDoc } from '../../storage/unit-schema';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { subtreeOf } from '../units/subtree-of';
import { createLoadSupportResults } from './create-load-support-results';

/** The report with what its documents print besides the figures: the unit above the report's unit. */
export interface SupportReportWithHeading extends SupportReport {
  superior: { code: string; name: string } | null;
}

/**
 * The support report of a unit for a period (civil days, inclusive): the results (createLoadSupportResults) added
 * up by supportReportOf, with the names of units and funds, each commune rolled up to the report unit's child that
 * holds it (walking parent links in the unit's subtree). Throws NotFoundError for an unknown unit.
 */
export function createSupportReport(deps: { models: Models }) {
  const { models } = deps;
  const load = createLoadSupportResults(deps);

  return async function supportReport(query: {
    unitCode: string;
    from: string;
    to: string;
  }): Promise<SupportReportWithHeading> {
    const chain = (await resolveUnitChain(models, query.unitCode)).units;
    const results = await load(query);
    const subtree = await models.Unit.find(
      { _id: { $in: [...(await subtreeOf(models, [query.unitCode]))] } },
      { name: 1, parentCode: 1 },
    ).lean<Pick<UnitDoc, '_id' | 'name' | 'parentCode'>[]>();
    const fundIds = [...new Set([...results.money, ...results.raised].map((r) => r.fundId))];
    const funds = await models.Fund.find({ _id: { $in: fundIds } }, { name: 1, unitCode: 1 }).lean();
    const fundUnits = await models.Unit.find({ _id: { $in: funds.map((f) => f.unitCode) } }, { name: 1 }).lean<
      Pick<UnitDoc, '_id' | 'name'>[]
    >();

    const names = new Map([...chain, ...subtree, ...fundUnits].map((u) => [u._id, u.name]));
    const parent = new Map(subtree.map((u) => [u._id, u.parentCode]));
    const fundById = new Map(funds.map((f) => [f._id, { name: f.name, unitCode: f.unitCode }]));
    const lowerUnitOf = (code: string): string => {
      let at = code;
      for (let depth = 0; depth < 8; depth++) {
        const up = parent.get(at);
        if (at === query.unitCode || !up) return at;
        if (up === query.unitCode) return at;
        at = up;
      }
      return code;
    };
    const report = supportReportOf(results, {
      unitName: (code) => names.get(code) ?? code,
      fund: (id) => fundById.get(id) ?? { name: id, unitCode: '' },
      lowerUnitOf,
    });
    const superior = chain[1];
    return {
      ...report,
      superior: superior ? { code: superior._id, name: superior.name } : null,
    };
  };
}
