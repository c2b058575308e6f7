import type { FundSummary, FundSummaryFigures } from '../../api-contract';
import { FUND_KIND_LABELS } from '../../domain/funds/fund-kind-labels';

const COLUMNS = ['Đầu kỳ (còn)', 'Nhận', 'Cam kết', 'Hoàn cam kết', 'Chi', 'Hoàn chi', 'Cuối kỳ (còn)'] as const;

/** Whole đồng with dots between thousands, as printed in Việt Nam (no ₫ sign: the header says đồng). */
const dong = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const cells = (f: FundSummaryFigures) =>
  [f.opening.available, f.received, f.committed, f.released, f.paid, f.reversed, f.closing.available].map(dong);

/**
 * A fund summary as a plain-text table for a terminal: one line per fund, then the totals per fund kind, per unit
 * and overall, in đồng, with the available balance at both ends of the period. Column widths fit the widest cell.
 */
export function fundSummaryTable(summary: FundSummary): string {
  const rows: string[][] = [['', ...COLUMNS]];
  const rule = () => rows.push([]);
  for (const f of summary.funds) rows.push([`${f.unitCode} · ${f.name}`, ...cells(f.figures)]);
  rule();
  for (const g of summary.byKind) rows.push([`${FUND_KIND_LABELS[g.kind].vi} (${g.funds})`, ...cells(g.figures)]);
  rule();
  for (const g of summary.byUnit) rows.push([`${g.unitCode} ${g.name} (${g.funds})`, ...cells(g.figures)]);
  rule();
  rows.push(['Tổng cộng', ...cells(summary.total)]);

  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const separator = widths.map((w) => '-'.repeat(w)).join('  ');
  const title = `Tổng hợp nguồn kinh phí ${summary.unit}${summary.includeBelow ? ' và các đơn vị trực thuộc' : ''}, ${summary.from} – ${summary.to} (đồng)`;
  return [title, ...rows.map((r) => (r.length === 0 ? separator : line(r)))].join('\n');
}
