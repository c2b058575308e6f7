import { useState, type FormEvent } from 'react';
import type { Fund, FundListItem } from '../../../api-contract';
import { AdminField } from '../admin/admin-field';
import { fieldMessage, SubmitWithProblems } from '../admin/api-problems';
import { useAdminPost } from '../admin/use-admin-post';
import type { FundText } from './fund-text';

/** The fund's accounts as short lines under its name ("TK 1234… — Ngân hàng …, chi nhánh …"), or that it has none. */
export function FundAccountLines({ fund, t }: { fund: Pick<Fund, 'bankAccount' | 'treasuryAccount'>; t: FundText }) {
  const { bankAccount, treasuryAccount } = fund;
  if (!bankAccount && !treasuryAccount) return <div className="fund-account">{t.noAccount}</div>;
  return (
    <>
      {bankAccount ? (
        <div className="fund-account" data-account="bank">
          {t.bankAccountLine(bankAccount.accountNumber, bankAccount.bankName, bankAccount.branch)}
        </div>
      ) : null}
      {treasuryAccount ? (
        <div className="fund-account" data-account="treasury">
          {t.treasuryAccountLine(treasuryAccount.accountNumber, treasuryAccount.treasuryName)}
        </div>
      ) : null}
    </>
  );
}

/**
 * The administrator's form of a fund's bank account (and, for a state budget fund, its State Treasury account). An
 * account left wholly empty is removed; the server checks the digits and lengths and answers field by field.
 */
export function FundAccountsForm({ fund, t, onSaved }: { fund: FundListItem; t: FundText; onSaved(f: Fund): void }) {
  const [number, setNumber] = useState(fund.bankAccount?.accountNumber ?? '');
  const [bank, setBank] = useState(fund.bankAccount?.bankName ?? '');
  const [branch, setBranch] = useState(fund.bankAccount?.branch ?? '');
  const [treasuryNumber, setTreasuryNumber] = useState(fund.treasuryAccount?.accountNumber ?? '');
  const [treasury, setTreasury] = useState(fund.treasuryAccount?.treasuryName ?? '');
  const budget = fund.kind === 'state_budget';
  const { busy, failure, post } = useAdminPost();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const filled = (...values: string[]) => values.some((v) => v.trim() !== '');
    const body = {
      bankAccount: filled(number, bank, branch) ? { accountNumber: number, bankName: bank, branch } : null,
      ...(budget
        ? {
            treasuryAccount: filled(treasuryNumber, treasury)
              ? { accountNumber: treasuryNumber, treasuryName: treasury }
              : null,
          }
        : {}),
    };
    const saved = await post<Fund>(`/api/admin/funds/${fund._id}`, body, { patch: true });
    if (saved) onSaved(saved);
  };
  const id = `fund-accounts-${fund._id}`;
  const text = (key: string, label: string, path: string, value: string, set: (v: string) => void, numeric = false) => (
    <AdminField
      id={`${id}-${key}`}
      label={label}
      error={fieldMessage(failure, path)}
      control={(a) => (
        <input
          {...a}
          value={value}
          {...(numeric ? { inputMode: 'numeric' as const, autoComplete: 'off' } : {})}
          onChange={(e) => set(e.target.value)}
        />
      )}
    />
  );
  return (
    <form className="app-retire-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t.accountsOf(fund.name)}>
      {text('number', t.accountNumber, '/bankAccount/accountNumber', number, setNumber, true)}
      <p className="app-muted">{t.accountNumberHint}</p>
      {text('bank', t.bankName, '/bankAccount/bankName', bank, setBank)}
      {text('branch', t.branch, '/bankAccount/branch', branch, setBranch)}
      {budget ? (
        <>
          {text(
            'treasury-number',
            t.treasuryAccountNumber,
            '/treasuryAccount/accountNumber',
            treasuryNumber,
            setTreasuryNumber,
            true,
          )}
          {text('treasury', t.treasuryName, '/treasuryAccount/treasuryName', treasury, setTreasury)}
        </>
      ) : null}
      <SubmitWithProblems failure={failure} fields={[]} busy={busy} label={t.save} />
    </form>
  );
}
