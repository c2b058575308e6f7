import { EMPTY_BALANCE, type LedgerBalance } from '../../domain/funds/ledger-balance';
import type { Models } from '../../storage/create-models';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';

/**
 * The derived balance of each fund, by id: the `balanceAfter` of its highest `seq` (the empty balance before any
 * entry), one index lookup per fund on `{fundId, seq}`. For lists; a single fund's balance is `ledger.balance`.
 */
export async function fundBalances(models: Models, fundIds: readonly string[]): Promise<Map<string, LedgerBalance>> {
  const heads = await Promise.all(
    fundIds.map((fundId) => models.LedgerEntry.findOne({ fundId }).sort({ seq: -1 }).lean<LedgerEntryDoc>()),
  );
  return new Map(fundIds.map((id, i) => [id, heads[i]?.balanceAfter ?? { ...EMPTY_BALANCE }]));
}
