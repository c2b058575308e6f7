import { nextLoanBalance, openingBalance, type LoanMove, type LoanRules } from '../../../../domain/loans/loan-balance';

const M = 1_000_000;
const rules: LoanRules = { disbursedOn: '2025-03-10', interestSupported: true, today: '2025-12-31', lastDate: null };
const move = (m: Partial<LoanMove>): LoanMove => ({
  kind: 'collection',
  date: '2025-06-10',
  principal: 0,
  interest: 0,
  interestSupport: 0,
  overdue: 0,
  ...m,
});
const paths = (r: ReturnType<typeof nextLoanBalance>) => (Array.isArray(r) ? r.map((p) => p.path) : 'accepted');

describe('nextLoanBalance', () => {
  it('repays principal, adds interest and its support, and clears overdue principal first', () => {
    const marked = nextLoanBalance(openingBalance(50 * M), move({ kind: 'overdue', overdue: 2 * M }), rules);
    expect(marked).toMatchObject({ outstanding: 50 * M, overdue: 2 * M });
    const repaid = nextLoanBalance(
      marked as ReturnType<typeof openingBalance>,
      move({ principal: 3 * M, interest: 400_000, interestSupport: 150_000 }),
      rules,
    );
    expect(repaid).toEqual({
      disbursed: 50 * M,
      principalRepaid: 3 * M,
      outstanding: 47 * M,
      interestPaid: 400_000,
      interestSupport: 150_000,
      overdue: 0,
      settled: false,
    });
  });

  it.each([
    ['principal above the outstanding', move({ principal: 50 * M + 1 }), rules, ['/principal']],
    ['nothing collected', move({}), rules, ['/principal']],
    ['support above the interest', move({ interest: 10, interestSupport: 11 }), rules, ['/interestSupport']],
    [
      'support on an unsupported purpose',
      move({ interest: 10, interestSupport: 5 }),
      { ...rules, interestSupported: false },
      ['/interestSupport'],
    ],
    ['a day before the disbursement', move({ date: '2025-03-09', principal: M }), rules, ['/date']],
    ['a day in the future', move({ date: '2026-01-01', principal: M }), rules, ['/date']],
    ['a day before the last entry', move({ principal: M }), { ...rules, lastDate: '2025-07-01' }, ['/date']],
    ['an overdue beyond what is not yet overdue', move({ kind: 'overdue', overdue: 50 * M + 1 }), rules, ['/amount']],
    ['a settlement with principal outstanding', move({ kind: 'settlement' }), rules, ['/kind']],
  ])('refuses %s at its field', (_name, m, r, expected) => {
    expect(paths(nextLoanBalance(openingBalance(50 * M), m, r))).toEqual(expected);
  });

  it('settles a loan with nothing outstanding, and refuses anything after', () => {
    const paid = nextLoanBalance(openingBalance(M), move({ principal: M }), rules) as ReturnType<typeof openingBalance>;
    const settled = nextLoanBalance(paid, move({ kind: 'settlement' }), rules) as ReturnType<typeof openingBalance>;
    expect(settled.settled).toBe(true);
    expect(paths(nextLoanBalance(settled, move({ interest: 1 }), rules))).toEqual(['/kind']);
  });
});
