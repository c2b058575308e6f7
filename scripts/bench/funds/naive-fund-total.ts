import type { FundSummaryFigures } from '../../../api-contract';
import { emptyFigures, FIGURE_OF_KIND, sumFigures } from '../../../domain/funds/fund-figures';
import { nextBalance, isRefusal } from '../../../domain/funds/ledger-balance';
import type { Models } from '../../../storage/create-models';
import type { LedgerEntryDoc } from '../../../storage/ledger-entry-schema';
import type { SummaryPeriod } from '../../../api/funds/summary-period';

/**
 * What the summary replaces, for comparison only: every entry of the funds recorded before the period's end loaded
 * into memory and replayed through nextBalance, the flows added up in JavaScript. Answers the grand total, how many
 * entries it loaded and how many of them are in the period.
 */
export async function naiveFundTotal(
  models: Models,
  fundIds: string[],
  period: SummaryPeriod,
): Promise<{ total: FundSummaryFigures; loaded: number; inPeriod: number }> {
  const entries = await models.LedgerEntry.find(
    { fundId: { $in: fundIds }, at: { $lt: period.end } },
    { fundId: 1, seq: 1, kind: 1, amount: 1, at: 1 },
  ).lean<Pick<LedgerEntryDoc, 'fundId' | 'seq' | 'kind' | 'amount' | 'at'>[]>();
  let inPeriod = 0;
  const byFund = new Map<string, typeof entries>();
  for (const e of entries) {
    const own = byFund.get(e.fundId);
    if (own) own.push(e);
    else byFund.set(e.fundId, [e]);
  }
  const rows = [...byFund.values()].map((own) => {
    own.sort((a, b) => a.seq - b.seq);
    const figures = emptyFigures();
    let balance = figures.opening;
    for (const e of own) {
      const next = nextBalance(balance, e.kind, e.amount);
      if (isRefusal(next)) throw new Error(`naive: entry ${e.seq} of ${e.fundId} refused`);
      if (e.at < period.start) figures.opening = next;
      else {
        figures[FIGURE_OF_KIND[e.kind]] += e.amount;
        inPeriod += 1;
      }
      balance = next;
    }
    figures.closing = balance;
    return figures;
  });
  return { total: sumFigures(rows), loaded: entries.length, inPeriod };
}
