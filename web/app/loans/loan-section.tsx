import { useCallback, useEffect, useState } from 'react';
import type { Dossier, LoanEntry, LoanLedgerResponse } from '../../../api-contract';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { AdminTable } from '../admin/admin-table';
import { ApiProblems, type ApiFailure } from '../admin/api-problems';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { LoanEntryForm } from './loan-entry-form';
import { loanText } from './loan-text';

/** The role that records a loan's entries at a unit of the dossier's chain (as the API checks it). */
const WRITER_ROLE = 'bank_officer';

/**
 * A disbursed loan of the Bank for Social Policies on its credit-access dossier's page (GET /api/loans/:id, for
 * anyone who may read the dossier): its position (disbursed, outstanding, overdue, interest paid and supported,
 * settled or not) and its entries, oldest first; for the bank's officer at a unit of the dossier's chain, the form
 * that records a collection, an instalment overdue or the settlement, after which the loan is read again (every
 * figure is the server's). A dossier that is not a disbursed loan (404) shows nothing.
 */
export function LoanSection({ dossier }: { dossier: Dossier }) {
  const { api, lang, session, text } = useAppServices();
  const t = loanText(lang);
  const [loan, setLoan] = useState<LoanLedgerResponse | null>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(async () => {
    const answer = await api.get<LoanLedgerResponse>(`/api/loans/${encodeURIComponent(dossier.id)}`);
    if (answer.ok) {
      setFailure(undefined);
      return setLoan(answer.value);
    }
    setLoan(null);
    if (answer.status !== 404)
      setFailure(answer.status === 'network' ? { ...answer, message: text.networkError } : answer);
  }, [api, dossier.id, text]);
  useEffect(() => {
    void load();
  }, [load]);

  if (loan === undefined) return <BusyIndicator label={t.loading} />;
  if (loan === null) return <ApiProblems failure={failure} />;

  const chain = [dossier.receivingUnit, ...Object.values(dossier.units ?? {})];
  const writer = session.user.grants.some((g) => g.role === WRITER_ROLE && chain.includes(g.unitCode));
  const b = loan.balance;
  const money = (amount: number) => formatVnd(amount, lang);
  const position: [string, string, string][] = [
    ['disbursed', t.disbursed, money(b.disbursed)],
    ['outstanding', t.outstanding, money(b.outstanding)],
    ['overdue', t.overdue, money(b.overdue)],
    ['principalRepaid', t.principalRepaid, money(b.principalRepaid)],
    ['interestPaid', t.interestPaid, money(b.interestPaid)],
    ...(loan.interestSupported
      ? [['interestSupport', t.interestSupport, money(b.interestSupport)] as [string, string, string]]
      : []),
    ['settled', t.state, b.settled ? t.settled : t.open],
  ];
  /** The entries' columns: the day, the kind, the amounts (₫, kept on one line on a desktop) and the note. */
  const columns: { label: string; money?: true; cell(e: LoanEntry): string }[] = [
    { label: t.date, cell: (e) => formatDmyDate(e.date) ?? e.date },
    { label: t.kind, cell: (e) => t.kinds[e.kind] },
    { label: t.principal, money: true, cell: (e) => money(e.principal) },
    { label: t.interest, money: true, cell: (e) => money(e.interest) },
    { label: t.support, money: true, cell: (e) => money(e.interestSupport) },
    { label: t.overdueAmount, money: true, cell: (e) => money(e.overdue) },
    { label: t.outstandingAfter, money: true, cell: (e) => money(e.balanceAfter.outstanding) },
    { label: t.note, cell: (e) => e.note ?? '—' },
  ];
  const recorded = async (entry: LoanEntry) => {
    await load();
    setNotice(t.recorded(t.kinds[entry.kind], formatDmyDate(entry.date) ?? entry.date));
  };

  return (
    <section className="app-card loan-section" aria-labelledby="loan-heading" data-testid="loan-section">
      <h2 id="loan-heading">{t.heading}</h2>
      <p>
        {t.loanLine(loan.purposeLabel[lang], loan.commune.name, formatDmyDate(loan.disbursedOn) ?? loan.disbursedOn)}
      </p>
      <dl className="app-summary" data-testid="loan-position">
        {position.map(([key, label, value]) => (
          <div key={key} className="app-summary-row" data-figure={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {notice ? (
        <p className="app-notice" role="status">
          {notice}
        </p>
      ) : null}
      <AdminTable
        caption={t.entriesCaption}
        className="loan-entries"
        columns={columns.map((c) => c.label)}
        empty={loan.entries.length === 0 ? t.noEntries : undefined}
      >
        {loan.entries.map((e) => (
          <tr key={e.seq} data-seq={e.seq}>
            {columns.map((c) => (
              <td key={c.label} data-label={c.label} {...(c.money ? { 'data-money': true } : {})}>
                {c.cell(e)}
              </td>
            ))}
          </tr>
        ))}
      </AdminTable>
      {writer && !b.settled ? <LoanEntryForm loan={loan} t={t} onRecorded={(e) => void recorded(e)} /> : null}
    </section>
  );
}
