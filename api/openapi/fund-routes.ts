import { cursorParameter, idParameter, limitParameter, unitCodeParameter, type ApiParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

const fundId: ApiParameters = { id: idParameter('the fund id') };

/**
 * The routes of funds: the administrators' list, creation, changes and receipts, and the funds a dossier may draw
 * on. Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that
 * order. The fund's reports and documents are in fund-report-routes.ts.
 */
export const fundRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/admin/funds',
    query: {
      unit: unitCodeParameter('only the funds of this unit'),
      cursor: cursorParameter,
      limit: limitParameter(200, 50),
    },
    summary:
      'The funds of the units the caller administers and the units below them, oldest first, each with its derived balance (cursor paging)',
    auth: true,
    response: 'FundList',
    errors: [401, 403, 422],
  },
  {
    method: 'patch',
    path: '/api/admin/funds/:id',
    params: fundId,
    summary:
      "Change a fund's name or campaign window, or deactivate/reactivate it (audited). A window that would leave out a receipt already recorded is 422 at the bound",
    auth: true,
    request: 'UpdateFundRequest',
    response: 'Fund',
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/funds',
    query: {
      unit: { ...unitCodeParameter("the dossier's unit"), required: true },
      active: {
        type: 'boolean',
        default: true,
        description:
          'true (default): only active funds; false: inactive ones too (to name a fund a dossier already uses)',
      },
    },
    summary:
      "The funds a dossier of the unit may draw on: the unit's and every unit's above it, with their derived balance (anyone holding a role at the unit or above)",
    auth: true,
    response: 'FundChoiceList',
    errors: [401, 403, 404, 422],
  },
  {
    method: 'post',
    path: '/api/admin/funds',
    summary: 'Create a fund of a unit the caller administers (audited); its balance starts at zero',
    auth: true,
    request: 'CreateFundRequest',
    response: 'Fund',
    status: 201,
    errors: [401, 403, 422],
  },
  {
    method: 'post',
    path: '/api/admin/funds/:id/receipts',
    params: fundId,
    summary:
      "Record money received into a fund (audited); appended to its ledger, the answer carries the balance after it. Outside the fund's campaign window is 422",
    auth: true,
    request: 'FundReceiptRequest',
    response: 'LedgerEntry',
    status: 201,
    idempotent: true,
    errors: [400, 401, 403, 404, 409, 422],
  },
];
