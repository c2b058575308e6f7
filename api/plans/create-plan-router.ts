import { randomUUID } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { Plan, PlanDetail, PlanList, PlanProgress, PlanSourceList } from '../../api-contract';
import type { PlanContent, PlanTarget } from '../../domain/plans/plan';
import { planProblems } from '../../domain/plans/plan-problems';
import { planProgress } from '../../domain/plans/plan-progress';
import type { UnitsTree } from '../../domain/plans/units-tree';
import type { LoadSupportResults } from '../../domain/reports/support-results';
import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';
import type { PlanRevisionDoc } from '../../storage/plan-revision-schema';
import { authenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { chainWithRole } from '../funds/readable-fund';
import { checkedParameters } from '../validation/checked-parameters';
import type { RequestValidator } from '../validation/create-request-validator';
import type { PlanStore } from './create-plan-store';
import { loadPlanUnits } from './load-plan-units';
import { assertMayWritePlan, mayWritePlan, planViewOf, targetsFor, type PlanView } from './plan-access';
import { planCheckContext, planSources } from './plan-check-context';
import type { LoadRegisterCoverage } from '../poverty-register/create-load-register-coverage';
import { registerTargetProgress } from '../poverty-register/register-target-progress';

type PlanFields = Omit<PlanContent, 'unitCode'>;
type RevisionRequest = PlanFields & { expectedRevision: number; reason: string };

const contentOf = (doc: PlanRevisionDoc): PlanContent => ({
  unitCode: doc.unitCode,
  title: doc.title,
  kind: doc.kind,
  from: doc.from,
  to: doc.to,
  ...(doc.basis === null ? {} : { basis: doc.basis }),
  targets: doc.targets,
});

const visibleTargets = <T>(items: T[], view: PlanView): T[] =>
  view.view === 'full' ? items : items.filter((_t, i) => view.visible.includes(i));

/** Copies only the fields a target may have, so nothing the schema did not name is ever stored. */
const storedTarget = (t: PlanTarget): PlanTarget =>
  Object.fromEntries(Object.entries(t).filter(([, value]) => value !== undefined && value !== null)) as PlanTarget;

/**
 * Plans and targets over HTTP ([plans-and-reports.md](../../docs/plans-and-reports.md)): a plan is an append-only
 * series of revisions (PlanRevisionDoc); its progress comes from the support results of its unit over its period.
 */
export function createPlanRouter(deps: {
  models: Models;
  plans: PlanStore;
  loadSupportResults: LoadSupportResults;
  /** Coverage targets whose baseline is the poverty register; absent, such targets use the typed baseline rule. */
  loadRegisterCoverage?: LoadRegisterCoverage;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
  now?: () => Date;
}): Router {
  const router = Router();
  const { models, plans } = deps;
  const now = deps.now ?? (() => new Date());

  async function names(tree: UnitsTree, plan: PlanContent, moreUnits: string[] = [], moreFunds: string[] = []) {
    const fundIds = [...new Set([...plan.targets.flatMap((t) => (t.fundId ? [t.fundId] : [])), ...moreFunds])];
    const funds = fundIds.length
      ? await models.Fund.find({ _id: { $in: fundIds } }, { name: 1 }).lean<Pick<FundDoc, '_id' | 'name'>[]>()
      : [];
    const unitCodes = [plan.unitCode, ...plan.targets.flatMap((t) => (t.unitCode ? [t.unitCode] : [])), ...moreUnits];
    return {
      units: Object.fromEntries(unitCodes.map((code) => [code, tree.get(code)?.name ?? code])),
      funds: Object.fromEntries(funds.map((f) => [f._id, f.name])),
    };
  }

  async function present(caller: AuthenticatedUser, doc: PlanRevisionDoc, view: PlanView, tree: UnitsTree) {
    const shown = { ...contentOf(doc), targets: visibleTargets(doc.targets, view) };
    return {
      id: doc.planId,
      revision: doc.revision,
      unitCode: doc.unitCode,
      level: doc.level,
      title: doc.title,
      kind: doc.kind,
      from: doc.from,
      to: doc.to,
      basis: doc.basis,
      targets: shown.targets,
      updatedAt: doc.at.toISOString(),
      updatedBy: doc.byName,
      view: view.view,
      mayEdit: view.view === 'full' && (await mayWritePlan(models, caller, { code: doc.unitCode, level: doc.level })),
      names: await names(tree, shown),
    } satisfies Plan;
  }

  /** The plan's newest revision, its units and what the caller sees of it: 404 unknown, 403 nothing to see. */
  async function readablePlan(caller: AuthenticatedUser, id: string) {
    const doc = await plans.latest(id);
    if (!doc) throw new NotFoundError('kế hoạch / plan');
    const { tree } = await loadPlanUnits(
      models,
      doc.unitCode,
      caller.grants.map((g) => g.unitCode),
    );
    const view = planViewOf(caller, doc, tree);
    if (!view)
      throw new ForbiddenError({
        vi: 'Kế hoạch này không thuộc đơn vị của bạn',
        en: 'this plan is not one of your units’ plans',
      });
    return { doc, tree, view };
  }

  async function checked(content: PlanContent): Promise<void> {
    const problems = planProblems(content, await planCheckContext(models, content));
    if (problems.length > 0) throw new ValidationError(problems);
  }

  function revisionDoc(
    caller: AuthenticatedUser,
    planId: string,
    revision: number,
    content: PlanContent,
    level: PlanRevisionDoc['level'],
    reason: string | null,
  ): PlanRevisionDoc {
    return {
      _id: `${planId}@${revision}`,
      planId,
      revision,
      unitCode: content.unitCode,
      level,
      title: content.title,
      kind: content.kind,
      from: content.from,
      to: content.to,
      basis: content.basis ?? null,
      targets: content.targets.map(storedTarget),
      by: caller.id,
      byName: caller.displayName,
      at: now(),
      reason,
    };
  }

  router.post('/api/plans', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<PlanContent>('PlanRequest', req.body);
    const unit = await models.Unit.findById(body.unitCode).lean();
    if (!unit)
      throw new ValidationError([
        {
          path: '/unitCode',
          keyword: 'plan',
          message: { vi: `Không có đơn vị ${body.unitCode}`, en: `no unit ${body.unitCode}` },
        },
      ]);
    await assertMayWritePlan(models, caller, { code: unit._id, level: unit.level, name: unit.name });
    await checked(body);
    const doc = revisionDoc(caller, randomUUID(), 1, body, unit.level, null);
    await plans.append(doc);
    const { tree } = await loadPlanUnits(models, doc.unitCode);
    res.status(201).json(await present(caller, doc, { view: 'full' }, tree));
  });

  router.get('/api/plans', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const query = checkedParameters<{ unit: string; year: number }>(req).query;
    const roots = query.unit ? [query.unit] : [...new Set(caller.grants.map((g) => g.unitCode))];
    if (query.unit) await chainWithRole(models, caller, query.unit);
    const shown = new Map<string, Plan>();
    for (const root of roots) {
      const { tree, above, below } = await loadPlanUnits(models, root);
      const inYear = (doc: PlanRevisionDoc) =>
        !query.year || (doc.from <= `${query.year}-12-31` && doc.to >= `${query.year}-01-01`);
      for (const doc of (await plans.latestOf([...below])).filter(inYear))
        shown.set(doc.planId, await present(caller, doc, { view: 'full' }, tree));
      for (const doc of (await plans.latestOf(above)).filter(inYear)) {
        if (shown.has(doc.planId)) continue;
        const visible = targetsFor(doc.targets, [root], tree);
        if (visible.length > 0)
          shown.set(doc.planId, await present(caller, doc, { view: 'targets_for_us', visible, units: [root] }, tree));
      }
    }
    const items = [...shown.values()].sort(
      (a, b) =>
        b.from.localeCompare(a.from) || a.unitCode.localeCompare(b.unitCode) || a.title.localeCompare(b.title, 'vi'),
    );
    res.json({ items } satisfies PlanList);
  });

  router.get('/api/plans/:id', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const { doc, tree, view } = await readablePlan(caller, String(req.params.id));
    const revisions = (await plans.revisions(doc.planId)).map((r) => ({
      id: r.planId,
      revision: r.revision,
      unitCode: r.unitCode,
      level: r.level,
      title: r.title,
      kind: r.kind,
      from: r.from,
      to: r.to,
      basis: r.basis,
      targets: view.view === 'full' ? r.targets : targetsFor(r.targets, view.units, tree).map((i) => r.targets[i]!),
      at: r.at.toISOString(),
      by: r.by,
      byName: r.byName,
      reason: r.reason,
    }));
    res.json({ ...(await present(caller, doc, view, tree)), revisions } satisfies PlanDetail);
  });

  router.put('/api/plans/:id', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<RevisionRequest>('PlanRevisionRequest', req.body);
    const latest = await plans.latest(String(req.params.id));
    if (!latest) throw new NotFoundError('kế hoạch / plan');
    const unit = await models.Unit.findById(latest.unitCode).lean();
    await assertMayWritePlan(models, caller, {
      code: latest.unitCode,
      level: latest.level,
      name: unit?.name ?? latest.unitCode,
    });
    if (body.expectedRevision !== latest.revision)
      throw new ConflictError(
        {
          vi: `Kế hoạch đã có phiên bản ${latest.revision}; hãy tải lại và sửa trên phiên bản mới nhất`,
          en: `the plan is at revision ${latest.revision}; reload it and edit the newest revision`,
        },
        { code: 'plan_revision_conflict' },
      );
    const { expectedRevision, reason, ...fields } = body;
    const content: PlanContent = { ...fields, unitCode: latest.unitCode };
    await checked(content);
    const doc = revisionDoc(caller, latest.planId, expectedRevision + 1, content, latest.level, reason);
    await plans.append(doc);
    const { tree } = await loadPlanUnits(models, doc.unitCode);
    res.json(await present(caller, doc, { view: 'full' }, tree));
  });

  router.get('/api/plans/:id/progress', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const { doc, tree, view } = await readablePlan(caller, String(req.params.id));
    const results = await deps.loadSupportResults({ unitCode: doc.unitCode, from: doc.from, to: doc.to });
    const fundIds = [...new Set(results.money.map((r) => r.fundId))];
    const funds = await models.Fund.find({ _id: { $in: fundIds } }, { unitCode: 1 }).lean<
      Pick<FundDoc, '_id' | 'unitCode'>[]
    >();
    const { tree: fundTree } = await loadPlanUnits(models, doc.unitCode, [
      ...funds.map((f) => f.unitCode),
      ...results.raised.map((r) => r.unitCode),
    ]);
    const progress = planProgress(contentOf(doc), results, fundTree, new Map(funds.map((f) => [f._id, f.unitCode])));
    const computed = deps.loadRegisterCoverage
      ? await registerTargetProgress(caller, contentOf(doc), progress.targets, tree, deps.loadRegisterCoverage)
      : progress.targets;
    const targets = visibleTargets(computed, view);
    const named = await names(
      tree,
      { ...contentOf(doc), targets: visibleTargets(doc.targets, view) },
      targets.flatMap((t) => t.byUnit.map((u) => u.unitCode)),
    );
    res.json({
      planId: doc.planId,
      revision: doc.revision,
      unitCode: doc.unitCode,
      from: doc.from,
      to: doc.to,
      view: view.view,
      targets: targets.map((t) => ({
        ...t,
        target: doc.targets[t.index]!,
        byUnit: t.byUnit.map((u) => ({ ...u, name: named.units[u.unitCode] ?? u.unitCode })),
      })),
      names: named,
    } satisfies PlanProgress);
  });

  router.get('/api/plan-sources', deps.authenticate, async (req, res) => {
    const unit = checkedParameters<{ unit: string }>(req).query.unit!; // required by the route's declaration
    await chainWithRole(models, authenticatedUser(req), unit);
    const { above, below } = await loadPlanUnits(models, unit);
    const funds = await planSources(models, [...above, ...below]);
    funds.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'vi'));
    res.json({
      items: funds.map((f) => ({ id: f._id, name: f.name, unitCode: f.unitCode, active: f.active })),
    } satisfies PlanSourceList);
  });

  return router;
}
