import { Router, type RequestHandler } from 'express';
import { authenticatedUser } from '../auth/authenticated-user';
import type { RequestValidator } from '../validation/create-request-validator';
import { recordAdminEvent } from '../admin/record-admin-event';
import type { Models } from '../../storage/create-models';
import type { TransitionPlanList, TransitionReportList } from '../../api-contract';
import type { TransitionPlanRequest, TransitionService } from './create-transition-service';

/**
 * Transition plans over HTTP (docs/transition-plans.md), for administrators: prepare a plan, run it dry for a report,
 * execute it. Preparing and executing are in the administrative audit log; every report is stored.
 */
export function createTransitionRouter(deps: {
  models: Models;
  transitions: TransitionService;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
}): Router {
  const router = Router();
  const { transitions } = deps;

  router.post('/api/admin/transition-plans', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<TransitionPlanRequest>('TransitionPlanRequest', req.body);
    const plan = await transitions.create(caller, body);
    await recordAdminEvent(deps.models, {
      by: caller.id,
      kind: 'transition.create',
      target: plan.id,
      scope: caller.grants.find((g) => g.role === 'admin')?.unitCode ?? '',
      details: { name: plan.name, reformDate: plan.reformDate },
    });
    res.status(201).json(plan);
  });

  router.get('/api/admin/transition-plans', deps.authenticate, async (req, res) => {
    res.json({ items: await transitions.list(authenticatedUser(req)) } satisfies TransitionPlanList);
  });

  router.get('/api/admin/transition-plans/:id/reports', deps.authenticate, async (req, res) => {
    const items = await transitions.reports(authenticatedUser(req), String(req.params.id));
    res.json({ items } satisfies TransitionReportList);
  });

  router.get('/api/admin/transition-plans/:id', deps.authenticate, async (req, res) => {
    res.json(await transitions.get(authenticatedUser(req), String(req.params.id)));
  });

  router.post('/api/admin/transition-plans/:id/dry-run', deps.authenticate, async (req, res) => {
    res.json(await transitions.run(authenticatedUser(req), String(req.params.id), 'dry_run'));
  });

  router.post('/api/admin/transition-plans/:id/execute', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const report = await transitions.run(caller, String(req.params.id), 'execute');
    await recordAdminEvent(deps.models, {
      by: caller.id,
      kind: 'transition.execute',
      target: report.planId,
      scope: caller.grants.find((g) => g.role === 'admin')?.unitCode ?? '',
      details: { report: report.id, ...report.counts },
    });
    res.json(report);
  });

  return router;
}
