import type { LoanReportResponse } from '../../../api-contract';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { LOAN_FIGURE_COLUMNS } from '../../../domain/loans/loan-figure-columns';
import type { Lang } from '../../shared/i18n/lang';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { shortVnd } from '../funds/fund-bars';
import { ReportBarChart } from './report-bar-chart';
import { ReportDownloads } from './report-downloads';
import { ReportFiguresTable } from './report-figures-table';
import type { ReportText } from './report-text';

/**
 * "Kết quả cho vay – thu nợ": the Bank for Social Policies' loans under the unit in the period (GET
 * /api/reports/loans), with the day the report is due (5 January / 5 July for the halves, seed 004), its Excel
 * workbook and PDF (Decree 30 layout), a chart of the outstanding and the principal collected per lower unit, and
 * the tables by purpose and by lower unit. Shown only when the unit has a loan in the period; every figure is the
 * server's.
 */
export function ReportLoans({
  loans,
  query,
  lang,
  t,
}: {
  loans: LoanReportResponse | undefined;
  query: string;
  lang: Lang;
  t: ReportText;
}) {
  if (!loans || loans.rows.length === 0) return null;
  return (
    <section className="report-raised" aria-labelledby="report-loans-title" data-testid="report-loans">
      <h3 id="report-loans-title">{t.loansTitle}</h3>
      {/* The due day is seed 004's rule for the half-yearly report (5 July, 5 January); no other period has one. */}
      {loans.period.kind === 'half' ? <p>{t.loansDue(formatDmyDate(loans.dueOn) ?? loans.dueOn)}</p> : null}
      <ReportDownloads
        query={query}
        report="loans"
        documents={['xlsx', 'pdf']}
        file={`bao-cao-cho-vay-thu-no-${loans.unit.code}-${loans.from}-${loans.to}`}
        t={t}
      />
      <ReportBarChart
        id="report-chart-loans"
        title={t.loansChart}
        series={[
          { key: 'outstanding', label: t.loansOutstanding, className: 'fund-committed' },
          { key: 'principalCollected', label: t.loansCollected, className: 'fund-paid' },
        ]}
        rows={loans.byUnit.map((u) => ({
          id: u.unit.code,
          name: u.unit.name,
          values: [u.outstanding, u.principalCollected],
        }))}
        format={(v) => formatVnd(v, lang)}
        tick={(v) => shortVnd(v, lang)}
        t={t}
      />
      <ReportFiguresTable
        columns={LOAN_FIGURE_COLUMNS}
        caption={t.loansByPurpose}
        heading={t.loanPurpose}
        rows={loans.byPurpose.map((p) => ({ key: p.purpose ?? '', name: p.label[lang], figures: p }))}
        totals={loans.totals}
        lang={lang}
        t={t}
      />
      <ReportFiguresTable
        columns={LOAN_FIGURE_COLUMNS}
        caption={t.loansByUnit}
        heading={t.lowerUnit}
        rows={loans.byUnit.map((u) => ({ key: u.unit.code, name: u.unit.name, figures: u }))}
        totals={loans.totals}
        lang={lang}
        t={t}
      />
    </section>
  );
}
