import { dateParameter, idParameter, limitParameter, unitCodeParameter, type ApiParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

const fundId: ApiParameters = { id: idParameter('the fund id') };
const fundPeriod: ApiParameters = {
  from: { ...dateParameter("the period's first day"), required: true },
  to: { ...dateParameter("the period's last day, not before from (422 at /query/to)"), required: true },
};

/**
 * The routes that read funds' ledgers: the summary of a unit's funds, a fund's ledger and balance, its payment and
 * approval lists (PDF) and its ledger workbook. Part of apiRoutes (api-routes.ts), spread in at this place: the
 * OpenAPI document lists the paths in that order.
 */
export const fundReportRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/funds/summary',
    query: {
      unit: { ...unitCodeParameter('the unit whose funds are added up'), required: true },
      from: { ...dateParameter('the first day of the period, from 00:00 in Việt Nam'), required: true },
      to: { ...dateParameter('the last day of the period, to 24:00 in Việt Nam; not before from'), required: true },
      includeBelow: { type: 'boolean', default: false, description: 'true: also the funds of every unit below it' },
    },
    summary:
      "Per fund of the unit (and below it): the opening balance, what was received, committed, released, paid and reversed in the period, and the closing balance; totals per fund kind, per unit and overall, all equal to the ledger's sums (any role at the unit or above)",
    auth: true,
    response: 'FundSummary',
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/funds/:id/ledger',
    params: fundId,
    query: {
      after: {
        type: 'integer',
        minimum: 0,
        maximum: 1_000_000_000,
        description: 'only entries with a higher seq (the next of the previous page)',
      },
      limit: limitParameter(200, 50),
    },
    summary: "A fund's ledger, oldest first, with its derived balance (officers of the fund's unit or above)",
    auth: true,
    response: 'FundLedger',
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/funds/:id/balance',
    params: fundId,
    summary: "A fund's balance, derived from its ledger (officers of the fund's unit or above)",
    auth: true,
    response: 'FundBalance',
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/funds/:id/payments.pdf',
    params: fundId,
    query: fundPeriod,
    summary:
      "The payment list of a fund for a period as a PDF (A4, Vietnamese): payments minus reversals per dossier, the total in figures and words (officers of the fund's unit or above)",
    auth: true,
    response: 'binary',
    media: ['application/pdf'],
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/funds/:id/commitments.pdf',
    params: fundId,
    query: fundPeriod,
    summary:
      "The approval list of a fund for a period as a PDF (A4, Vietnamese): commitments minus releases per dossier, the total in figures and words (officers of the fund's unit or above)",
    auth: true,
    response: 'binary',
    media: ['application/pdf'],
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/funds/:id/ledger.xlsx',
    params: fundId,
    query: fundPeriod,
    summary:
      "A fund's ledger for a period as an Excel workbook: opening balance, one row per entry with the balance after it, closing balance, totals per kind (officers of the fund's unit or above)",
    auth: true,
    response: 'binary',
    media: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    errors: [401, 403, 404, 422],
  },
];
