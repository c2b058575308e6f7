import { idParameter, type ApiParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

const loanId: ApiParameters = { id: idParameter('the dossier id of the loan (a credit-access dossier disbursed)') };

/**
 * The loans of the Bank for Social Policies after disbursement: their ledger of collections. Part of apiRoutes
 * (api-routes.ts), spread in after the funds' routes.
 */
export const loanRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/loans/:id',
    params: loanId,
    summary:
      "A disbursed loan: its purpose, commune, disbursement, position (outstanding, overdue, interest paid and supported) and its entries, oldest first (any role at a unit of the dossier's chain)",
    auth: true,
    response: 'LoanLedger',
    errors: [401, 404, 422],
  },
  {
    method: 'post',
    path: '/api/loans/:id/entries',
    params: loanId,
    summary:
      "Record a collection (principal, interest, budget interest support), an instalment overdue or the settlement of a disbursed loan (the bank's credit officer of a unit of the dossier's chain; audited). Amounts beyond what is outstanding are 422 at the field; a settled loan takes nothing more (409)",
    auth: true,
    request: 'LoanEntryRequest',
    response: 'LoanEntry',
    status: 201,
    idempotent: 'required',
    errors: [401, 403, 404, 409, 422],
  },
];
