import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { LoanReportResponse, PlanList, SupportReportResponse, UnitItem, UnitList } from '../../../api-contract';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { AdminField } from '../admin/admin-field';
import { AdminTable } from '../admin/admin-table';
import { ApiProblems, type ApiFailure } from '../admin/api-problems';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { PeriodFields, readPeriod } from '../funds/period-fields';
import { shortVnd } from '../funds/fund-bars';
import { fundText } from '../funds/fund-text';
import { vietnamToday } from '../funds/report-period';
import { ReportBarChart } from '../reports/report-bar-chart';
import { ReportDownloads } from '../reports/report-downloads';
import { ReportFiguresTable } from '../reports/report-figures-table';
import { ReportLoans } from '../reports/report-loans';
import { ReportRaised } from '../reports/report-raised';
import { ReportTargets } from '../reports/report-targets';
import {
  campaignPeriodQuery,
  initialPeriodChoice,
  namedPeriodQuery,
  type CampaignPeriod,
  type ReportPeriodChoice,
} from '../reports/report-period-choice';
import { reportText } from '../reports/report-text';
import { useUnitName } from '../units/use-unit-name';

const LEVEL_ORDER = { province: 0, district: 1, commune: 2 } as const;
const COUNT_SERIES = ['proposed', 'approved', 'completed'] as const;

/**
 * "Báo cáo" (`/reports`): the support report of one of the caller's units (or a unit below it, chosen by name) for a
 * quarter, a half-year, a year or a range of days typed as dd/mm/yyyy — charts of dossiers by programme and by lower
 * unit and of money committed and paid by source, the tables of every breakdown, the targets of the unit's plans
 * against results, the Bank for Social Policies' loans disbursed and collected, and the Excel and PDF downloads
 * with their progress. Every figure is the server's (GET /api/reports/support); the API decides who may read what.
 */
export function ReportsPage() {
  const { api, lang, session } = useAppServices();
  const t = reportText(lang);
  const ft = fundText(lang);
  const unitName = useUnitName();
  const grantUnits = useMemo(() => [...new Set(session.user.grants.map((g) => g.unitCode))], [session]);
  const [units, setUnits] = useState<UnitItem[]>([]);
  const [unit, setUnit] = useState(grantUnits[0] ?? '');
  const [choice, setChoice] = useState<ReportPeriodChoice>(() => initialPeriodChoice(vietnamToday(new Date())));
  const [problems, setProblems] = useState<{ from?: string; to?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const [shown, setShown] = useState<{ report: SupportReportResponse; loans?: LoanReportResponse; query: string }>();

  useEffect(() => {
    void Promise.all(
      grantUnits.map((u) => api.get<UnitList>(`/api/units?all=true&under=${encodeURIComponent(u)}`)),
    ).then((answers) => {
      const all = new Map<string, UnitItem>();
      for (const a of answers) if (a.ok) for (const u of a.value.items) all.set(u.code, u);
      setUnits(
        [...all.values()].sort(
          (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, 'vi'),
        ),
      );
    });
  }, [api, grantUnits]);

  // The campaigns the caller's plans hold, offered as periods (a campaign's report at its end, seed 003).
  const [campaigns, setCampaigns] = useState<CampaignPeriod[]>([]);
  useEffect(() => {
    void api.get<PlanList>('/api/plans').then((answer) => {
      if (!answer.ok) return;
      setCampaigns(
        answer.value.items
          .filter((p) => p.kind === 'campaign')
          .map((p) => ({ id: p.id, title: p.title, unitCode: p.unitCode, from: p.from, to: p.to }))
          .sort((a, b) => b.from.localeCompare(a.from)),
      );
    });
  }, [api]);
  const campaign = campaigns.find((c) => c.id === choice.campaign) ?? campaigns[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let period = namedPeriodQuery(choice);
    if (choice.kind === 'campaign' && campaign) {
      setProblems({});
      period = campaignPeriodQuery(campaign);
    } else if (choice.kind === 'range') {
      const days = readPeriod({ from: choice.from, to: choice.to }, lang, ft);
      setProblems('problems' in days ? days.problems : {});
      if ('problems' in days) return;
      period = `from=${days.from}&to=${days.to}`;
    } else setProblems({});
    const query = `unit=${encodeURIComponent(unit)}&${period}`;
    setBusy(true);
    setFailure(undefined);
    const [answer, loans] = await Promise.all([
      api.get<SupportReportResponse>(`/api/reports/support?${query}`),
      api.get<LoanReportResponse>(`/api/reports/loans?${query}`),
    ]);
    setBusy(false);
    if (!answer.ok) return setFailure(answer);
    setShown({ report: answer.value, ...(loans.ok ? { loans: loans.value } : {}), query });
  };

  const years = Array.from({ length: 8 }, (_, i) => Number(vietnamToday(new Date()).slice(0, 4)) + 1 - i);
  const set = (change: Partial<ReportPeriodChoice>) => setChoice((c) => ({ ...c, ...change }));
  const report = shown?.report;
  const money = (v: number) => formatVnd(v, lang);
  const count = (v: number) => String(v);

  return (
    <main id="main" className="app-page reports-page">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <section className="app-card" aria-labelledby="report-form-title">
        <h2 id="report-form-title" className="sla-hidden-link">
          {t.show}
        </h2>
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t.title} className="report-form">
          <AdminField
            id="report-unit"
            label={t.unit}
            error={undefined}
            control={(a) => (
              <select {...a} value={unit} onChange={(e) => setUnit(e.target.value)}>
                {(units.length > 0 ? units.map((u) => u.code) : grantUnits).map((code) => (
                  <option key={code} value={code} title={code}>
                    {unitName(code)}
                  </option>
                ))}
              </select>
            )}
          />
          <div className="fund-period">
            <AdminField
              id="report-kind"
              label={t.periodKind}
              error={undefined}
              control={(a) => (
                <select
                  {...a}
                  value={choice.kind}
                  onChange={(e) => {
                    const kind = e.target.value as ReportPeriodChoice['kind'];
                    set({ kind, part: 1 });
                    // A campaign is reported for the unit whose campaign it is.
                    if (kind === 'campaign' && campaign) setUnit(campaign.unitCode);
                  }}
                >
                  {(
                    [
                      'quarter',
                      'half',
                      'year',
                      'range',
                      ...(campaigns.length > 0 ? ['campaign' as const] : []),
                    ] as const
                  ).map((k) => (
                    <option key={k} value={k}>
                      {t.kinds[k]}
                    </option>
                  ))}
                </select>
              )}
            />
            {choice.kind === 'campaign' && campaign ? (
              <AdminField
                id="report-campaign"
                label={t.campaign}
                error={undefined}
                control={(a) => (
                  <select
                    {...a}
                    value={campaign.id}
                    onChange={(e) => {
                      const chosen = campaigns.find((c) => c.id === e.target.value);
                      set({ campaign: e.target.value });
                      if (chosen) setUnit(chosen.unitCode);
                    }}
                  >
                    {campaigns.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.title} ({formatDmyDate(c.from)} – {formatDmyDate(c.to)})
                      </option>
                    ))}
                  </select>
                )}
              />
            ) : null}
            {choice.kind !== 'range' && choice.kind !== 'campaign' ? (
              <AdminField
                id="report-year"
                label={t.year}
                error={undefined}
                control={(a) => (
                  <select {...a} value={choice.year} onChange={(e) => set({ year: Number(e.target.value) })}>
                    {years.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                )}
              />
            ) : null}
            {choice.kind === 'quarter' || choice.kind === 'half' ? (
              <AdminField
                id="report-part"
                label={choice.kind === 'quarter' ? t.quarter : t.half}
                error={undefined}
                control={(a) => (
                  <select {...a} value={choice.part} onChange={(e) => set({ part: Number(e.target.value) })}>
                    {(choice.kind === 'quarter' ? t.quarters : t.halves).map((label, i) => (
                      <option key={label} value={i + 1}>
                        {label}
                      </option>
                    ))}
                  </select>
                )}
              />
            ) : null}
          </div>
          {choice.kind === 'range' ? (
            <PeriodFields
              id="report-range"
              period={{ from: choice.from, to: choice.to }}
              problems={problems}
              lang={lang}
              t={{ ...ft, periodFrom: t.from, periodTo: t.to }}
              onChange={(p) => set({ from: p.from, to: p.to })}
            />
          ) : null}
          <div className="app-actions">
            <button type="submit" className="app-button" disabled={busy}>
              {t.show}
            </button>
          </div>
        </form>
        <ApiProblems failure={failure} />
        {busy ? <BusyIndicator label={t.loading} /> : null}
      </section>

      {report && !busy ? (
        <section className="app-card report-result" aria-labelledby="report-title" data-testid="report-result">
          <h2 id="report-title">{t.reportOf(report.unit.name, report.period.title[lang])}</h2>
          <ReportDownloads
            query={shown.query}
            file={`bao-cao-ho-tro-${report.unit.code}-${report.from}-${report.to}`}
            t={t}
          />
          <ReportFiguresTable
            caption={t.totals}
            heading={t.name}
            rows={[]}
            totals={report.totals}
            lang={lang}
            t={t}
            totalsOnly
          />
          <div className="sla-grid report-charts">
            <ReportBarChart
              id="report-chart-programme"
              title={t.chartByProgramme}
              series={COUNT_SERIES.map((k) => ({ key: k, label: seriesLabel(k, lang), className: `report-${k}` }))}
              rows={report.byProgramme.map((r) => ({
                id: r.programme,
                name: r.label[lang],
                values: COUNT_SERIES.map((k) => r[k]),
              }))}
              format={count}
              tick={count}
              t={t}
            />
            <ReportBarChart
              id="report-chart-unit"
              title={t.chartByUnit}
              series={COUNT_SERIES.map((k) => ({ key: k, label: seriesLabel(k, lang), className: `report-${k}` }))}
              rows={report.byUnit.map((r) => ({ id: r.unitCode, name: r.name, values: COUNT_SERIES.map((k) => r[k]) }))}
              format={count}
              tick={count}
              t={t}
            />
            <ReportBarChart
              id="report-chart-source"
              title={t.chartBySource}
              series={[
                { key: 'committed', label: ft.committed, className: 'fund-committed' },
                { key: 'paid', label: ft.paid, className: 'fund-paid' },
              ]}
              rows={report.bySource.map((s) => ({ id: s.fundId, name: s.name, values: [s.committed, s.paid] }))}
              format={money}
              tick={(v) => shortVnd(v, lang)}
              t={t}
            />
          </div>
          <ReportFiguresTable
            caption={t.byProgramme}
            heading={t.programme}
            rows={report.byProgramme.map((r) => ({ key: r.programme, name: r.label[lang], figures: r }))}
            totals={report.totals}
            lang={lang}
            t={t}
          />
          <ReportFiguresTable
            caption={t.bySupportType}
            heading={t.supportType}
            rows={report.bySupportType.map((r) => ({
              key: `${r.programme}:${r.supportType ?? ''}`,
              name: r.label[lang],
              figures: r,
            }))}
            totals={report.totals}
            lang={lang}
            t={t}
          />
          <ReportFiguresTable
            caption={t.byUnit}
            heading={t.lowerUnit}
            rows={report.byUnit.map((r) => ({ key: r.unitCode, name: r.name, figures: r }))}
            totals={report.totals}
            lang={lang}
            t={t}
          />
          <SourceTable report={report} lang={lang} t={t} />
          <ReportTargets plans={report.plans} lang={lang} t={t} />
          <ReportRaised raised={report.raised} lang={lang} t={t} />
          <ReportLoans loans={shown.loans} query={shown.query} lang={lang} t={t} />
        </section>
      ) : null}
    </main>
  );
}

const SERIES_LABELS = {
  proposed: { vi: 'Đề xuất', en: 'Proposed' },
  approved: { vi: 'Được duyệt', en: 'Approved' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
} as const;
const seriesLabel = (key: (typeof COUNT_SERIES)[number], lang: 'vi' | 'en') => SERIES_LABELS[key][lang];

function SourceTable({
  report,
  lang,
  t,
}: {
  report: SupportReportResponse;
  lang: 'vi' | 'en';
  t: ReturnType<typeof reportText>;
}) {
  const columns = [t.source, t.sourceUnit, t.dossiers, fundText(lang).committed, fundText(lang).paid];
  return (
    <div className="report-table-wrap" role="region" aria-label={t.bySource} tabIndex={0}>
      <AdminTable caption={t.bySource} className="report-table" columns={columns} empty={undefined}>
        {report.bySource.map((s) => (
          <tr key={s.fundId} data-row={s.fundId}>
            <th scope="row" data-label={columns[0]}>
              {s.name}
            </th>
            <td data-label={columns[1]}>{s.unitName}</td>
            <td data-label={columns[2]}>{s.dossiers}</td>
            <td data-label={columns[3]}>{formatVnd(s.committed, lang)}</td>
            <td data-label={columns[4]}>{formatVnd(s.paid, lang)}</td>
          </tr>
        ))}
        <tr className="fund-total-row" data-total>
          <th scope="row" data-label={columns[0]}>
            {t.total}
          </th>
          <td data-label={columns[1]} />
          <td data-label={columns[2]} />
          <td data-label={columns[3]}>{formatVnd(report.totals.committed, lang)}</td>
          <td data-label={columns[4]}>{formatVnd(report.totals.paid, lang)}</td>
        </tr>
      </AdminTable>
    </div>
  );
}
