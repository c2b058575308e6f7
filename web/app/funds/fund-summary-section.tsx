import { useState, type FormEvent } from 'react';
import type { FundSummary, FundSummaryFigures } from '../../../api-contract';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { AdminField } from '../admin/admin-field';
import { AdminTable } from '../admin/admin-table';
import { ApiProblems, type ApiFailure } from '../admin/api-problems';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { AdminUnitSelect } from '../units/admin-unit-select';
import { useUnitName } from '../units/use-unit-name';
import { fundBars } from './fund-bars';
import { FundChart } from './fund-chart';
import type { FundText } from './fund-text';
import { PeriodFields, readPeriod, type PeriodText } from './period-fields';
import { PERIOD_PRESETS, presetPeriod, vietnamToday, type PeriodPreset } from './report-period';

/** The columns of both tables: the available balance at each end and the period's flows between them. */
const FIGURES = ['opening', 'received', 'committed', 'released', 'paid', 'closing'] as const;
type Figure = (typeof FIGURES)[number];
const figure = (f: FundSummaryFigures, which: Figure) =>
  which === 'opening' || which === 'closing' ? f[which].available : f[which];

const typed = (preset: PeriodPreset): PeriodText => {
  const days = presetPeriod(preset, vietnamToday(new Date()));
  return { from: formatDmyDate(days.from)!, to: formatDmyDate(days.to)! };
};

/** One table of the summary: a row per kind (or unit), then the total. */
function SummaryTable({
  caption,
  heading,
  rows,
  summary,
  attribute,
  t,
}: {
  caption: string;
  heading: string;
  rows: { key: string; name: string; funds: number; figures: FundSummaryFigures }[];
  summary: FundSummary;
  attribute: 'data-kind' | 'data-unit';
  t: FundText;
}) {
  const { lang } = useAppServices();
  const row = (name: string, funds: number, figures: FundSummaryFigures) => (
    <>
      <th scope="row" data-label={heading}>
        {name}
      </th>
      <td data-label={t.fundCount}>{funds}</td>
      {FIGURES.map((which) => (
        <td key={which} data-label={t.figures[which]} data-figure={which}>
          {formatVnd(figure(figures, which), lang)}
        </td>
      ))}
    </>
  );
  return (
    <AdminTable
      caption={caption}
      className="fund-summary-table"
      columns={[heading, t.fundCount, ...FIGURES.map((f) => t.figures[f])]}
      empty={rows.length === 0 ? t.summaryEmpty : undefined}
    >
      {rows.map((r) => (
        <tr key={r.key} {...{ [attribute]: r.key }}>
          {row(r.name, r.funds, r.figures)}
        </tr>
      ))}
      <tr className="fund-total-row" data-total>
        {row(t.summaryTotal, summary.funds.length, summary.total)}
      </tr>
    </AdminTable>
  );
}

/**
 * "Tổng hợp": what the funds of a unit (and, if asked, of the units below it) received, committed, released and paid
 * in a period, per fund kind and per unit, with a chart of each kind's closing balance. Every figure is the
 * server's (GET /api/funds/summary), which adds up the ledger; nothing is summed here.
 */
export function FundSummarySection({ root, t }: { root: string; t: FundText }) {
  const { api, lang } = useAppServices();
  const unitName = useUnitName();
  const [unit, setUnit] = useState(root);
  const [preset, setPreset] = useState<PeriodPreset | 'custom'>('quarter');
  const [period, setPeriod] = useState<PeriodText>(() => typed('quarter'));
  const [below, setBelow] = useState(true);
  const [problems, setProblems] = useState<{ from?: string; to?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const [summary, setSummary] = useState<FundSummary>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const days = readPeriod(period, lang, t);
    setProblems('problems' in days ? days.problems : {});
    if ('problems' in days) return;
    setBusy(true);
    setFailure(undefined);
    const query = `unit=${encodeURIComponent(unit)}&from=${days.from}&to=${days.to}&includeBelow=${below}`;
    const answer = await api.get<FundSummary>(`/api/funds/summary?${query}`);
    setBusy(false);
    if (!answer.ok) return setFailure(answer);
    setSummary(answer.value);
  };

  return (
    <section className="app-card fund-summary" aria-labelledby="fund-summary-title" data-testid="fund-summary">
      <h2 id="fund-summary-title">{t.summaryTitle}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t.summaryTitle}>
        <AdminUnitSelect
          id="fund-summary-unit"
          label={t.summaryUnit}
          root={root}
          value={unit}
          onChange={setUnit}
          retired={t.retiredUnit}
        />
        <AdminField
          id="fund-summary-preset"
          label={t.summaryPeriod}
          error={undefined}
          control={(a) => (
            <select
              {...a}
              value={preset}
              onChange={(e) => {
                const chosen = e.target.value as PeriodPreset | 'custom';
                setPreset(chosen);
                if (chosen !== 'custom') setPeriod(typed(chosen));
              }}
            >
              {PERIOD_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {t.presets[p]}
                </option>
              ))}
              <option value="custom">{t.presets.custom}</option>
            </select>
          )}
        />
        <PeriodFields
          id="fund-summary"
          period={period}
          problems={problems}
          lang={lang}
          t={t}
          onChange={(p) => {
            setPeriod(p);
            setPreset('custom');
          }}
        />
        <div className="app-check fund-summary-below">
          <input id="fund-summary-below" type="checkbox" checked={below} onChange={(e) => setBelow(e.target.checked)} />
          <label htmlFor="fund-summary-below">{t.summaryBelow}</label>
        </div>
        <div className="app-actions">
          <button type="submit" className="app-button" disabled={busy}>
            {t.summaryShow}
          </button>
        </div>
      </form>
      <ApiProblems failure={failure} />
      {busy ? <BusyIndicator label={t.summaryLoading} /> : null}
      {summary && !busy ? (
        <div className="fund-summary-result" data-testid="fund-summary-result">
          <p className="app-muted">
            {t.summaryOf(
              unitName(summary.unit),
              formatDmyDate(summary.from)!,
              formatDmyDate(summary.to)!,
              summary.includeBelow,
            )}
          </p>
          <SummaryTable
            caption={t.byKindCaption}
            heading={t.kind}
            rows={summary.byKind.map((k) => ({ key: k.kind, name: k.label[lang], funds: k.funds, figures: k.figures }))}
            summary={summary}
            attribute="data-kind"
            t={t}
          />
          <SummaryTable
            caption={t.byUnitCaption}
            heading={t.unit}
            rows={summary.byUnit.map((u) => ({
              key: u.unitCode,
              name: unitName(u.unitCode),
              funds: u.funds,
              figures: u.figures,
            }))}
            summary={summary}
            attribute="data-unit"
            t={t}
          />
          {summary.byKind.length > 0 ? (
            <FundChart
              id="fund-summary-chart"
              title={t.summaryChartTitle}
              bars={fundBars(
                summary.byKind.map((k) => ({ _id: k.kind, name: k.label[lang], balance: k.figures.closing })),
              )}
              lang={lang}
              t={t}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
