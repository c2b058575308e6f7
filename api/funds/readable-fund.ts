import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError, NotFoundError } from '../errors';
import { resolveUnitChain } from '../units/resolve-unit-chain';

/**
 * The fund, when the caller holds any role at its unit or above (who may read its ledger and its documents); an
 * unknown fund is 404, a fund of a unit outside the caller's grants 403.
 */
export async function readableFund(models: Models, caller: AuthenticatedUser, id: string): Promise<FundDoc> {
  const fund = await models.Fund.findById(id).lean<FundDoc>();
  if (!fund) throw new NotFoundError('fund');
  const chain = new Set((await resolveUnitChain(models, fund.unitCode)).units.map((u) => u._id));
  if (!caller.grants.some((g) => chain.has(g.unitCode))) {
    throw new ForbiddenError({
      vi: `Cần một vai trò tại đơn vị ${fund.unitCode} hoặc cấp trên`,
      en: `requires a role at unit ${fund.unitCode} or above`,
    });
  }
  return fund;
}
