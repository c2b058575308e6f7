import type { PlanContent } from '../../domain/plans/plan';
import type { PlanCheckContext, PlanFund } from '../../domain/plans/plan-problems';
import { PLAN_PROGRAMMES } from '../../domain/plans/plan-programmes';
import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';
import { loadPlanUnits } from './load-plan-units';

/** The funds of the units (a plan's unit, those above and those below it): what its targets may name as a source. */
export const planSources = (models: Models, units: readonly string[]) =>
  models.Fund.find({ unitCode: { $in: [...units] } }, { name: 1, unitCode: 1, active: 1 })
    .limit(2000)
    .lean<Pick<FundDoc, '_id' | 'name' | 'unitCode' | 'active'>[]>();

/**
 * What planProblems needs to judge a plan, from the database: the plan's units (above, below and any unit a target
 * names), the funds it may name (those of its unit, the units above and the units below), and the programmes (the
 * seeds' and those of every published process definition).
 */
export async function planCheckContext(models: Models, plan: PlanContent): Promise<PlanCheckContext> {
  const named = plan.targets.flatMap((t) => (t.unitCode ? [t.unitCode] : []));
  const { tree, above, below } = await loadPlanUnits(models, plan.unitCode, named);
  const funds = await models.Fund.find(
    { unitCode: { $in: [...above, ...below] } },
    { name: 1, unitCode: 1, kind: 1 },
  ).lean<Pick<FundDoc, '_id' | 'name' | 'unitCode' | 'kind'>[]>();
  const published = (await models.ProcessDefinition.distinct('programme')) as string[];
  return {
    units: tree,
    funds: new Map<string, PlanFund>(funds.map((f) => [f._id, { name: f.name, unitCode: f.unitCode, kind: f.kind }])),
    programmes: new Set([...Object.keys(PLAN_PROGRAMMES), ...published]),
  };
}
