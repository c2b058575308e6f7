import {
  addFigures,
  emptyFigures,
  FIGURE_OF_KIND,
  sumFigures,
  type FundFigures,
} from '../../../../domain/funds/fund-figures';
import { LEDGER_ENTRY_KINDS } from '../../../../domain/funds/ledger-balance';

const figures = (n: number): FundFigures => ({
  opening: { received: 10 * n, committed: 3 * n, paid: 2 * n, available: 5 * n },
  received: n,
  committed: 2 * n,
  released: 3 * n,
  paid: 4 * n,
  reversed: 5 * n,
  closing: { received: 11 * n, committed: 9 * n, paid: 1 * n, available: 1 * n },
});

describe('fund figures', () => {
  it('adds two groups figure by figure', () => {
    expect(addFigures(figures(1), figures(2))).toEqual(figures(3));
  });

  it('sums many groups, and none to the empty figures', () => {
    expect(sumFigures([figures(1), figures(2), figures(4)])).toEqual(figures(7));
    expect(sumFigures([])).toEqual(emptyFigures());
  });

  it('gives every kind of ledger entry its own figure', () => {
    const targets = LEDGER_ENTRY_KINDS.map((kind) => FIGURE_OF_KIND[kind]);
    expect(new Set(targets).size).toBe(LEDGER_ENTRY_KINDS.length);
  });
});
