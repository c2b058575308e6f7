import { EMPTY_BALANCE, type LedgerBalance, type LedgerEntryKind } from './ledger-balance';

/**
 * What a fund (or a group of funds) did in a period: its balance at the start (`opening`) and at the end
 * (`closing`), and the sum of each kind of entry recorded in between. For one fund whose entries are recorded in
 * `seq` order the ledger's arithmetic (nextBalance) gives
 *   closing.received  = opening.received  + received
 *   closing.committed = opening.committed + committed − released − paid + reversed
 *   closing.paid      = opening.paid      + paid − reversed
 *   closing.available = opening.available + received − committed + released
 * and, because every figure is a sum, the same identities hold for any group of funds.
 */
export interface FundFigures {
  opening: LedgerBalance;
  received: number;
  committed: number;
  released: number;
  paid: number;
  /** Payment reversals: failed payments put back into `committed`. */
  reversed: number;
  closing: LedgerBalance;
}

/** The figure each kind of ledger entry adds to. */
export const FIGURE_OF_KIND: Readonly<
  Record<LedgerEntryKind, 'received' | 'committed' | 'released' | 'paid' | 'reversed'>
> = Object.freeze({
  receipt: 'received',
  commitment: 'committed',
  release: 'released',
  payment: 'paid',
  payment_reversal: 'reversed',
});

/** Nothing before, during or after the period. */
export const emptyFigures = (): FundFigures => ({
  opening: { ...EMPTY_BALANCE },
  received: 0,
  committed: 0,
  released: 0,
  paid: 0,
  reversed: 0,
  closing: { ...EMPTY_BALANCE },
});

const addBalances = (a: LedgerBalance, b: LedgerBalance): LedgerBalance => ({
  received: a.received + b.received,
  committed: a.committed + b.committed,
  paid: a.paid + b.paid,
  available: a.available + b.available,
});

/** The figures of two groups together: every figure is the sum of the two. */
export function addFigures(a: FundFigures, b: FundFigures): FundFigures {
  return {
    opening: addBalances(a.opening, b.opening),
    received: a.received + b.received,
    committed: a.committed + b.committed,
    released: a.released + b.released,
    paid: a.paid + b.paid,
    reversed: a.reversed + b.reversed,
    closing: addBalances(a.closing, b.closing),
  };
}

/** The figures of many groups together (the empty figures for none). */
export const sumFigures = (all: readonly FundFigures[]): FundFigures => all.reduce(addFigures, emptyFigures());
