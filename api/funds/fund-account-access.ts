import { maskedFundAccounts, type FundAccounts } from '../../domain/funds/fund-accounts';
import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';
import { ADMIN_ROLE } from '../admin/admin-role';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { resolveUnitChain } from '../units/resolve-unit-chain';

/** The roles that see a fund's whole account numbers at its unit or above: who edits them and who pays from them. */
const ACCOUNT_ROLES: readonly string[] = [ADMIN_ROLE, 'treasurer'];

/** A fund's accounts as stored, `null` where it has none (funds created before accounts were kept have neither). */
export const accountsOf = (fund: FundDoc): FundAccounts => ({
  bankAccount: fund.bankAccount ?? null,
  treasuryAccount: fund.treasuryAccount ?? null,
});

/**
 * The fund's accounts as `caller` may see them: whole to an administrator or a treasurer of the fund's unit or a unit
 * above it, the numbers masked to their last four digits for every other reader (an officer who reads the ledger).
 */
export async function accountsFor(models: Models, caller: AuthenticatedUser, fund: FundDoc): Promise<FundAccounts> {
  const accounts = accountsOf(fund);
  if (!accounts.bankAccount && !accounts.treasuryAccount) return accounts;
  const chain = (await resolveUnitChain(models, fund.unitCode)).units.map((u) => u._id);
  const entitled = caller.grants.some((g) => ACCOUNT_ROLES.includes(g.role) && chain.includes(g.unitCode));
  return entitled ? accounts : maskedFundAccounts(accounts);
}
