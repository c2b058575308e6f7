import { cursorParameter, dateParameter, idParameter, limitParameter, unitCodeParameter } from './api-parameter';
import type { ApiRoute } from './api-route';

/**
 * The treasury's routes: bank statements (synchronous and background imports) and payment orders.
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const paymentRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/payments/bank-statements',
    summary:
      "Import a bank statement (CSV): each OK transaction settles the payment order named by the reference in its description, each FAILED one marks it failed, as the treasurer's decision at the confirmation step; every line gets a status (bad lines do not stop the good ones); a transaction is decided at most once, however often the statement is imported. 202 while any is still being applied: repeat with the same Idempotency-Key. A treasury role is needed (403)",
    auth: true,
    request: 'BankStatementRequest',
    response: 'BankStatementReport',
    idempotent: true,
    alsoAnswers: { 202: 'BankStatementReport' },
    errors: [400, 401, 403, 422],
  },
  {
    method: 'get',
    path: '/api/payments/orders',
    query: {
      status: {
        type: 'string',
        enum: ['ordered', 'paid', 'failed'],
        description: 'ordered (awaiting confirmation), paid or failed',
      },
      unit: unitCodeParameter('only orders of dossiers received in this unit or below it'),
      from: dateParameter('only orders created from this day (Việt Nam)'),
      to: dateParameter('only orders created up to this day (Việt Nam); not before from'),
      cursor: cursorParameter,
      limit: limitParameter(200, 50),
    },
    summary:
      "The payment orders of the dossiers in the caller's units and below, newest first (cursor paging): dossier, household head where the caller may read the dossier, tranche, amount and its funds, status, attempt and the reference printed on the transfer. A page may be short with a nextCursor: more may follow",
    auth: true,
    response: 'PaymentOrderPage',
    errors: [401, 422],
  },
  {
    method: 'post',
    path: '/api/payments/bank-statement-imports',
    summary:
      "Import a large bank statement in the background (up to 5,000 transaction lines): checked as POST /api/payments/bank-statements is (403, 422), then 202 with the job; its progress and, once finished, every line's status at GET /api/payments/bank-statement-imports/{id}. A body over 12 MB is 413",
    auth: true,
    request: 'BankStatementImportRequest',
    response: 'BankStatementJob',
    status: 202,
    errors: [400, 401, 403, 413, 422],
  },
  {
    method: 'get',
    path: '/api/payments/bank-statement-imports/:id',
    params: { id: idParameter('the job id') },
    summary:
      "A background bank-statement import, for the officer who started it: running with its progress (done of total), finished with every line's status and the counts, or failed with why (a job whose server stopped is marked failed; importing the file again finishes it, each transaction decided once)",
    auth: true,
    response: 'BankStatementJob',
    errors: [401, 404],
  },
];
