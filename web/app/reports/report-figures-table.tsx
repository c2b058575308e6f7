import type { SupportReportResponse } from '../../../api-contract';
import { formatVnd } from '../../../domain/funds/format-vnd';
import {
  formatRate,
  SUPPORT_FIGURE_COLUMNS,
  type SupportFigureColumn,
} from '../../../domain/reports/support-figure-columns';
import type { Lang } from '../../shared/i18n/lang';
import { AdminTable } from '../admin/admin-table';
import type { ReportText } from './report-text';

type Figures = SupportReportResponse['totals'];
/** A column of a figures table: SUPPORT_FIGURE_COLUMNS' shape, for any report's figures (the loans'). */
type FigureColumn = Omit<SupportFigureColumn, 'key'> & { key: string };

const cell = (figures: object, c: FigureColumn, lang: Lang) => {
  const value = (figures as Record<string, number | null | undefined>)[c.key] ?? null;
  if (c.kind === 'rate') return formatRate(value, lang);
  return c.kind === 'money' ? formatVnd(value ?? 0, lang) : String(value ?? 0);
};

/**
 * One breakdown of the report as a table: a row per group (its name heading the row), every figure of `columns`
 * (SUPPORT_FIGURE_COLUMNS unless given), then the report's totals. Every figure is the server's; nothing is added up
 * here.
 */
export function ReportFiguresTable<F extends object = Figures>({
  caption,
  heading,
  rows,
  totals,
  lang,
  t,
  totalsOnly = false,
  columns = SUPPORT_FIGURE_COLUMNS,
}: {
  caption: string;
  heading: string;
  rows: readonly { key: string; name: string; figures: F }[];
  totals: F;
  columns?: readonly FigureColumn[];
  lang: Lang;
  t: ReportText;
  /** The totals alone (the report's summary): no rows, and no "nothing in this period" in their place. */
  totalsOnly?: boolean;
}) {
  const line = (name: string, figures: F) => (
    <>
      <th scope="row" data-label={heading}>
        {name}
      </th>
      {columns.map((c) => (
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
        columns={[heading, ...columns.map((c) => c.label[lang])]}
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
