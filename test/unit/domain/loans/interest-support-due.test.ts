import { interestSupportDue } from '../../../../domain/loans/interest-support-due';

const M = 1_000_000;
const loan = { disbursedOn: '2025-03-10', disbursed: 50 * M };
const entry = (date: string, interest: number, outstanding: number) => ({
  date,
  interest,
  balanceAfter: { outstanding },
});

describe('interestSupportDue', () => {
  it('runs from the disbursement on the whole loan when no interest was paid yet: 3 %/year by the day', () => {
    // 10/03 → 10/06/2025 is 92 days: 50,000,000 × 3 % × 92 / 365 = 378,082.19…
    expect(interestSupportDue(loan, [], '2025-06-10')).toEqual({
      from: '2025-03-10',
      to: '2025-06-10',
      days: 92,
      amount: 378_082,
    });
  });

  it('runs from the last collection of interest, on the outstanding each day as the entries left it', () => {
    const entries = [
      entry('2025-06-10', 300_000, 48 * M),
      // An instalment overdue changes nothing outstanding; a repayment of principal on 10/08 does.
      entry('2025-07-10', 0, 48 * M),
      entry('2025-08-10', 0, 46 * M),
    ];
    // 10/06 → 10/08: 61 days on 48 M; 10/08 → 10/09: 31 days on 46 M.
    const expected = Math.round(((48 * M * 61 + 46 * M * 31) * 3) / 100 / 365);
    expect(interestSupportDue(loan, entries, '2025-09-10')).toEqual({
      from: '2025-06-10',
      to: '2025-09-10',
      days: 92,
      amount: expected,
    });
    // Entries after the day asked are not counted; the same day as the last payment is nothing due.
    expect(interestSupportDue(loan, entries, '2025-06-10')).toMatchObject({ days: 0, amount: 0 });
  });

  it('is undefined before the disbursement, and takes another rate when given', () => {
    expect(interestSupportDue(loan, [], '2025-03-09')).toBeUndefined();
    expect(interestSupportDue({ disbursedOn: '2025-01-01', disbursed: 36_500_000 }, [], '2026-01-01', 1)).toMatchObject(
      { days: 365, amount: 365_000 },
    );
  });
});
