import { useEffect, useMemo, useState } from 'react';
import type { ProcessList, ProcessSummary, SlaSummary, UnitItem as UnitRow, UnitList } from '../../../api-contract';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { formatDateTime } from '../format/format-date-time';
import { slaText } from '../i18n/sla-text';
import type { SlaRouteFilters } from '../routing/app-route';
import { lastMonths, type MonthPeriod } from '../sla/month-periods';
import { OnTimeRateChart } from '../sla/on-time-rate-chart';
import { onTimeRateOf } from '../sla/on-time-rate';
import { PendingByUnitChart } from '../sla/pending-by-unit-chart';
import { SlaPendingList } from '../sla/sla-pending-list';
import { stackPendingByUnit } from '../sla/stack-pending';
import { useUnitName } from '../units/use-unit-name';

const MONTHS = 6;

/**
 * The SLA dashboard for supervisors (`/sla`): what waits in which unit, stacked by timeliness, and the on-time
 * rate of the last six months, for all the caller's units or one of them, for all programmes or one. The API
 * limits both to the caller's units. A segment of the chart (or its number in the table) opens the list of those
 * dossiers; the filters and the open list are in the address, so "back" from a dossier comes back to them.
 * The on-time rate comes from one GET /api/sla/summary over the six months (`finished.byMonth`).
 */
export function SlaDashboardPage({ filters }: { filters: SlaRouteFilters }) {
  const { api, text, lang, session, navigate } = useAppServices();
  const sla = slaText(lang);
  const [units, setUnits] = useState<Map<string, UnitRow>>(new Map());
  const [processes, setProcesses] = useState<ProcessSummary[]>([]);
  const [summary, setSummary] = useState<SlaSummary | undefined>();
  const [months, setMonths] = useState<
    { period: MonthPeriod; finished: SlaSummary['finished']['byMonth'] }[] | undefined
  >();
  const [error, setError] = useState<string | undefined>();
  const [reload, setReload] = useState(0);
  const grantUnits = useMemo(() => [...new Set(session.user.grants.map((g) => g.unitCode))], [session]);

  useEffect(() => {
    void api.get<ProcessList>('/api/processes').then((r) => r.ok && setProcesses(r.value.items));
    void Promise.all(
      grantUnits.map((u) => api.get<UnitList>(`/api/units?all=true&under=${encodeURIComponent(u)}`)),
    ).then((answers) => {
      const all = new Map<string, UnitRow>();
      for (const a of answers) if (a.ok) for (const u of a.value.items) all.set(u.code, u);
      setUnits(all);
    });
  }, [api, grantUnits]);

  const scope = filters.unit ? `unit=${encodeURIComponent(filters.unit)}` : '';
  useEffect(() => {
    let live = true;
    setSummary(undefined);
    setMonths(undefined);
    void api.get<SlaSummary>(`/api/sla/summary?${scope}`).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.status === 'network' ? text.networkError : r.message);
      setError(undefined);
      setSummary(r.value);
    });
    const periods = lastMonths(new Date(), MONTHS);
    const first = periods[0]!;
    const last = periods[periods.length - 1]!;
    void api
      .get<SlaSummary>(
        `/api/sla/summary?${scope}&from=${encodeURIComponent(first.from)}&to=${encodeURIComponent(last.to)}`,
      )
      .then((r) => {
        if (!live) return;
        if (!r.ok) return setError(r.status === 'network' ? text.networkError : r.message);
        setMonths(
          periods.map((p) => ({ period: p, finished: r.value.finished.byMonth.filter((b) => b.month === p.month) })),
        );
      });
    return () => {
      live = false;
    };
  }, [api, text, scope, reload]);

  const programmes = useMemo(() => [...new Set(processes.map((p) => p.programme))], [processes]);
  // Names of every unit, past and present (a dossier may wait in a unit outside the caller's subtree).
  const unitName = useUnitName();
  const bars = useMemo(
    () => (summary ? stackPendingByUnit(summary.pending, filters.programme) : []),
    [summary, filters.programme],
  );
  const processKeys = useMemo(
    () =>
      filters.programme
        ? new Set(processes.filter((p) => p.programme === filters.programme).map((p) => p.key))
        : undefined,
    [processes, filters.programme],
  );
  const rates = useMemo(
    () => months?.map((m) => ({ period: m.period, rate: onTimeRateOf(m.finished, processKeys) })),
    [months, processKeys],
  );
  const go = (next: SlaRouteFilters) => navigate({ name: 'sla', filters: next });
  const unitOptions = [...units.values()].sort((a, b) => a.code.localeCompare(b.code));

  return (
    <main id="main" className="app-page sla-page">
      <h1>{sla.title}</h1>
      <p className="app-muted">{sla.intro}</p>
      <form className="app-filters" aria-label={sla.filters} onSubmit={(e) => e.preventDefault()}>
        <div className="app-field">
          <label htmlFor="sla-programme">{text.programme}</label>
          <select
            id="sla-programme"
            value={filters.programme ?? ''}
            onChange={(e) =>
              go({ ...filters, programme: e.target.value || undefined, list: undefined, timeliness: undefined })
            }
          >
            <option value="">{text.all}</option>
            {programmes.map((p) => (
              <option key={p} value={p}>
                {text.programmes[p] ?? p}
              </option>
            ))}
          </select>
        </div>
        <div className="app-field">
          <label htmlFor="sla-unit">{sla.unitFilter}</label>
          <select
            id="sla-unit"
            value={filters.unit ?? ''}
            onChange={(e) =>
              go({ ...filters, unit: e.target.value || undefined, list: undefined, timeliness: undefined })
            }
          >
            <option value="">{sla.allUnits}</option>
            {unitOptions.map((u) => (
              <option key={u.code} value={u.code}>
                {(lang === 'en' && u.nameEn) || u.name} ({u.code})
              </option>
            ))}
          </select>
        </div>
      </form>
      {summary ? (
        <p className="app-muted" data-testid="sla-counts-at">
          {sla.countsAt(formatDateTime(summary.at))}{' '}
          <button type="button" className="app-link-button" onClick={() => setReload((n) => n + 1)}>
            {sla.refresh}
          </button>
        </p>
      ) : null}
      {error ? (
        <p className="app-error" role="alert">
          {error}
        </p>
      ) : null}
      {filters.list && filters.timeliness ? (
        <SlaPendingList
          key={`${filters.list}:${filters.timeliness}:${filters.programme ?? ''}:${reload}`}
          unit={filters.list}
          timeliness={filters.timeliness}
          programme={filters.programme}
          unitName={unitName}
          sla={sla}
          onClose={() => go({ ...filters, list: undefined, timeliness: undefined })}
        />
      ) : null}
      <div className="sla-grid">
        <section className="app-card" data-testid="sla-pending-section" data-scope={summary?.units.join(',')}>
          {summary ? (
            <PendingByUnitChart
              bars={bars}
              unitName={unitName}
              text={text}
              sla={sla}
              onSelect={(unit, timeliness) => go({ ...filters, list: unit, timeliness })}
            />
          ) : (
            <BusyIndicator label={text.loading} />
          )}
        </section>
        <section className="app-card" data-testid="sla-ontime-section">
          {rates ? <OnTimeRateChart months={rates} sla={sla} /> : <BusyIndicator label={text.loading} />}
        </section>
      </div>
    </main>
  );
}
