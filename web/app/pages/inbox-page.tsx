import { useCallback, useEffect, useMemo, useState } from 'react';
import type { InboxItem, InboxPage as InboxPageBody, ProcessList } from '../../../api-contract';
import type { ProcessDefinition } from '../../../domain/process/process-definition';
import type { InboxFilters } from '../dossier/inbox-query';
import { useAppServices } from '../app-services';
import { AppLink } from '../components/app-link';
import { BulkActionDialog } from '../components/bulk-action-dialog';
import { BulkSelectionBar } from '../components/bulk-selection-bar';
import { useUnitName } from '../units/use-unit-name';
import { BusyIndicator } from '../components/busy-indicator';
import { TimelinessBadge } from '../components/timeliness-badge';
import { commonBulkActions, inboxBulkActions, type BulkAction } from '../dossier/inbox-bulk-actions';
import { inboxQuery } from '../dossier/inbox-query';
import { dueText } from '../format/due-text';
import { UnitName } from '../units/unit-name';
import { newestOnly } from '../api/newest-only';

const PAGE_SIZE = 25;
const NO_FILTERS: InboxFilters = { unit: '', programme: '', status: '', timeliness: '', q: '' };
/** How long typing must pause before the search asks the API. */
const SEARCH_DELAY_MS = 300;
const MAX_SEARCH_LENGTH = 100;

/**
 * The dossiers waiting for the caller's roles and units, soonest due first (the API's order), a page at a time
 * with "load more" (keyset paging: each page continues after the last row shown, however many there are),
 * filtered by programme, state and timeliness, with the counts per timeliness the first page brings. Rows whose step
 * allows a bulk action for the caller have a checkbox: the selection can be decided together (BulkActionDialog).
 */
export function InboxPage() {
  const { api, text, lang, navigate, loadDefinition, session } = useAppServices();
  const [items, setItems] = useState<InboxItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [definitions, setDefinitions] = useState<Record<string, ProcessDefinition>>({});
  const [filters, setFilters] = useState<InboxFilters>(NO_FILTERS);
  const unitName = useUnitName();
  const grantUnits = useMemo(() => [...new Set(session.user.grants.map((g) => g.unitCode))], [session]);
  const [counts, setCounts] = useState<InboxPageBody['counts']>();
  const [programmes, setProgrammes] = useState<{ code: string; title: string }[]>([]);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The action being taken and the rows it was chosen for (kept as they were: decided rows leave the list).
  const [bulk, setBulk] = useState<{ action: BulkAction; items: InboxItem[] } | undefined>();

  // The search applies once typing pauses (or at once on Enter); the other filters apply on change.
  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((old) => (old.q === search ? old : { ...old, q: search })),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    void api.get<ProcessList>('/api/processes').then((list) => {
      if (!list.ok) return;
      const byCode = new Map<string, string>();
      for (const p of list.value.items) if (!byCode.has(p.programme)) byCode.set(p.programme, p.programme);
      setProgrammes([...byCode.keys()].map((code) => ({ code, title: text.programmes[code] ?? code })));
    });
  }, [api, text]);

  // A filter changed or a search typed before the last list came: only the newest load's answer is shown.
  const loads = useMemo(() => newestOnly(), []);
  const load = useCallback(
    async (after: string | null) => {
      const current = loads.start();
      setLoading(true);
      setError(undefined);
      const result = await api.get<InboxPageBody>(`/api/inbox?${inboxQuery(filters, PAGE_SIZE, after)}`);
      if (!current()) return;
      if (!result.ok) {
        setLoading(false);
        setError(result.status === 'network' ? text.networkError : result.message);
        return;
      }
      // Step and programme titles come from the (cached) definitions of the rows: they are loaded before
      // the rows are shown, so an officer never sees a step's code in place of its title.
      const refs = new Map(result.value.items.map((i) => [`${i.processKey}@${i.processVersion}`, i] as const));
      const loaded = await Promise.all(
        [...refs].map(
          async ([ref, item]) => [ref, await loadDefinition(item.processKey, item.processVersion)] as const,
        ),
      );
      setDefinitions((old) => {
        const next = { ...old };
        for (const [ref, d] of loaded) if (d.ok) next[ref] = d.value;
        return next;
      });
      if (!current()) return;
      setLoading(false);
      setItems((old) => (after ? [...old, ...result.value.items] : result.value.items));
      if (!after) setCounts(result.value.counts);
      setCursor(result.value.nextCursor);
    },
    [api, text, loadDefinition, filters, loads],
  );

  useEffect(() => {
    void load(null);
  }, [load]);
  useEffect(() => setSelected(new Set()), [filters]);

  // Which rows can be decided together, and the selection among them (rows that left the list leave it too).
  const bulkByRow = useMemo(
    () =>
      new Map(
        items.map(
          (i) =>
            [
              i.id,
              inboxBulkActions(definitions[`${i.processKey}@${i.processVersion}`], i, session.user.grants),
            ] as const,
        ),
      ),
    [items, definitions, session],
  );
  const selectable = items.filter((i) => (bulkByRow.get(i.id)?.length ?? 0) > 0);
  const chosen = selectable.filter((i) => selected.has(i.id));
  const sharedActions = commonBulkActions(chosen.map((i) => bulkByRow.get(i.id) ?? []));
  const toggle = (id: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const stepTitle = (item: InboxItem) => {
    const definition = definitions[`${item.processKey}@${item.processVersion}`];
    return definition?.steps.find((s) => s.id === item.currentStep)?.title[lang] ?? item.currentStep ?? '';
  };
  const programmeTitle = (item: InboxItem) =>
    definitions[`${item.processKey}@${item.processVersion}`]?.title[lang] ??
    text.programmes[item.programme] ??
    item.programme;

  return (
    <main id="main" className="app-page">
      <h1>{text.inboxTitle}</h1>
      <form
        className="app-filters"
        role="search"
        aria-label={text.filters}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters((old) => (old.q === search ? old : { ...old, q: search }));
        }}
      >
        <div className="app-field app-field-search">
          <label htmlFor="filter-q">{text.search}</label>
          <input
            id="filter-q"
            type="search"
            value={search}
            maxLength={MAX_SEARCH_LENGTH}
            autoComplete="off"
            aria-describedby="filter-q-hint"
            onChange={(e) => setSearch(e.target.value)}
          />
          <small id="filter-q-hint" className="app-muted">
            {text.searchHint}
          </small>
        </div>
        {grantUnits.length > 1 ? (
          <div className="app-field">
            <label htmlFor="filter-unit">{text.unit}</label>
            <select
              id="filter-unit"
              value={filters.unit}
              onChange={(e) => setFilters({ ...filters, unit: e.target.value })}
            >
              <option value="">{text.all}</option>
              {grantUnits.map((code) => (
                <option key={code} value={code}>
                  {unitName(code)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="app-field">
          <label htmlFor="filter-programme">{text.programme}</label>
          <select
            id="filter-programme"
            value={filters.programme}
            onChange={(e) => setFilters({ ...filters, programme: e.target.value })}
          >
            <option value="">{text.all}</option>
            {programmes.map((p) => (
              <option key={p.code} value={p.code}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <div className="app-field">
          <label htmlFor="filter-status">{text.status}</label>
          <select
            id="filter-status"
            value={filters.status}
            onChange={(e) => setFilters({ ...filters, status: e.target.value as InboxFilters['status'] })}
          >
            <option value="">{text.all}</option>
            {(['received', 'in_progress', 'awaiting_supplement'] as const).map((s) => (
              <option key={s} value={s}>
                {text.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="app-field">
          <label htmlFor="filter-timeliness">{text.timeliness}</label>
          <select
            id="filter-timeliness"
            value={filters.timeliness}
            onChange={(e) => setFilters({ ...filters, timeliness: e.target.value as InboxFilters['timeliness'] })}
          >
            <option value="">{text.all}</option>
            {(['not_due', 'near_due', 'overdue', 'stopped'] as const).map((t) => (
              <option key={t} value={t}>
                {text.timelinessNames[t]}
                {counts ? ` (${counts[t]})` : ''}
              </option>
            ))}
          </select>
        </div>
      </form>
      {counts ? (
        <p className="app-counts" data-testid="inbox-counts">
          {text.total}: <strong>{counts.total}</strong> · {text.timelinessNames.not_due}:{' '}
          <strong>{counts.not_due}</strong> · {text.timelinessNames.near_due}: <strong>{counts.near_due}</strong> ·{' '}
          {text.timelinessNames.overdue}: <strong>{counts.overdue}</strong> · {text.timelinessNames.stopped}:{' '}
          <strong>{counts.stopped}</strong>
        </p>
      ) : null}
      <p className="app-muted" aria-live="polite">
        {items.length > 0 ? text.shownCount(items.length, cursor !== null) : null}
      </p>
      {selectable.length > 0 ? (
        <BulkSelectionBar
          selectable={selectable.length}
          selected={chosen.length}
          actions={sharedActions}
          onSelectAll={(on) => setSelected(on ? new Set(selectable.map((i) => i.id)) : new Set())}
          onClear={() => setSelected(new Set())}
          onAction={(action) => setBulk({ action, items: chosen })}
        />
      ) : null}
      {bulk ? (
        <BulkActionDialog
          action={bulk.action}
          items={bulk.items}
          onFinished={() => void load(null)}
          onClose={(decided) => {
            setBulk(undefined);
            if (decided) setSelected(new Set());
          }}
        />
      ) : null}
      {error ? (
        <p className="app-error" role="alert">
          {error}
        </p>
      ) : null}
      {!loading && !error && items.length === 0 ? <p>{text.inboxEmpty}</p> : null}
      {items.length > 0 ? (
        <table className="app-table app-inbox">
          <thead>
            <tr>
              {selectable.length > 0 ? <th scope="col">{text.select}</th> : null}
              <th scope="col">{text.dossierCode}</th>
              <th scope="col">{text.household}</th>
              <th scope="col">{text.programme}</th>
              <th scope="col">{text.unit}</th>
              <th scope="col">{text.step}</th>
              <th scope="col">{text.dueDate}</th>
              <th scope="col">{text.timeliness}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr
                key={item.id}
                data-dossier-id={item.id}
                className={selected.has(item.id) ? 'app-row-selected' : undefined}
              >
                {selectable.length > 0 ? (
                  <td data-label={text.select} className="app-select-cell">
                    {(bulkByRow.get(item.id)?.length ?? 0) > 0 ? (
                      <input
                        type="checkbox"
                        aria-label={text.selectDossier(item.id)}
                        checked={selected.has(item.id)}
                        onChange={(e) => toggle(item.id, e.target.checked)}
                      />
                    ) : null}
                  </td>
                ) : null}
                <td data-label={text.dossierCode}>
                  <AppLink to={{ name: 'dossier', id: item.id }} navigate={navigate}>
                    {item.id}
                  </AppLink>
                </td>
                <td data-label={text.household}>{String(item.applicant?.headName ?? '') || '—'}</td>
                <td data-label={text.programme}>{programmeTitle(item)}</td>
                <td data-label={text.unit}>
                  <UnitName code={item.processingUnit} />
                </td>
                <td data-label={text.step}>
                  {stepTitle(item)}
                  {item.status === 'awaiting_supplement' ? (
                    <span className="app-tag"> {text.statuses.awaiting_supplement}</span>
                  ) : null}
                </td>
                <td data-label={text.dueDate}>{dueText(item, text)}</td>
                <td data-label={text.timeliness}>
                  <TimelinessBadge value={item.timeliness} text={text} />
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
    </main>
  );
}
