import { useState, type FormEvent } from 'react';
import type { LoanEntry, LoanLedgerResponse } from '../../../api-contract';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { LOAN_ENTRY_KINDS, type LoanEntryKind } from '../../../domain/loans/loan-balance';
import { INTEREST_SUPPORT_RATE_PERCENT, interestSupportDue } from '../../../domain/loans/interest-support-due';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { parseDmyDate } from '../../shared/widgets/parse-dmy-date';
import type { Lang } from '../../shared/i18n/lang';
import { AdminField } from '../admin/admin-field';
import { fieldMessage, SubmitWithProblems } from '../admin/api-problems';
import { DmyDateInput, useDmyField } from '../admin/dmy-date-input';
import { useAdminPost } from '../admin/use-admin-post';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import type { LoanText } from './loan-text';

/** The amount fields of each kind of entry, as the API takes them (LoanEntryRequest). */
const FIELDS: Record<LoanEntryKind, readonly ('principal' | 'interest' | 'interestSupport' | 'amount')[]> = {
  collection: ['principal', 'interest', 'interestSupport'],
  overdue: ['amount'],
  settlement: [],
};

/**
 * An amount typed in đồng: the language's thousands separators and spaces dropped; empty is undefined (not sent);
 * anything else than digits goes as typed, for the server to refuse at its field (an amount of đồng is whole).
 */
function amountOf(text: string, lang: Lang): number | string | undefined {
  const digits = text.replace(lang === 'en' ? /[\s,]/g : /[\s.]/g, '');
  if (digits === '') return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : text;
}

/**
 * The bank officer's form on a disbursed loan: a collection (principal, interest and, on a housing loan, the interest
 * the budget supports), an instalment falling overdue (its principal) or the settlement, dated dd/mm/yyyy. Sent with
 * an Idempotency-Key (a retry after a lost answer records it once); while it is sent a progress bar shows; the API's
 * refusals (more principal than outstanding, a date before the last entry, …) show under their fields, in the
 * page's language. `onRecorded` gets the entry the API recorded.
 */
export function LoanEntryForm({
  loan,
  t,
  onRecorded,
}: {
  loan: LoanLedgerResponse;
  t: LoanText;
  onRecorded(entry: LoanEntry): void;
}) {
  const { lang } = useAppServices();
  const [kind, setKind] = useState<LoanEntryKind>('collection');
  const [date, setDate] = useState('');
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const day = useDmyField(lang);
  const { busy, failure, post } = useAdminPost();
  const fields = FIELDS[kind].filter((f) => f !== 'interestSupport' || loan.interestSupported);
  const labels = {
    principal: t.formPrincipal,
    interest: t.formInterest,
    interestSupport: t.formInterestSupport,
    amount: t.formAmount,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const iso = day.read(date);
    if (iso === undefined) return;
    const body: Record<string, unknown> = { kind, date: iso || date };
    for (const f of fields) {
      const value = amountOf(amounts[f] ?? '', lang);
      if (value !== undefined) body[f] = value;
    }
    if (note.trim()) body['note'] = note.trim();
    const entry = await post<LoanEntry>(`/api/loans/${encodeURIComponent(loan.dossierId)}/entries`, body, {
      idempotent: true,
    });
    if (!entry) return;
    setAmounts({});
    setDate('');
    setNote('');
    onRecorded(entry);
  };

  const id = 'loan-entry';
  // On a supported loan, the support the collection's date covers (3 %/year on the outstanding since interest was
  // last paid), with a button that types it, at most the interest typed: the officer's figure is what is recorded.
  const typedDay = parseDmyDate(date);
  const due =
    kind === 'collection' && loan.interestSupported && typedDay.kind === 'ok'
      ? interestSupportDue(loan, loan.entries, typedDay.iso)
      : undefined;
  const fillDue = (amount: number) => {
    const interest = amountOf(amounts['interest'] ?? '', lang);
    const figure = typeof interest === 'number' ? Math.min(amount, interest) : amount;
    setAmounts((old) => ({ ...old, interestSupport: formatVnd(figure, lang).replace(/\s(₫|VND)$/, '') }));
  };
  const unplaced = failure?.fields.filter(
    (f) => !['/kind', '/date', '/note', ...fields.map((n) => `/${n}`)].includes(f.path),
  );
  return (
    <form
      className="app-card loan-entry-form"
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
      noValidate
      onSubmit={(e) => void submit(e)}
      data-testid="loan-entry-form"
    >
      <h3 id={`${id}-title`}>{t.formTitle}</h3>
      <AdminField
        id={`${id}-kind`}
        label={t.formKind}
        error={fieldMessage(failure, '/kind')}
        control={(a) => (
          <select {...a} value={kind} onChange={(e) => setKind(e.target.value as LoanEntryKind)}>
            {LOAN_ENTRY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        )}
      />
      {kind === 'settlement' ? <p className="app-muted">{t.settleHint}</p> : null}
      <DmyDateInput
        id={`${id}-date`}
        label={t.formDate}
        error={day.problem ?? fieldMessage(failure, '/date')}
        value={date}
        lang={lang}
        onChange={setDate}
      />
      {fields.map((f) => (
        <AdminField
          key={f}
          id={`${id}-${f}`}
          label={labels[f]}
          error={fieldMessage(failure, `/${f}`)}
          control={(a) => (
            <input
              {...a}
              inputMode="numeric"
              autoComplete="off"
              value={amounts[f] ?? ''}
              onChange={(e) => setAmounts((old) => ({ ...old, [f]: e.target.value }))}
            />
          )}
        />
      ))}
      {due ? (
        <p className="app-muted" data-testid="loan-support-due">
          {t.supportDue(
            INTEREST_SUPPORT_RATE_PERCENT,
            formatDmyDate(due.from) ?? due.from,
            formatDmyDate(due.to) ?? due.to,
            due.days,
            formatVnd(due.amount, lang),
          )}{' '}
          <button type="button" className="app-link-button" onClick={() => fillDue(due.amount)}>
            {t.useSupportDue}
          </button>
        </p>
      ) : null}
      <AdminField
        id={`${id}-note`}
        label={t.formNote}
        error={fieldMessage(failure, '/note')}
        control={(a) => <input {...a} value={note} onChange={(e) => setNote(e.target.value)} />}
      />
      {busy ? <BusyIndicator label={t.sending} /> : null}
      <SubmitWithProblems
        failure={failure}
        {...(failure?.status === 422 ? { heading: t.refused } : {})}
        fields={unplaced?.map((f) => ({ ...f, path: '' }))}
        busy={busy}
        label={t.submit}
      />
    </form>
  );
}
