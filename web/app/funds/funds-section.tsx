import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Fund, FundLedger, FundList, FundListItem, LedgerEntry } from '../../../api-contract';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { AdminField } from '../admin/admin-field';
import { AdminTable } from '../admin/admin-table';
import { adminText } from '../admin/admin-text';
import { ApiProblems, fieldMessage, SubmitWithProblems, type ApiFailure } from '../admin/api-problems';
import { DmyDateInput, readDmyDate, readDmyDates } from '../admin/dmy-date-input';
import { useAdminPost } from '../admin/use-admin-post';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { DONOR_KIND_LABELS, DONOR_KINDS } from '../../../domain/funds/donor-kinds';
import { useUnitName } from '../units/use-unit-name';
import { CreateFundForm } from './create-fund-form';
import { fundBars } from './fund-bars';
import { FundChart } from './fund-chart';
import { FundDocuments } from './fund-documents';
import { FundAccountLines, FundAccountsForm } from './fund-accounts-form';
import { FundSummarySection } from './fund-summary-section';
import { fundText, type FundText } from './fund-text';

const field = (id: string, label: string, error: string | undefined, value: string, set: (value: string) => void) => (
  <AdminField
    id={id}
    label={label}
    error={error}
    control={(a) => <input {...a} value={value} onChange={(e) => set(e.target.value)} />}
  />
);

/** Renaming a fund or moving its campaign window; an emptied date removes that bound. */
function EditFundForm({ fund, t, onSaved }: { fund: FundListItem; t: FundText; onSaved(fund: Fund): void }) {
  const [name, setName] = useState(fund.name);
  const { lang } = useAppServices();
  const [from, setFrom] = useState(formatDmyDate(fund.campaignFrom) ?? '');
  const [to, setTo] = useState(formatDmyDate(fund.campaignTo) ?? '');
  const [dateProblems, setDateProblems] = useState<{ from?: string; to?: string }>({});
  const { busy, failure, post } = useAdminPost();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readDmyDates({ from, to }, lang);
    setDateProblems('problems' in read ? read.problems : {});
    if (!('days' in read)) return;
    const body = { name: name.trim(), campaignFrom: read.days.from || null, campaignTo: read.days.to || null };
    const saved = await post<Fund>(`/api/admin/funds/${fund._id}`, body, { patch: true });
    if (saved) onSaved(saved);
  };
  const id = `fund-edit-${fund._id}`;
  return (
    <form className="app-retire-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t.editOf(fund.name)}>
      {field(`${id}-name`, t.name, fieldMessage(failure, '/name'), name, setName)}
      <DmyDateInput
        id={`${id}-from`}
        label={t.campaignFrom}
        error={dateProblems.from ?? fieldMessage(failure, '/campaignFrom')}
        value={from}
        lang={lang}
        onChange={setFrom}
      />
      <DmyDateInput
        id={`${id}-to`}
        label={t.campaignTo}
        error={dateProblems.to ?? fieldMessage(failure, '/campaignTo')}
        value={to}
        lang={lang}
        onChange={setTo}
      />
      <SubmitWithProblems failure={failure} fields={[]} busy={busy} label={t.save} />
    </form>
  );
}

/** Recording money received, with an Idempotency-Key so that a retry after a lost answer records it once. */
function ReceiptForm({ fund, t, onRecorded }: { fund: FundListItem; t: FundText; onRecorded(e: LedgerEntry): void }) {
  const { lang } = useAppServices();
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [donorKind, setDonorKind] = useState('');
  const [donorName, setDonorName] = useState('');
  const [dateProblem, setDateProblem] = useState<string>();
  const { busy, failure, post } = useAdminPost();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const day = readDmyDate(date, lang);
    setDateProblem('problem' in day ? day.problem : undefined);
    if (!('iso' in day)) return;
    // The language's thousands separator and spaces are dropped; anything else (a decimal comma) goes to the server
    // as typed, which refuses it at /amount: an amount of đồng is whole.
    const digits = amount.replace(lang === 'en' ? /[\s,]/g : /[\s.]/g, '');
    const body = {
      amount: /^\d+$/.test(digits) ? Number(digits) : amount,
      date: day.iso,
      ...(note.trim() ? { note } : {}),
      // Who gave (a campaign's report adds contributions up by kind); a half-filled donor is the server's 422.
      ...(donorKind || donorName.trim() ? { donor: { kind: donorKind, name: donorName.trim() } } : {}),
    };
    const entry = await post<LedgerEntry>(`/api/admin/funds/${fund._id}/receipts`, body, { idempotent: true });
    if (entry) onRecorded(entry);
  };
  const id = `fund-receipt-${fund._id}`;
  return (
    <form className="app-retire-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t.receiveOf(fund.name)}>
      <AdminField
        id={`${id}-amount`}
        label={t.amount}
        error={fieldMessage(failure, '/amount')}
        control={(a) => <input {...a} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />}
      />
      <DmyDateInput
        id={`${id}-date`}
        label={t.date}
        error={dateProblem ?? fieldMessage(failure, '/date')}
        value={date}
        lang={lang}
        onChange={setDate}
      />
      {field(`${id}-note`, t.note, fieldMessage(failure, '/note'), note, setNote)}
      <AdminField
        id={`${id}-donor-kind`}
        label={t.donorKind}
        error={fieldMessage(failure, '/donor/kind') ?? fieldMessage(failure, '/donor')}
        control={(a) => (
          <select {...a} value={donorKind} onChange={(e) => setDonorKind(e.target.value)}>
            <option value="">{t.noDonor}</option>
            {DONOR_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {DONOR_KIND_LABELS[kind][lang]}
              </option>
            ))}
          </select>
        )}
      />
      {field(`${id}-donor-name`, t.donorName, fieldMessage(failure, '/donor/name'), donorName, setDonorName)}
      <SubmitWithProblems failure={failure} fields={[]} busy={busy} label={t.receive} />
    </form>
  );
}

/** A fund's ledger, oldest first, one page at a time ("Xem thêm" asks for the next). */
function LedgerView({ fund, t }: { fund: FundListItem; t: FundText }) {
  const { api, lang } = useAppServices();
  const [entries, setEntries] = useState<LedgerEntry[]>([]);
  const [next, setNext] = useState<number | null | undefined>();
  const [failure, setFailure] = useState<ApiFailure>();
  const load = useCallback(
    async (after: number) => {
      const answer = await api.get<FundLedger>(`/api/funds/${fund._id}/ledger?after=${after}&limit=20`);
      if (!answer.ok) return setFailure(answer);
      setEntries((old) => (after === 0 ? answer.value.entries : [...old, ...answer.value.entries]));
      setNext(answer.value.next);
    },
    [api, fund._id],
  );
  useEffect(() => {
    void load(0);
  }, [load]);
  return (
    <div className="fund-ledger" data-testid={`fund-ledger-${fund._id}`}>
      <ApiProblems failure={failure} />
      {next === undefined && !failure ? <BusyIndicator label={adminText(lang).loadingText} /> : null}
      {next !== undefined ? (
        <AdminTable
          caption={t.ledgerCaption(fund.name)}
          columns={[t.seq, t.valueDate, t.entryKind, t.amount, t.balanceAfter, t.note]}
          empty={entries.length === 0 ? t.noEntries : undefined}
        >
          {entries.map((e) => (
            <tr key={e._id} data-seq={e.seq}>
              <td data-label={t.seq}>{e.seq}</td>
              <td data-label={t.valueDate}>{formatDmyDate(e.valueDate ?? e.at.slice(0, 10))}</td>
              <td data-label={t.entryKind}>{t.entryKinds[e.kind]}</td>
              <td data-label={t.amount}>{formatVnd(e.amount, lang)}</td>
              <td data-label={t.balanceAfter}>{formatVnd(e.balanceAfter.available, lang)}</td>
              <td data-label={t.note}>
                {[e.donor ? `${DONOR_KIND_LABELS[e.donor.kind][lang]}: ${e.donor.name}` : '', e.note ?? '']
                  .filter(Boolean)
                  .join(' — ')}
              </td>
            </tr>
          ))}
        </AdminTable>
      ) : null}
      {next ? (
        <button type="button" className="app-button app-button-secondary" onClick={() => void load(next)}>
          {t.more}
        </button>
      ) : null}
    </div>
  );
}

const BALANCE_PARTS = ['received', 'committed', 'paid', 'available'] as const;

type Open = { fund: string; what: 'edit' | 'accounts' | 'receipt' | 'ledger' | 'documents' } | undefined;

/**
 * "Nguồn kinh phí": the funds of the units the administrator holds and below, with their derived balances and a
 * chart of committed / paid / available; create a fund, edit or (de)activate one, record a receipt, open a ledger.
 * Every figure comes from the API (the balance is derived from the ledger there), never computed here.
 */
export function FundsSection() {
  const { api, session, lang } = useAppServices();
  const t = fundText(lang);
  const unitName = useUnitName();
  const root = session.user.grants.find((g) => g.role === 'admin')?.unitCode ?? '';
  const [funds, setFunds] = useState<FundListItem[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure>();
  const [notice, setNotice] = useState<string>();
  const [open, setOpen] = useState<Open>();
  const toggle = useAdminPost();

  /** The first page again (after a change), or the next one appended. */
  const load = useCallback(
    async (after?: string) => {
      const answer = await api.get<FundList>(`/api/admin/funds?limit=50${after ? `&cursor=${after}` : ''}`);
      if (!answer.ok) return setFailure(answer);
      setFailure(undefined);
      setFunds((old) => (after ? [...(old ?? []), ...answer.value.items] : answer.value.items));
      setCursor(answer.value.nextCursor);
    },
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);

  /** After a change: the list reloaded first, so that the notice announces figures already on screen. */
  const changed = async (message: string) => {
    setOpen(undefined);
    await load();
    setNotice(message);
  };
  const setActive = async (fund: FundListItem, active: boolean) => {
    const saved = await toggle.post<Fund>(`/api/admin/funds/${fund._id}`, { active }, { patch: true });
    if (saved) await changed(active ? t.reactivated(saved.name) : t.deactivated(saved.name));
  };
  const isOpen = (fund: FundListItem, what: NonNullable<Open>['what']) => open?.fund === fund._id && open.what === what;
  const opener = (fund: FundListItem, what: NonNullable<Open>['what'], label: string, name: string) => (
    <button
      type="button"
      className="app-button app-button-secondary"
      aria-expanded={isOpen(fund, what)}
      aria-label={name}
      onClick={() => setOpen(isOpen(fund, what) ? undefined : { fund: fund._id, what })}
    >
      {label}
    </button>
  );

  return (
    <>
      <CreateFundForm root={root} t={t} onCreated={(fund) => void changed(t.created(fund.name))} />
      {notice ? (
        <p className="app-notice" role="status">
          {notice}
        </p>
      ) : null}
      <ApiProblems failure={failure ?? toggle.failure} />
      {!funds && !failure ? <BusyIndicator label={adminText(lang).loadingText} /> : null}
      {funds && funds.length > 0 ? <FundChart bars={fundBars(funds)} lang={lang} t={t} /> : null}
      {funds ? (
        <AdminTable
          caption={t.listTitle}
          className="fund-table"
          columns={[t.name, t.kind, t.unit, t.received, t.committed, t.paid, t.available, t.status, t.actions]}
          empty={funds.length === 0 ? t.noFunds : undefined}
        >
          {funds.map((f) => (
            <tr key={f._id} data-fund={f._id}>
              <td data-label={t.name}>
                <strong>{f.name}</strong>
                {f.campaignFrom || f.campaignTo ? (
                  <div className="app-muted">
                    {t.campaign}: {f.campaignFrom ? formatDmyDate(f.campaignFrom) : t.noLimit} –{' '}
                    {f.campaignTo ? formatDmyDate(f.campaignTo) : t.noLimit}
                  </div>
                ) : null}
                <FundAccountLines fund={f} t={t} />
              </td>
              <td data-label={t.kind}>{t.kinds[f.kind]}</td>
              <td data-label={t.unit}>{unitName(f.unitCode)}</td>
              {BALANCE_PARTS.map((part) => (
                <td key={part} data-label={t[part]} data-amount={part}>
                  {formatVnd(f.balance[part], lang)}
                </td>
              ))}
              <td data-label={t.status} data-active={f.active}>
                {f.active ? t.active : t.inactive}
              </td>
              <td data-label={t.actions}>
                <div className="app-cell">
                  {opener(f, 'receipt', t.receive, t.receiveOf(f.name))}
                  {opener(f, 'ledger', t.ledger, t.ledgerOf(f.name))}
                  {opener(f, 'documents', t.documentsButton, t.documentsOf(f.name))}
                  {opener(f, 'edit', t.edit, t.editOf(f.name))}
                  {opener(f, 'accounts', t.accounts, t.accountsOf(f.name))}
                  <button
                    type="button"
                    className="app-button app-button-secondary"
                    disabled={toggle.busy}
                    aria-label={f.active ? t.deactivateOf(f.name) : t.reactivateOf(f.name)}
                    onClick={() => void setActive(f, !f.active)}
                  >
                    {f.active ? t.deactivate : t.reactivate}
                  </button>
                  {isOpen(f, 'edit') ? (
                    <EditFundForm fund={f} t={t} onSaved={(s) => void changed(t.saved(s.name))} />
                  ) : null}
                  {isOpen(f, 'accounts') ? (
                    <FundAccountsForm fund={f} t={t} onSaved={(s) => void changed(t.accountsSaved(s.name))} />
                  ) : null}
                  {isOpen(f, 'receipt') ? (
                    <ReceiptForm
                      fund={f}
                      t={t}
                      onRecorded={(e) => void changed(t.received_(formatVnd(e.amount, lang), f.name))}
                    />
                  ) : null}
                  {isOpen(f, 'ledger') ? <LedgerView fund={f} t={t} /> : null}
                  {isOpen(f, 'documents') ? <FundDocuments fund={f} t={t} /> : null}
                </div>
              </td>
            </tr>
          ))}
        </AdminTable>
      ) : null}
      {cursor ? (
        <button type="button" className="app-button app-button-secondary" onClick={() => void load(cursor)}>
          {t.more}
        </button>
      ) : null}
      <FundSummarySection root={root} t={t} />
    </>
  );
}
