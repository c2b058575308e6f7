import type { FundLine, FundShare } from './dossier-money';
import { unpaidOf } from './dossier-money';

/**
 * How a tranche of `amount` is paid across the dossier's funds: in proportion to what each still holds unpaid for it,
 * rounded to whole đồng by the largest remainder (ties to the fund named first), so the lines add up to `amount`
 * exactly. A last tranche pays each fund's whole unpaid share. Funds with nothing to pay are left out. Pure; the
 * caller has checked that `amount` is at most the total unpaid.
 */
export function settlementSplit(funds: readonly FundShare[], amount: number, last: boolean): FundLine[] {
  const open = funds.map((f) => ({ fundId: f.fundId, unpaid: unpaidOf(f) })).filter((f) => f.unpaid > 0);
  if (last) return open.map((f) => ({ fundId: f.fundId, amount: f.unpaid }));
  const total = open.reduce((sum, f) => sum + f.unpaid, 0);
  if (total === 0 || amount <= 0) return [];
  // Exact integer arithmetic: amount × unpaid stays below 2^53 for amounts of a few billion đồng; BigInt keeps it
  // exact beyond.
  const shares = open.map((f, index) => {
    const product = BigInt(amount) * BigInt(f.unpaid);
    const base = product / BigInt(total);
    return { fundId: f.fundId, index, base: Number(base), remainder: product - base * BigInt(total) };
  });
  let left = amount - shares.reduce((sum, s) => sum + s.base, 0);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (left === 0) break;
    share.base += 1;
    left -= 1;
  }
  return shares.filter((s) => s.base > 0).map((s) => ({ fundId: s.fundId, amount: s.base }));
}
