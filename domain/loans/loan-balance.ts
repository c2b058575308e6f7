import { formatVnd } from '../funds/format-vnd';
import type { SupportLabel } from '../reports/support-labels';

/**
 * What the bank's officer records against a disbursed loan
 * ([processes-and-forms.md](../../docs/processes-and-forms.md)): a collection (principal repaid, interest paid, of
 * which interest supported by the budget), an instalment falling overdue (its principal), or the loan settled
 * (nothing outstanding any more).
 */
export const LOAN_ENTRY_KINDS = ['collection', 'overdue', 'settlement'] as const;
export type LoanEntryKind = (typeof LOAN_ENTRY_KINDS)[number];

/**
 * The purposes on which the budget supports the interest (seed 004: the district's 3 %/year on housing loans of the
 * policy bank, up to 50,000,000 đ over up to 15 years); a collection on another purpose records no support.
 */
export const INTEREST_SUPPORTED_PURPOSES: readonly string[] = ['loan_housing'];

/** One move of a loan; amounts are whole đồng, zero where the kind has none. */
export interface LoanMove {
  kind: LoanEntryKind;
  /** The day it happened (YYYY-MM-DD, Việt Nam). */
  date: string;
  principal: number;
  interest: number;
  interestSupport: number;
  /** `overdue`: the principal of the instalment now overdue. */
  overdue: number;
}

/** A loan's position after its entries 1..seq. */
export interface LoanBalance {
  disbursed: number;
  principalRepaid: number;
  outstanding: number;
  interestPaid: number;
  interestSupport: number;
  /** The principal overdue: instalments marked overdue not yet repaid (a repayment clears the oldest first). */
  overdue: number;
  settled: boolean;
}

/** A loan's position before any entry. */
export const openingBalance = (disbursed: number): LoanBalance => ({
  disbursed,
  principalRepaid: 0,
  outstanding: disbursed,
  interestPaid: 0,
  interestSupport: 0,
  overdue: 0,
  settled: false,
});

/** A field of an entry that the loan cannot take, and why (a 422 at `path`). */
export interface LoanProblem {
  path: string;
  keyword: 'loan';
  message: SupportLabel;
}

/** What the rules of the loan allow (from its dossier): the first day an entry may have, and interest support. */
export interface LoanRules {
  disbursedOn: string;
  /** Budget interest support is given on this loan's purpose (seed 004: housing loans). */
  interestSupported: boolean;
  /** Today in Việt Nam: no entry is dated later. */
  today: string;
  /** The date of the loan's last entry, if any: entries are recorded in the order they happened. */
  lastDate: string | null;
}

const problem = (path: string, vi: string, en: string): LoanProblem => ({ path, keyword: 'loan', message: { vi, en } });
const day = (d: string) => d.split('-').reverse().join('/');
const both = (amount: number) => ({ vi: formatVnd(amount), en: formatVnd(amount, 'en') });

function dateProblems(date: string, rules: LoanRules): LoanProblem[] {
  if (date < rules.disbursedOn) {
    return [
      problem(
        '/date',
        `Ngày trước ngày giải ngân ${day(rules.disbursedOn)}`,
        `before the disbursement on ${day(rules.disbursedOn)}`,
      ),
    ];
  }
  if (date > rules.today) return [problem('/date', 'Ngày ở tương lai', 'the date is in the future')];
  if (rules.lastDate !== null && date < rules.lastDate) {
    return [
      problem(
        '/date',
        `Ngày trước bút toán gần nhất của khoản vay (${day(rules.lastDate)})`,
        `before the loan's last entry (${day(rules.lastDate)})`,
      ),
    ];
  }
  return [];
}

function collectionProblems(b: LoanBalance, m: LoanMove, rules: LoanRules): LoanProblem[] {
  const out: LoanProblem[] = [];
  if (m.principal === 0 && m.interest === 0) {
    out.push(problem('/principal', 'Cần số tiền gốc hoặc lãi đã thu', 'give the principal or the interest collected'));
  }
  if (m.principal > b.outstanding) {
    const [p, o] = [both(m.principal), both(b.outstanding)];
    out.push(problem('/principal', `Số gốc thu ${p.vi} vượt dư nợ ${o.vi}`, `${p.en} exceeds the outstanding ${o.en}`));
  }
  if (m.interestSupport > m.interest) {
    out.push(
      problem('/interestSupport', 'Lãi được hỗ trợ không vượt số lãi đã thu', 'must not exceed the interest collected'),
    );
  } else if (m.interestSupport > 0 && !rules.interestSupported) {
    out.push(
      problem(
        '/interestSupport',
        'Khoản vay này không được ngân sách hỗ trợ lãi suất (chỉ vay làm nhà ở)',
        'this loan gets no budget interest support (housing loans only)',
      ),
    );
  }
  return out;
}

/**
 * The loan's balance after `move`, or the problems that refuse it, field by field (nothing is recorded then). A
 * collection repays at most the outstanding principal, and its interest support is at most its interest and only on
 * a supported purpose; an instalment marked overdue is at most the outstanding principal not yet overdue; a loan is
 * settled only when nothing is outstanding, and a settled loan takes nothing more (`/kind`). Pure.
 */
export function nextLoanBalance(b: LoanBalance, move: LoanMove, rules: LoanRules): LoanBalance | LoanProblem[] {
  if (b.settled) return [problem('/kind', 'Khoản vay đã tất toán', 'the loan is already settled')];
  const problems = dateProblems(move.date, rules);
  if (move.kind === 'collection') problems.push(...collectionProblems(b, move, rules));
  if (move.kind === 'overdue' && move.overdue > b.outstanding - b.overdue) {
    const [a, left] = [both(move.overdue), both(b.outstanding - b.overdue)];
    problems.push(
      problem(
        '/amount',
        `Số gốc quá hạn ${a.vi} vượt dư nợ chưa quá hạn ${left.vi}`,
        `${a.en} exceeds the outstanding not yet overdue ${left.en}`,
      ),
    );
  }
  if (move.kind === 'settlement' && b.outstanding > 0) {
    const o = both(b.outstanding);
    problems.push(problem('/kind', `Khoản vay còn dư nợ ${o.vi}`, `the loan still has ${o.en} outstanding`));
  }
  if (problems.length > 0) return problems;
  switch (move.kind) {
    case 'collection':
      return {
        ...b,
        principalRepaid: b.principalRepaid + move.principal,
        outstanding: b.outstanding - move.principal,
        interestPaid: b.interestPaid + move.interest,
        interestSupport: b.interestSupport + move.interestSupport,
        overdue: Math.max(0, b.overdue - move.principal),
      };
    case 'overdue':
      return { ...b, overdue: b.overdue + move.overdue };
    default:
      return { ...b, settled: true };
  }
}

/** Whether `nextLoanBalance` refused the move. */
export const isLoanRefusal = (r: LoanBalance | LoanProblem[]): r is LoanProblem[] => Array.isArray(r);
