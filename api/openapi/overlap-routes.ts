import type { ApiRoute } from './api-route';

/** The routes of overlap rules (docs/overlap-checks.md). Part of apiRoutes (api-routes.ts), spread in at its end. */
export const overlapRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/admin/overlap-rules',
    summary:
      "The overlap rules in force (a province's administrator): which programmes may not support the same household or person within which window; the shipped defaults while none are saved (custom: false)",
    auth: true,
    response: 'OverlapRules',
    errors: [401, 403],
  },
  {
    method: 'put',
    path: '/api/admin/overlap-rules',
    summary:
      "Replace the overlap rules (a province's administrator; audited). 422 field by field for a bad rule (unknown subject, bad window, duplicate id), nothing saved",
    auth: true,
    request: 'OverlapRulesRequest',
    response: 'OverlapRules',
    errors: [400, 401, 403, 422],
  },
];
