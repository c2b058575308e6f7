import type { LoanBalance, LoanMove } from './loan-balance';

/** A disbursed loan as the report reads it: its dossier, purpose, commune, day and amount of disbursement. */
export interface LoanRecord {
  dossierId: string;
  /** The loan's purpose (the fact `supportType`: loan_housing, …); null when the dossier has none. */
  purpose: string | null;
  /** The commune the loan was made in (the dossier's commune, else its receiving unit). */
  commune: string;
  disbursedOn: string;
  disbursed: number;
}

/** One entry of a loan's ledger as the report reads it: the move and the balance after it. */
export interface LoanEntryRecord extends LoanMove {
  dossierId: string;
  seq: number;
  balanceAfter: LoanBalance;
}

/** The figures of the half-yearly "cho vay – thu nợ" report, for one loan or added up. */
export interface LoanFigures {
  /** Loans disbursed in the period, and their money. */
  disbursedLoans: number;
  disbursed: number;
  /** Collected in the period. */
  principalCollected: number;
  interestCollected: number;
  interestSupport: number;
  /** At the end of the period: loans with principal outstanding (dư nợ), and that principal. */
  outstandingLoans: number;
  outstanding: number;
  /** At the end of the period: loans with principal overdue (nợ quá hạn), and that principal. */
  overdueLoans: number;
  overdue: number;
  /** Loans settled in the period. */
  settledLoans: number;
}

export const LOAN_FIGURES: readonly (keyof LoanFigures)[] = [
  'disbursedLoans',
  'disbursed',
  'principalCollected',
  'interestCollected',
  'interestSupport',
  'outstandingLoans',
  'outstanding',
  'overdueLoans',
  'overdue',
  'settledLoans',
];

/** One loan's figures for the period, with what the report groups it by. */
export interface LoanRow extends LoanFigures {
  dossierId: string;
  purpose: string | null;
  commune: string;
}

export const zeroLoanFigures = (): LoanFigures =>
  Object.fromEntries(LOAN_FIGURES.map((f) => [f, 0])) as unknown as LoanFigures;

/** The sum of the rows' figures: every total of the report is one of these. Pure. */
export function sumLoanFigures(rows: readonly LoanFigures[]): LoanFigures {
  const total = zeroLoanFigures();
  for (const row of rows) for (const f of LOAN_FIGURES) total[f] += row[f];
  return total;
}

/**
 * One row per loan disbursed on or before `to` that has any figure in the period (a loan settled before the period
 * has none). Entries dated after `to` are ignored. Since a loan's entries are recorded in the order of their dates,
 * its position at the end of the period is the balance after its last entry dated on or before `to` (the disbursed
 * amount when none). Pure.
 */
export function loanReportRows(
  loans: readonly LoanRecord[],
  entries: readonly LoanEntryRecord[],
  period: { from: string; to: string },
): LoanRow[] {
  const byLoan = new Map<string, LoanEntryRecord[]>();
  for (const e of entries) {
    if (e.date > period.to) continue;
    byLoan.set(e.dossierId, [...(byLoan.get(e.dossierId) ?? []), e]);
  }
  const rows: LoanRow[] = [];
  for (const loan of loans) {
    if (loan.disbursedOn > period.to) continue;
    const own = (byLoan.get(loan.dossierId) ?? []).sort((a, b) => a.seq - b.seq);
    const inPeriod = own.filter((e) => e.date >= period.from);
    const last = own.at(-1)?.balanceAfter;
    const outstanding = last?.outstanding ?? loan.disbursed;
    const overdue = last?.overdue ?? 0;
    const newLoan = loan.disbursedOn >= period.from;
    const collections = inPeriod.filter((e) => e.kind === 'collection');
    const sum = (f: 'principal' | 'interest' | 'interestSupport') => collections.reduce((s, e) => s + e[f], 0);
    const row: LoanRow = {
      dossierId: loan.dossierId,
      purpose: loan.purpose,
      commune: loan.commune,
      disbursedLoans: newLoan ? 1 : 0,
      disbursed: newLoan ? loan.disbursed : 0,
      principalCollected: sum('principal'),
      interestCollected: sum('interest'),
      interestSupport: sum('interestSupport'),
      outstandingLoans: outstanding > 0 ? 1 : 0,
      outstanding,
      overdueLoans: overdue > 0 ? 1 : 0,
      overdue,
      settledLoans: inPeriod.some((e) => e.kind === 'settlement') ? 1 : 0,
    };
    if (LOAN_FIGURES.some((f) => row[f] !== 0)) rows.push(row);
  }
  return rows;
}

/** The rows grouped by a key (purpose, commune), each group's figures added up, in the order keys first appear. */
export function groupLoanRows<K extends string | null>(
  rows: readonly LoanRow[],
  keyOf: (row: LoanRow) => K,
): { key: K; figures: LoanFigures }[] {
  const groups = new Map<K, LoanRow[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return [...groups].map(([key, group]) => ({ key, figures: sumLoanFigures(group) }));
}

/**
 * The day a half-year's loan report is due (seed 004: "vào ngày 5 tháng 1 và 5 tháng 7 hàng năm"): the 5th of the
 * month after the period's last day. Pure.
 */
export function loanReportDueOn(to: string): string {
  const [year, month] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  return month === 12 ? `${year + 1}-01-05` : `${year}-${String(month + 1).padStart(2, '0')}-05`;
}
