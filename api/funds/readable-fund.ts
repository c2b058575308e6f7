import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError, NotFoundError } from '../errors';
import { resolveUnitChain } from '../units/resolve-unit-chain';

/** The unit's chain (the unit, then each unit above it) when the caller holds a role in it; 403 otherwise. */
export async function chainWithRole(models: Models, caller: AuthenticatedUser, unitCode: string): Promise<string[]> {
  const chain = (await resolveUnitChain(models, unitCode)).units.map((u) => u._id);
  if (!caller.grants.some((g) => chain.includes(g.unitCode))) {
    throw new ForbiddenError({
      vi: `Cần một vai trò tại đơn vị ${unitCode} hoặc cấp trên`,
      en: `requires a role at unit ${unitCode} or above`,
    });
  }
  return chain;
}

/**
 * The fund, when the caller holds any role at its unit or above (who may read its ledger and its documents); an
 * unknown fund is 404, a fund of a unit outside the caller's grants 403.
 */
export async function readableFund(models: Models, caller: AuthenticatedUser, id: string): Promise<FundDoc> {
  const fund = await models.Fund.findById(id).lean<FundDoc>();
  if (!fund) throw new NotFoundError('fund');
  await chainWithRole(models, caller, fund.unitCode);
  return fund;
}
