import {
  balanceOf,
  EMPTY_BALANCE,
  isLedgerAmount,
  isRefusal,
  nextBalance,
  type LedgerBalance,
} from '../../../../domain/funds/ledger-balance';

const M = 1_000_000;
const balance = (received: number, committed: number, paid: number): LedgerBalance => ({
  received,
  committed,
  paid,
  available: received - committed - paid,
});

describe('nextBalance', () => {
  it('adds a receipt to received and available', () => {
    expect(nextBalance(EMPTY_BALANCE, 'receipt', 100 * M)).toEqual(balance(100 * M, 0, 0));
  });

  it('moves a commitment from available to committed', () => {
    expect(nextBalance(balance(100 * M, 0, 0), 'commitment', 30 * M)).toEqual(balance(100 * M, 30 * M, 0));
  });

  it('commits exactly what is available, and refuses one đồng more', () => {
    expect(nextBalance(balance(100 * M, 70 * M, 0), 'commitment', 30 * M)).toEqual(balance(100 * M, 100 * M, 0));
    expect(nextBalance(balance(100 * M, 70 * M, 0), 'commitment', 30 * M + 1)).toEqual({
      refused: 'insufficient_available',
      balance: balance(100 * M, 70 * M, 0),
    });
  });

  it('releases back to available, never more than is committed', () => {
    expect(nextBalance(balance(100 * M, 30 * M, 0), 'release', 30 * M)).toEqual(balance(100 * M, 0, 0));
    expect(isRefusal(nextBalance(balance(100 * M, 30 * M, 0), 'release', 30 * M + 1))).toBe(true);
  });

  it('pays out of committed, never more than is committed', () => {
    expect(nextBalance(balance(100 * M, 30 * M, 0), 'payment', 20 * M)).toEqual(balance(100 * M, 10 * M, 20 * M));
    expect(nextBalance(balance(100 * M, 30 * M, 0), 'payment', 31 * M)).toEqual({
      refused: 'insufficient_committed',
      balance: balance(100 * M, 30 * M, 0),
    });
  });

  it('a payment reversal commits the amount again, never more than was paid', () => {
    expect(nextBalance(balance(100 * M, 10 * M, 20 * M), 'payment_reversal', 20 * M)).toEqual(
      balance(100 * M, 30 * M, 0),
    );
    expect(nextBalance(balance(100 * M, 10 * M, 20 * M), 'payment_reversal', 21 * M)).toMatchObject({
      refused: 'insufficient_paid',
    });
  });

  it('refuses a receipt that would take the total received beyond exact arithmetic', () => {
    const full = balance(Number.MAX_SAFE_INTEGER - 1, 0, 0);
    expect(nextBalance(full, 'receipt', 1)).toEqual(balance(Number.MAX_SAFE_INTEGER, 0, 0));
    expect(nextBalance(full, 'receipt', 2)).toEqual({ refused: 'beyond_safe_total', balance: full });
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 53])('throws on the amount %p', (amount) => {
    expect(() => nextBalance(EMPTY_BALANCE, 'receipt', amount)).toThrow(RangeError);
  });
});

describe('isLedgerAmount', () => {
  it('admits positive whole numbers only', () => {
    expect([1, 50 * M, Number.MAX_SAFE_INTEGER].map(isLedgerAmount)).toEqual([true, true, true]);
    expect([0, -5, 0.5, '100', null, Infinity].map(isLedgerAmount)).toEqual([false, false, false, false, false, false]);
  });
});

describe('balanceOf', () => {
  it('derives the balance of a sequence: received − committed − paid is available', () => {
    const entries = [
      { kind: 'receipt', amount: 100 * M },
      { kind: 'commitment', amount: 50 * M },
      { kind: 'commitment', amount: 30 * M },
      { kind: 'payment', amount: 50 * M },
      { kind: 'release', amount: 30 * M },
      { kind: 'receipt', amount: 5 * M },
    ] as const;
    expect(balanceOf(entries)).toEqual(balance(105 * M, 0, 50 * M));
  });

  it('throws on a sequence no ledger could hold', () => {
    expect(() => balanceOf([{ kind: 'commitment', amount: 1 }])).toThrow(/insufficient_available/);
  });
});
