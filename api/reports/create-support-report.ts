import { supportReportOf, type SupportReport } from '../../domain/reports/support-report';
import type { Models } from '../../storage/create-models';
import type { UnitDoc } from '../../storage/unit-schema';
import { loadReportUnits } from '../units/load-report-units';
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
    const { chain, names, lowerUnitOf } = await loadReportUnits(models, query.unitCode);
    const results = await load(query);
    const fundIds = [...new Set([...results.money, ...results.raised].map((r) => r.fundId))];
    const funds = await models.Fund.find({ _id: { $in: fundIds } }, { name: 1, unitCode: 1 }).lean();
    const fundUnits = await models.Unit.find({ _id: { $in: funds.map((f) => f.unitCode) } }, { name: 1 }).lean<
      Pick<UnitDoc, '_id' | 'name'>[]
    >();

    for (const u of fundUnits) names.set(u._id, u.name);
    const fundById = new Map(funds.map((f) => [f._id, { name: f.name, unitCode: f.unitCode }]));
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
