import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppServices } from '../app-services';
import { AppLink } from '../components/app-link';
import { BusyIndicator } from '../components/busy-indicator';
import { TimelinessBadge } from '../components/timeliness-badge';
import { formatDateTime } from '../format/format-date-time';
import type { SlaText } from '../i18n/sla-text';
import { timelinessClass } from './pending-by-unit-chart';
import type { SlaPendingItem, SlaPendingPage } from '../../../api-contract';
import type { OpenTimeliness } from '../../../domain/sla/timeliness';

const PAGE_SIZE = 25;

/**
 * The list behind one segment of the chart: dossiers waiting in `unit` itself (GET /api/sla/pending with
 * `processingUnit`) with that timeliness, oldest due first, a page at a time. Each row says whom it waits for
 * and links to the dossier workspace. The heading takes the focus when the list opens, so keyboard and screen
 * reader users land on it.
 */
export function SlaPendingList(props: {
  unit: string;
  timeliness: OpenTimeliness;
  programme?: string;
  unitName(code: string): string;
  sla: SlaText;
  onClose(): void;
}) {
  const { unit, timeliness, programme, unitName, sla, onClose } = props;
  const { api, text, navigate } = useAppServices();
  const [items, setItems] = useState<SlaPendingItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      const query = new URLSearchParams({ processingUnit: unit, timeliness, limit: String(PAGE_SIZE) });
      if (programme) query.set('programme', programme);
      if (after) query.set('cursor', after);
      const result = await api.get<SlaPendingPage>(`/api/sla/pending?${query}`);
      setLoading(false);
      if (!result.ok) return setError(result.status === 'network' ? text.networkError : result.message);
      setError(undefined);
      setItems((old) => (after ? [...old, ...result.value.items] : result.value.items));
      setCursor(result.value.nextCursor);
    },
    [api, text, unit, timeliness, programme],
  );

  useEffect(() => {
    setItems([]);
    void load(null);
    heading.current?.focus();
  }, [load]);

  const waitingFor = (item: SlaPendingItem) =>
    [
      item.waitingFor.role ? (text.roles[item.waitingFor.role] ?? item.waitingFor.role) : '',
      item.waitingFor.unit ? unitName(item.waitingFor.unit) : '',
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <section
      className="app-card sla-list"
      aria-labelledby="sla-list-title"
      data-testid="sla-pending-list"
      data-unit={unit}
      data-timeliness={timeliness}
    >
      <div className="sla-list-head">
        <h2 id="sla-list-title" tabIndex={-1} ref={heading}>
          {sla.listTitle(unitName(unit), text.timelinessNames[timeliness])}
        </h2>
        <button type="button" className="app-button app-button-secondary" onClick={onClose}>
          {sla.closeList}
        </button>
      </div>
      {error ? (
        <p className="app-error" role="alert">
          {error}
        </p>
      ) : null}
      {!loading && !error && items.length === 0 ? <p>{sla.listEmpty}</p> : null}
      {items.length > 0 ? (
        <table className="app-table">
          <thead>
            <tr>
              <th scope="col">{text.dossierCode}</th>
              <th scope="col">{text.programme}</th>
              <th scope="col">{sla.waitingFor}</th>
              <th scope="col">{text.status}</th>
              <th scope="col">{text.dueDate}</th>
              <th scope="col">{text.timeliness}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-dossier-id={item.id}>
                <td data-label={text.dossierCode}>
                  <AppLink to={{ name: 'dossier', id: item.id }} navigate={navigate}>
                    {item.id}
                  </AppLink>
                </td>
                <td data-label={text.programme}>{text.programmes[item.programme] ?? item.programme}</td>
                <td data-label={sla.waitingFor}>{waitingFor(item)}</td>
                <td data-label={text.status}>
                  {text.statuses[item.status as keyof typeof text.statuses] ?? item.status}
                </td>
                <td data-label={text.dueDate} data-field="due">
                  {formatDateTime(item.dueAt ?? item.overallDueAt)}
                </td>
                <td data-label={text.timeliness}>
                  {item.clockStoppedAt || item.dueAt === null ? (
                    <span className={`app-badge app-badge-stopped ${timelinessClass('stopped')}`}>
                      {text.timelinessNames.stopped}
                    </span>
                  ) : (
                    <TimelinessBadge value={item.timeliness} text={text} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {loading ? <BusyIndicator label={text.loading} /> : null}
      {cursor && !loading ? (
        <button type="button" className="app-button app-button-secondary" onClick={() => void load(cursor)}>
          {text.loadMore}
        </button>
      ) : null}
    </section>
  );
}
