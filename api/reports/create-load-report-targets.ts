import { planProgress } from '../../domain/plans/plan-progress';
import type { PlanContent } from '../../domain/plans/plan';
import { targetRows, type TargetRow } from '../../domain/reports/target-rows';
import type { LoadSupportResults } from '../../domain/reports/support-results';
import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';
import { createPlanStore } from '../plans/create-plan-store';
import { loadPlanUnits } from '../plans/load-plan-units';

/** A plan of the report's unit with its targets against what was achieved by the report's last day. */
export interface ReportPlan {
  planId: string;
  title: string;
  from: string;
  to: string;
  /** The last day counted: the report's last day, or the plan's when it ends first. */
  until: string;
  rows: TargetRow[];
}

/**
 * "Targets against results" for a report of `unitCode` over `from`..`to`: every plan of that unit (its newest
 * revision) whose period overlaps the report's, each target's figure counted by `planProgress` over the plan's own
 * period up to the report's last day (a quarterly report shows the year's plan as achieved so far). Whoever may read
 * the report holds a role at the unit or above, so sees every target of its plans (the plans' `full` view).
 */
export function createLoadReportTargets(deps: { models: Models; loadSupportResults: LoadSupportResults }) {
  const { models } = deps;
  const plans = createPlanStore({ models });

  return async function loadReportTargets(query: {
    unitCode: string;
    from: string;
    to: string;
  }): Promise<ReportPlan[]> {
    const docs = (await plans.latestOf([query.unitCode]))
      .filter((d) => d.from <= query.to && d.to >= query.from)
      .sort((a, b) => (a.from === b.from ? a.title.localeCompare(b.title, 'vi') : a.from < b.from ? -1 : 1));
    const out: ReportPlan[] = [];
    for (const doc of docs) {
      const until = doc.to < query.to ? doc.to : query.to;
      const content: PlanContent = {
        unitCode: doc.unitCode,
        title: doc.title,
        kind: doc.kind,
        from: doc.from,
        to: doc.to,
        targets: doc.targets,
      };
      const results = await deps.loadSupportResults({ unitCode: doc.unitCode, from: doc.from, to: until });
      const fundIds = [
        ...new Set([...results.money.map((r) => r.fundId), ...doc.targets.flatMap((t) => t.fundId ?? [])]),
      ];
      const funds = await models.Fund.find({ _id: { $in: fundIds } }, { unitCode: 1, name: 1 }).lean<
        Pick<FundDoc, '_id' | 'unitCode' | 'name'>[]
      >();
      const { tree } = await loadPlanUnits(models, doc.unitCode, [
        ...funds.map((f) => f.unitCode),
        ...results.raised.map((r) => r.unitCode),
      ]);
      const progress = planProgress(content, results, tree, new Map(funds.map((f) => [f._id, f.unitCode])));
      const fundName = new Map(funds.map((f) => [f._id, f.name]));
      out.push({
        planId: doc.planId,
        title: doc.title,
        from: doc.from,
        to: doc.to,
        until,
        rows: targetRows(content, progress, {
          unit: (code) => tree.get(code)?.name ?? code,
          fund: (id) => fundName.get(id) ?? id,
        }),
      });
    }
    return out;
  };
}
