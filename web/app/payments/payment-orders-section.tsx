import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { PaymentOrderItem, PaymentOrderPage } from '../../../api-contract';
import { formatDate } from '../../shared/format/format-date';
import { AdminField } from '../admin/admin-field';
import { AdminTable } from '../admin/admin-table';
import { ApiProblems, type ApiFailure } from '../admin/api-problems';
import { DmyDateInput, readDmyDates } from '../admin/dmy-date-input';
import { useAppServices } from '../app-services';
import { AppLink } from '../components/app-link';
import { BusyIndicator } from '../components/busy-indicator';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { useUnitName } from '../units/use-unit-name';
import type { PaymentText } from './payment-text';

type StatusFilter = PaymentOrderItem['status'] | '';
interface Filters {
  status: StatusFilter;
  from: string;
  to: string;
}

const queryOf = (filters: Filters, cursor: string | null) => {
  const query = new URLSearchParams({ limit: '50' });
  if (filters.status) query.set('status', filters.status);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  if (cursor) query.set('cursor', cursor);
  return `/api/payments/orders?${query.toString()}`;
};

/**
 * The payment orders the officer may see (GET /api/payments/orders), those awaiting confirmation first shown:
 * filtered by status and the day they were ordered (dd/mm/yyyy), 50 at a time ("Xem thêm"), each with a link to its
 * dossier, where it is confirmed. `reload` changes after an import, so that the list shows what it settled.
 */
export function PaymentOrdersSection({ t, reload }: { t: PaymentText; reload: number }) {
  const { api, lang, navigate } = useAppServices();
  const unitName = useUnitName();
  const [status, setStatus] = useState<StatusFilter>('ordered');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [dateProblems, setDateProblems] = useState<{ from?: string; to?: string }>({});
  const [filters, setFilters] = useState<Filters>({ status: 'ordered', from: '', to: '' });
  const [orders, setOrders] = useState<PaymentOrderItem[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure>();

  const load = useCallback(
    async (after: string | null) => {
      const answer = await api.get<PaymentOrderPage>(queryOf(filters, after));
      if (!answer.ok) return setFailure(answer);
      setFailure(undefined);
      setOrders((old) => (after ? [...(old ?? []), ...answer.value.items] : answer.value.items));
      setCursor(answer.value.nextCursor);
    },
    [api, filters],
  );
  useEffect(() => {
    setOrders(undefined);
    void load(null);
  }, [load, reload]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const read = readDmyDates({ from, to }, lang);
    setDateProblems('problems' in read ? read.problems : {});
    if ('days' in read) setFilters({ status, ...read.days });
  };
  const statusName = filters.status ? t.orderStatuses[filters.status] : t.statusAll;

  return (
    <section aria-labelledby="payment-orders-title" className="payment-orders">
      <h2 id="payment-orders-title">{t.ordersTitle}</h2>
      <form className="app-filters payment-filters" aria-label={t.filters} onSubmit={apply} noValidate>
        <AdminField
          id="payment-status"
          label={t.status}
          error={undefined}
          control={(a) => (
            <select {...a} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              {(['ordered', 'paid', 'failed'] as const).map((s) => (
                <option key={s} value={s}>
                  {t.orderStatuses[s]}
                </option>
              ))}
              <option value="">{t.statusAll}</option>
            </select>
          )}
        />
        <DmyDateInput
          id="payment-from"
          label={t.from}
          error={dateProblems.from}
          value={from}
          lang={lang}
          onChange={setFrom}
        />
        <DmyDateInput id="payment-to" label={t.to} error={dateProblems.to} value={to} lang={lang} onChange={setTo} />
        <div className="app-actions">
          <button type="submit" className="app-button">
            {t.apply}
          </button>
        </div>
      </form>
      <ApiProblems failure={failure} />
      {!orders && !failure ? <BusyIndicator label={t.loading} /> : null}
      {orders ? (
        <AdminTable
          caption={t.caption(statusName, orders.length)}
          className="payment-table"
          columns={[
            t.dossier,
            t.household,
            t.tranche,
            t.amount,
            t.funds,
            t.status,
            t.reference,
            t.createdAt,
            t.settledAt,
          ]}
          empty={orders.length === 0 ? t.noOrders : undefined}
        >
          {orders.map((o) => (
            <tr key={o.id} data-order={o.id} data-dossier={o.dossierId}>
              <td data-label={t.dossier}>
                <div>
                  <AppLink to={{ name: 'dossier', id: o.dossierId }} navigate={navigate}>
                    {o.dossierId}
                  </AppLink>
                  <div className="app-muted">{unitName(o.receivingUnit)}</div>
                </div>
              </td>
              <td data-label={t.household}>
                {o.household ? <span>{o.household}</span> : <span className="app-muted">{t.hidden}</span>}
              </td>
              <td data-label={t.tranche}>
                <span>{o.tranche[lang]}</span>
              </td>
              <td data-label={t.amount} className="app-amount">
                {formatVnd(o.amount, lang)}
              </td>
              <td data-label={t.funds}>
                <ul className="payment-funds">
                  {o.funds.map((f) => (
                    <li key={f.fundId}>
                      {f.name}: {formatVnd(f.amount, lang)}
                    </li>
                  ))}
                </ul>
              </td>
              <td data-label={t.status} data-status={o.status}>
                <div>
                  {t.orderStatuses[o.status]}
                  {o.attempt > 1 ? <div className="app-muted">{t.attempt(o.attempt)}</div> : null}
                </div>
              </td>
              <td data-label={t.reference}>
                <code>{o.reference}</code>
              </td>
              <td data-label={t.createdAt}>{formatDate(o.createdAt)}</td>
              <td data-label={t.settledAt}>{o.settledAt ? formatDate(o.settledAt) : ''}</td>
            </tr>
          ))}
        </AdminTable>
      ) : null}
      {cursor ? (
        <button type="button" className="app-button app-button-secondary" onClick={() => void load(cursor)}>
          {t.more}
        </button>
      ) : null}
    </section>
  );
}
