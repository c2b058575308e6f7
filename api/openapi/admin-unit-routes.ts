import { unitCodeParameter } from './api-parameter';
import type { ApiRoute } from './api-route';

/**
 * The administrators' routes of administrative units (create, retire).
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const adminUnitRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/admin/units',
    summary:
      'Create an administrative unit under a unit the caller administers, or a province (no parent; a national administrator only, who becomes its administrator), audited. A taken code is 409 unit_code_taken',
    auth: true,
    request: 'CreateUnitRequest',
    response: 'AdminUnit',
    status: 201,
    errors: [401, 403, 409, 422],
  },
  {
    method: 'post',
    path: '/api/admin/units/:code/retire',
    params: { code: unitCodeParameter('the unit to retire') },
    summary:
      'Retire a unit: its last day in force and its successor, or its successors with shares of households or rules (a split; several units naming one successor is a merger), audited. A retired unit, or one retired by a concurrent request, is 409 unit_retired',
    auth: true,
    request: 'RetireUnitRequest',
    response: 'AdminUnit',
    errors: [401, 403, 404, 409, 422],
  },
];
