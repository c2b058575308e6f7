import type { LedgerBalance, LedgerEntryKind } from '../../../domain/funds/ledger-balance';

/**
 * A random next entry that the balance allows (nextBalance never refuses it): a receipt of up to `maxReceipt` đồng
 * is always possible; commitments when something is available, releases and payments when something is committed,
 * reversals when something is paid. Amounts are whole thousands of đồng, or all that is left below a thousand.
 * `random` returns numbers in [0, 1), so that a seeded generator gives the same ledger again.
 */
export function randomLedgerEntry(
  balance: LedgerBalance,
  random: () => number,
  maxReceipt: number,
): { kind: LedgerEntryKind; amount: number } {
  const possible: LedgerEntryKind[] = ['receipt', 'receipt'];
  if (balance.available > 0) possible.push('commitment', 'commitment');
  if (balance.committed > 0) possible.push('release', 'payment', 'payment');
  if (balance.paid > 0) possible.push('payment_reversal');
  const kind = possible[Math.floor(random() * possible.length)]!;
  const most =
    kind === 'receipt'
      ? maxReceipt
      : kind === 'commitment'
        ? balance.available
        : kind === 'payment_reversal'
          ? balance.paid
          : balance.committed;
  const thousands = Math.max(1, Math.ceil((random() * most) / 1000));
  return { kind, amount: Math.min(most, thousands * 1000) };
}
