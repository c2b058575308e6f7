import { dateParameter, unitCodeParameter, type ApiParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

const reportQuery: ApiParameters = {
  unit: {
    ...unitCodeParameter('the unit reported on: its own dossiers and those of every unit below it'),
    required: true,
  },
  period: {
    type: 'string',
    pattern: '^20[0-9]{2}(?:-(?:Q[1-4]|H[12]))?$',
    description: 'a year (2025), a quarter (2025-Q1) or a half-year (2025-H1); or give from and to instead',
  },
  from: dateParameter('instead of period: the first day of a range (a campaign), from 00:00 in Việt Nam'),
  to: dateParameter('instead of period: the last day of the range, to 24:00 in Việt Nam; not before from'),
};
const WHO = 'any role at the unit or above';
const ERRORS = [401, 403, 404, 422];

/**
 * The periodic reports ([reports.md](../../docs/reports.md)): the support report of a unit as JSON, Excel and PDF.
 * Part of apiRoutes (api-routes.ts), spread in at its end.
 */
export const reportRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/reports/support',
    query: reportQuery,
    summary: `The support programmes' results under a unit for a period: counts, beneficiaries, on-time rates and money committed and paid, in total and by programme, support type, source (fund) and lower unit, with the result rows they add up (${WHO})`,
    auth: true,
    response: 'SupportReport',
    errors: ERRORS,
  },
  {
    method: 'get',
    path: '/api/reports/campaign-figures',
    query: reportQuery,
    summary: `The figures a result report is prefilled with, computed from the records: money raised (in total and per fund), committed and paid, households approved per programme, each with its source (the ledger entries or dossiers it adds up); loans and allocations named apart, never summed as money raised; the unit's plans' targets against results (${WHO})`,
    auth: true,
    response: 'CampaignFigures',
    errors: ERRORS,
  },
  {
    method: 'get',
    path: '/api/reports/loans',
    query: reportQuery,
    summary: `The Bank for Social Policies' loans under a unit for a period ("cho vay – thu nợ", due 5 January and 5 July for the halves): loans disbursed, principal and interest collected (with the budget's interest support), outstanding and overdue at the end, in total, by purpose and by lower unit, with the rows per loan they add up (${WHO})`,
    auth: true,
    response: 'LoanReport',
    errors: ERRORS,
  },
  {
    method: 'get',
    path: '/api/reports/loans.xlsx',
    query: reportQuery,
    summary: `The loan report as an Excel workbook: the totals with the day the report is due, the sheets by purpose and by lower unit, and the rows per loan (${WHO})`,
    auth: true,
    response: 'binary',
    media: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    errors: ERRORS,
  },
  {
    method: 'get',
    path: '/api/reports/loans.pdf',
    query: reportQuery,
    summary: `The loan report as a PDF in the administrative format of Decree 30/2020/NĐ-CP (A4, Vietnamese): the totals with the day the report is due, by purpose and by lower unit (${WHO})`,
    auth: true,
    response: 'binary',
    media: ['application/pdf'],
    errors: ERRORS,
  },
  {
    method: 'get',
    path: '/api/reports/support.xlsx',
    query: reportQuery,
    summary: `The support report as an Excel workbook: a sheet for the totals, one per breakdown, and the result rows (${WHO})`,
    auth: true,
    response: 'binary',
    media: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    errors: ERRORS,
  },
  {
    method: 'get',
    path: '/api/reports/support.pdf',
    query: reportQuery,
    summary: `The support report as a PDF in the administrative format of Decree 30/2020/NĐ-CP (A4, Vietnamese) (${WHO})`,
    auth: true,
    response: 'binary',
    media: ['application/pdf'],
    errors: ERRORS,
  },
];
