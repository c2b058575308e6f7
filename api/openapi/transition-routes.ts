import { idParameter, type ApiParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

const planId: ApiParameters = { id: idParameter('the transition plan id', 60) };

/**
 * The routes of transition plans ([transition-plans.md](../../docs/transition-plans.md)). Part of apiRoutes
 * (api-routes.ts), spread in at the end.
 */
export const transitionRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/admin/transition-plans',
    summary:
      'Prepare a transition plan for a reform date: unit mapping (absent units follow their successor links), definition mapping (old step → equivalent step), dossiers finished on the old chain by a named unit. Administrators of every unit it names; a unit, definition or step that does not exist is 422 at its field',
    auth: true,
    request: 'TransitionPlanRequest',
    response: 'TransitionPlan',
    status: 201,
    errors: [401, 403, 422],
  },
  {
    method: 'get',
    path: '/api/admin/transition-plans',
    summary:
      'The transition plans the caller may read (administrators of every unit a plan maps; a plan that maps no unit, its author only), newest first',
    auth: true,
    response: 'TransitionPlanList',
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/api/admin/transition-plans/:id/reports',
    params: planId,
    summary: "The plan's stored reports (dry runs and executions), newest first",
    auth: true,
    response: 'TransitionReportList',
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/admin/transition-plans/:id',
    params: planId,
    summary: 'A transition plan (administrators of the units it maps)',
    auth: true,
    response: 'TransitionPlan',
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/admin/transition-plans/:id/dry-run',
    params: planId,
    summary:
      'What the plan would do to each open dossier of the units it concerns (where it is, where it would go, or the problems that block it), without changing anything; the report is stored',
    auth: true,
    response: 'TransitionReport',
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/admin/transition-plans/:id/execute',
    params: planId,
    summary:
      'Carries the plan out: each dossier that can move gets a recorded `transfer` decision; a re-run moves nothing twice (dossiers moved earlier are reported as already_moved). The report is stored',
    auth: true,
    response: 'TransitionReport',
    errors: [401, 403, 404],
  },
];
