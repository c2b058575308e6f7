import { openingBalance } from '../../../../domain/loans/loan-balance';
import {
  groupLoanRows,
  LOAN_FIGURES,
  loanReportDueOn,
  loanReportRows,
  sumLoanFigures,
  type LoanEntryRecord,
  type LoanRecord,
} from '../../../../domain/loans/loan-report-rows';

const M = 1_000_000;
const loans: LoanRecord[] = [
  { dossierId: 'a', purpose: 'loan_housing', commune: 'HC', disbursedOn: '2025-02-01', disbursed: 50 * M },
  { dossierId: 'b', purpose: 'loan_production', commune: 'PL', disbursedOn: '2025-08-01', disbursed: 20 * M },
  { dossierId: 'c', purpose: 'loan_housing', commune: 'PL', disbursedOn: '2026-01-10', disbursed: 30 * M },
  { dossierId: 'd', purpose: 'loan_job', commune: 'HC', disbursedOn: '2024-01-10', disbursed: 10 * M },
];
const entry = (dossierId: string, seq: number, date: string, e: Partial<LoanEntryRecord>): LoanEntryRecord => ({
  dossierId,
  seq,
  date,
  kind: 'collection',
  principal: 0,
  interest: 0,
  interestSupport: 0,
  overdue: 0,
  balanceAfter: openingBalance(0),
  ...e,
});
const entries: LoanEntryRecord[] = [
  entry('a', 1, '2025-05-10', {
    principal: 5 * M,
    interest: 600_000,
    interestSupport: 375_000,
    balanceAfter: { ...openingBalance(50 * M), outstanding: 45 * M },
  }),
  entry('a', 2, '2025-11-10', {
    kind: 'overdue',
    overdue: 2 * M,
    balanceAfter: { ...openingBalance(50 * M), outstanding: 45 * M, overdue: 2 * M },
  }),
  entry('a', 3, '2026-02-10', { principal: 2 * M, balanceAfter: { ...openingBalance(50 * M), outstanding: 43 * M } }),
  entry('d', 1, '2024-12-10', { principal: 10 * M, balanceAfter: { ...openingBalance(10 * M), outstanding: 0 } }),
  entry('d', 2, '2024-12-11', {
    kind: 'settlement',
    balanceAfter: { ...openingBalance(10 * M), outstanding: 0, settled: true },
  }),
];

describe('loanReportRows', () => {
  it('reads the second half of 2025: new loans, collections, and the position at its last day', () => {
    const rows = loanReportRows(loans, entries, { from: '2025-07-01', to: '2025-12-31' });
    // Loan c is disbursed after the half, loan d settled before it: neither has a figure here.
    expect(rows.map((r) => r.dossierId)).toEqual(['a', 'b']);
    expect(sumLoanFigures(rows)).toEqual({
      disbursedLoans: 1,
      disbursed: 20 * M,
      principalCollected: 0,
      interestCollected: 0,
      interestSupport: 0,
      outstandingLoans: 2,
      outstanding: 65 * M,
      overdueLoans: 1,
      overdue: 2 * M,
      settledLoans: 0,
    });
  });

  it('reads the first half: the collection and its support in the half, the outstanding after it', () => {
    const totals = sumLoanFigures(loanReportRows(loans, entries, { from: '2025-01-01', to: '2025-06-30' }));
    expect(totals).toMatchObject({
      disbursed: 50 * M,
      principalCollected: 5 * M,
      interestSupport: 375_000,
      outstanding: 45 * M,
    });
  });

  it('groups add up to the totals whatever the key', () => {
    const rows = loanReportRows(loans, entries, { from: '2024-01-01', to: '2026-06-30' });
    const totals = sumLoanFigures(rows);
    for (const keyOf of [(r: (typeof rows)[number]) => r.purpose, (r: (typeof rows)[number]) => r.commune]) {
      const groups = groupLoanRows(rows, keyOf).map((g) => g.figures);
      for (const f of LOAN_FIGURES) expect([f, sumLoanFigures(groups)[f]]).toEqual([f, totals[f]]);
    }
    expect(totals.settledLoans).toBe(1);
  });
});

describe('loanReportDueOn', () => {
  it.each([
    ['2025-06-30', '2025-07-05'],
    ['2025-12-31', '2026-01-05'],
    ['2025-03-31', '2025-04-05'],
  ])('a period ending %s is due %s', (to, due) => expect(loanReportDueOn(to)).toBe(due));
});
