// Browser-safe and DOM-free.
import type { LedgerBalance } from '../../../domain/funds/ledger-balance';

export const FUND_PARTS = ['committed', 'paid', 'available'] as const;
export type FundPart = (typeof FUND_PARTS)[number];

/** One fund's bar: what it received, split into committed, paid and available (which add up to received). */
export interface FundBar {
  id: string;
  name: string;
  segments: { part: FundPart; amount: number; start: number; end: number }[];
  total: number;
}

/** The bars of the funds' chart, in the order given; the segments are laid end to end from zero. */
export function fundBars(funds: readonly { _id: string; name: string; balance: LedgerBalance }[]): FundBar[] {
  return funds.map((f) => {
    let start = 0;
    const segments = FUND_PARTS.map((part) => {
      const amount = f.balance[part];
      const segment = { part, amount, start, end: start + amount };
      start += amount;
      return segment;
    });
    return { id: f._id, name: f.name, segments, total: start };
  });
}

/**
 * A short amount for an axis tick: `50 tr` / `1,5 tỷ` in Vietnamese, `50M` / `1.5B` in English (the exact amounts
 * are in the table; a tick only needs to be readable at phone width).
 */
export function shortVnd(amount: number, lang: 'vi' | 'en'): string {
  const [value, vi, en] =
    amount >= 1e9
      ? [amount / 1e9, ' tỷ', 'B']
      : amount >= 1e6
        ? [amount / 1e6, ' tr', 'M']
        : [amount / 1e3, ' ng', 'k'];
  if (amount === 0) return '0';
  const text = (Math.round(value * 10) / 10).toString();
  return lang === 'vi' ? `${text.replace('.', ',')}${vi}` : `${text}${en}`;
}
