import type { SupportReportResponse } from '../../../api-contract';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { formatRate, SUPPORT_FIGURE_COLUMNS } from '../../../domain/reports/support-figure-columns';
import type { Lang } from '../../shared/i18n/lang';
import { AdminTable } from '../admin/admin-table';
import type { ReportText } from './report-text';

type Figures = SupportReportResponse['totals'];

const cell = (figures: Figures, c: (typeof SUPPORT_FIGURE_COLUMNS)[number], lang: Lang) => {
  const value = figures[c.key];
  if (c.kind === 'rate') return formatRate(value, lang);
  return c.kind === 'money' ? formatVnd(value ?? 0, lang) : String(value ?? 0);
};

/**
 * One breakdown of the report as a table: a row per group (its name heading the row), every figure of
 * SUPPORT_FIGURE_COLUMNS, then the report's totals. Every figure is the server's; nothing is added up here.
 */
export function ReportFiguresTable({
  caption,
  heading,
  rows,
  totals,
  lang,
  t,
  totalsOnly = false,
}: {
  caption: string;
  heading: string;
  rows: readonly { key: string; name: string; figures: Figures }[];
  totals: Figures;
  lang: Lang;
  t: ReportText;
  /** The totals alone (the report's summary): no rows, and no "nothing in this period" in their place. */
  totalsOnly?: boolean;
}) {
  const line = (name: string, figures: Figures) => (
    <>
      <th scope="row" data-label={heading}>
        {name}
      </th>
      {SUPPORT_FIGURE_COLUMNS.map((c) => (
        <td key={c.key} data-label={c.label[lang]} data-figure={c.key}>
          {cell(figures, c, lang)}
        </td>
      ))}
    </>
  );
  return (
    <div className="report-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <AdminTable
        caption={caption}
        className="report-table"
        columns={[heading, ...SUPPORT_FIGURE_COLUMNS.map((c) => c.label[lang])]}
        empty={rows.length === 0 && !totalsOnly ? t.empty : undefined}
      >
        {rows.map((r) => (
          <tr key={r.key} data-row={r.key}>
            {line(r.name, r.figures)}
          </tr>
        ))}
        <tr className="fund-total-row" data-total>
          {line(t.total, totals)}
        </tr>
      </AdminTable>
    </div>
  );
}
