import { idParameter, unitCodeParameter, type ApiParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

const planId: ApiParameters = { id: idParameter('the plan id') };

/**
 * The routes of plans and targets ([plans-and-reports.md](../../docs/plans-and-reports.md)). Part of apiRoutes
 * (api-routes.ts), spread in at the end.
 */
export const planRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/plans',
    summary:
      "Create a plan of a unit for a period, with its targets (revision 1). Officers of the unit's own level at the unit, its unit head, or an administrator of the unit or above; anything wrong is 422 at its field",
    auth: true,
    request: 'PlanRequest',
    response: 'Plan',
    status: 201,
    errors: [401, 403, 422],
  },
  {
    method: 'get',
    path: '/api/plans',
    query: {
      unit: unitCodeParameter('the unit whose plans are listed (default: every unit the caller holds a role in)'),
      year: { type: 'integer', minimum: 2000, maximum: 2099, description: 'only plans whose period touches this year' },
    },
    summary:
      'The plans of the unit and of every unit below it, latest revision, newest period first; and the plans of the units above it that set targets for it or a unit below it, with only those targets (view targets_for_us). A unit where the caller holds no role, nor above it, is 403',
    auth: true,
    response: 'PlanList',
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/plans/:id',
    params: planId,
    summary:
      'A plan, latest revision, with every revision (who, when, why, and what it said). Readable as for the list; 404 for an unknown plan, 403 for one the caller may not read',
    auth: true,
    response: 'PlanDetail',
    errors: [401, 403, 404],
  },
  {
    method: 'put',
    path: '/api/plans/:id',
    params: planId,
    summary:
      'A new revision of a plan: the whole plan again (its unit never changes), the revision it was edited from (`expectedRevision`) and why. A stale revision is 409 and nothing is written; the same writers as for creation',
    auth: true,
    request: 'PlanRevisionRequest',
    response: 'Plan',
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/api/plans/:id/progress',
    params: planId,
    summary:
      "Each target's actual figure over the plan's period, from the dossiers and the ledgers of the plan's unit and below: the ratio to the target, whether it is met, and the figure per unit directly below",
    auth: true,
    response: 'PlanProgress',
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/plan-sources',
    query: { unit: { ...unitCodeParameter("the plan's unit"), required: true } },
    summary:
      "The funds a plan of the unit may name as a target's source: those of the unit, of every unit above it and of every unit below it, by name (anyone holding a role at the unit or above)",
    auth: true,
    response: 'PlanSourceList',
    errors: [401, 403, 404, 422],
  },
];
