import { randomUUID } from 'node:crypto';
import { example } from './form-examples';
import type { TestContext } from './use-test-system';

/**
 * Loans of the Bank for Social Policies taken through credit-access-2024@1 (the seed-era chain: the ward, its
 * poverty-reduction board, the district's bank office `nhcs.hadong`) to their disbursement, and entries recorded on
 * them, for the loan ledger's and the loan report's tests.
 */
export function disbursedLoans(ctx: TestContext) {
  const BANK = 'nhcs.hadong';
  return {
    bank: BANK,
    /** A loan of `amount` disbursed on `on` in `commune` (proposal variant '' production, '.housing' housing). */
    async disburse(
      ward: { commune: string; officer: string; board: string },
      variant: string,
      amount: number,
      on: string,
    ) {
      const data = example(`credit-loan-proposal@1${variant}`);
      data.household.address.unitCode = ward.commune;
      data.requestedAmount = amount;
      const created = await ctx.api.call('POST', '/api/dossiers', {
        as: ward.officer,
        body: { processKey: 'credit-access-2024', processVersion: 1, data },
      });
      if (created.status !== 201) throw new Error(`loan not created: ${created.status}`);
      const id = created.body.id as string;
      const act = (as: string, body: object) => ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as, body });
      await act(ward.officer, { action: 'submit' });
      const confirmation = { ...example('credit-board-confirmation@1'), confirmedAmount: amount };
      await act(ward.board, { action: 'approve', data: confirmation });
      await act(BANK, { action: 'approve', data: { ...example('credit-loan-decision@1'), approvedAmount: amount } });
      const disbursement = { ...example('credit-disbursement@1'), disbursedAmount: amount, disbursedOn: on };
      const done = await act(BANK, { action: 'approve', data: disbursement });
      if (done.body.status !== 'completed') throw new Error(`loan not disbursed: ${done.status}`);
      return id;
    },
    /** Records an entry on the loan as the bank's officer (a fresh Idempotency-Key unless one is given). */
    record: (id: string, body: object, as: string = BANK, key: string = randomUUID()) =>
      ctx.api.call('POST', `/api/loans/${id}/entries`, { as, body, headers: { 'Idempotency-Key': key } }),
  };
}
