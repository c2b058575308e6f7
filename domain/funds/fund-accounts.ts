import type { FundKind } from './fund-kinds';

/** The bank account a fund's money is held in (a fund for the poor, a mass organisation's, a sponsor's…). */
export interface FundBankAccount {
  /** Digits only, 6–19 (Vietnamese banks' account numbers; unverified bounds, see ACCOUNT_DIGITS). */
  accountNumber: string;
  bankName: string;
  branch: string;
}

/** The State Treasury account of a state budget fund (tài khoản tại Kho bạc Nhà nước). */
export interface FundTreasuryAccount {
  /** Digits only, 8–20 (unverified bounds, see TREASURY_DIGITS). */
  accountNumber: string;
  treasuryName: string;
}

/** The accounts of a fund, as stored and as answered (the numbers masked for readers without the right). */
export interface FundAccounts {
  bankAccount: FundBankAccount | null;
  treasuryAccount: FundTreasuryAccount | null;
}

/** One problem with an account, at its JSON pointer in the request body. */
export interface FundAccountProblem {
  path: string;
  message: { vi: string; en: string };
}

export const ACCOUNT_DIGITS = { min: 6, max: 19 } as const;
export const TREASURY_DIGITS = { min: 8, max: 20 } as const;

/** Spaces and dots people type between groups of digits are dropped: `1234 5678 90` → `1234567890`. */
export const normalizedAccountNumber = (value: string): string => value.replace(/[\s.]/g, '');

const digitsProblem = (
  path: string,
  value: string,
  bounds: { min: number; max: number },
): FundAccountProblem | null => {
  const digits = normalizedAccountNumber(value);
  if (/^[0-9]+$/.test(digits) && digits.length >= bounds.min && digits.length <= bounds.max) return null;
  return {
    path,
    message: {
      vi: `Số tài khoản chỉ gồm chữ số, từ ${bounds.min} đến ${bounds.max} chữ số`,
      en: `The account number must be ${bounds.min} to ${bounds.max} digits, digits only`,
    },
  };
};

const blankProblem = (path: string, value: string, vi: string, en: string): FundAccountProblem | null =>
  value.trim() === '' ? { path, message: { vi: `Cần ghi ${vi}`, en: `${en} is required` } } : null;

/**
 * The problems of a fund's accounts as a request gives them (`change` fields absent are not judged): a bank account's
 * number is digits only within ACCOUNT_DIGITS (spaces and dots between groups allowed), its bank and branch not
 * blank; a treasury account only for a state budget fund, its number within TREASURY_DIGITS and the treasury named.
 * Pure.
 */
export function fundAccountProblems(kind: FundKind, change: Partial<FundAccounts>): FundAccountProblem[] {
  const problems: (FundAccountProblem | null)[] = [];
  const bank = change.bankAccount;
  if (bank) {
    problems.push(
      digitsProblem('/bankAccount/accountNumber', bank.accountNumber, ACCOUNT_DIGITS),
      blankProblem('/bankAccount/bankName', bank.bankName, 'tên ngân hàng', 'The bank'),
      blankProblem('/bankAccount/branch', bank.branch, 'chi nhánh ngân hàng', 'The branch'),
    );
  }
  const treasury = change.treasuryAccount;
  if (treasury && kind !== 'state_budget') {
    problems.push({
      path: '/treasuryAccount',
      message: {
        vi: 'Chỉ nguồn ngân sách nhà nước có tài khoản tại Kho bạc Nhà nước',
        en: 'Only a state budget fund has a State Treasury account',
      },
    });
  } else if (treasury) {
    problems.push(
      digitsProblem('/treasuryAccount/accountNumber', treasury.accountNumber, TREASURY_DIGITS),
      blankProblem('/treasuryAccount/treasuryName', treasury.treasuryName, 'tên Kho bạc', 'The treasury'),
    );
  }
  return problems.filter((p): p is FundAccountProblem => p !== null);
}

/** The accounts as stored: numbers without separators, names trimmed. */
export function normalizedFundAccounts(change: Partial<FundAccounts>): Partial<FundAccounts> {
  const out: Partial<FundAccounts> = {};
  if (change.bankAccount !== undefined) {
    out.bankAccount = change.bankAccount && {
      accountNumber: normalizedAccountNumber(change.bankAccount.accountNumber),
      bankName: change.bankAccount.bankName.trim(),
      branch: change.bankAccount.branch.trim(),
    };
  }
  if (change.treasuryAccount !== undefined) {
    out.treasuryAccount = change.treasuryAccount && {
      accountNumber: normalizedAccountNumber(change.treasuryAccount.accountNumber),
      treasuryName: change.treasuryAccount.treasuryName.trim(),
    };
  }
  return out;
}

/** `0123456789` → `••••••6789`: the last four digits, for readers without the right to the whole number. */
export const maskedAccountNumber = (digits: string): string =>
  `${'•'.repeat(Math.max(digits.length - 4, 0))}${digits.slice(-4)}`;

/** The accounts with their numbers masked (see maskedAccountNumber). */
export function maskedFundAccounts(accounts: FundAccounts): FundAccounts {
  return {
    bankAccount: accounts.bankAccount && {
      ...accounts.bankAccount,
      accountNumber: maskedAccountNumber(accounts.bankAccount.accountNumber),
    },
    treasuryAccount: accounts.treasuryAccount && {
      ...accounts.treasuryAccount,
      accountNumber: maskedAccountNumber(accounts.treasuryAccount.accountNumber),
    },
  };
}

/**
 * The lines a voucher prints of a fund's accounts, in Vietnamese: `['Số tài khoản 0123456789 tại Ngân hàng …, chi
 * nhánh …', 'Tài khoản tại Kho bạc: 9527… tại Kho bạc Nhà nước khu vực I']`; none without accounts.
 */
export function fundAccountLines(accounts: FundAccounts): { label: string; value: string }[] {
  const lines: { label: string; value: string }[] = [];
  if (accounts.bankAccount) {
    const { accountNumber, bankName, branch } = accounts.bankAccount;
    lines.push({ label: 'Số tài khoản', value: `${accountNumber} tại ${bankName}, chi nhánh ${branch}` });
  }
  if (accounts.treasuryAccount) {
    const { accountNumber, treasuryName } = accounts.treasuryAccount;
    lines.push({ label: 'Tài khoản tại Kho bạc', value: `${accountNumber} tại ${treasuryName}` });
  }
  return lines;
}
