import { countScale } from '../sla/chart-scale';
import { wrapLabel } from '../funds/wrap-label';
import type { ReportText } from './report-text';

/** One series of bars: its CSS class (the colour, from the stylesheet) and its name in the legend. */
export interface ReportSeries {
  key: string;
  label: string;
  className: string;
}

const WIDTH = 360;
const PAD = 8;
const LINE = 18;
const BAR = 14;
const GAP = 14;
const AXIS = 22;
const LABEL_CHARS = 38;

/**
 * Grouped horizontal bars, one group per row (a programme, a unit, a fund) and one bar per series (proposed,
 * approved, …; committed, paid): the funds chart's way — hand-written SVG, narrow so its text stays readable on a
 * phone, colours from CSS classes, every bar's value in its tooltip and accessible name, the legend naming each
 * colour. The exact figures are in the table that follows it.
 */
export function ReportBarChart({
  id,
  title,
  series,
  rows,
  format,
  tick,
  t,
}: {
  id: string;
  title: string;
  series: readonly ReportSeries[];
  rows: readonly { id: string; name: string; values: readonly number[] }[];
  format(value: number): string;
  tick(value: number): string;
  t: ReportText;
}) {
  const plot = WIDTH - 2 * PAD;
  const x = countScale(Math.max(0, ...rows.flatMap((r) => r.values)), plot, 3);
  const labels = rows.map((r) => wrapLabel(r.name, LABEL_CHARS, 2));
  const tops: number[] = [];
  let height = AXIS;
  for (const lines of labels) {
    tops.push(height + 6);
    height += lines.length * LINE + series.length * BAR + GAP;
  }
  return (
    <figure className="sla-figure report-figure" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <ul className="sla-legend" aria-label={title}>
        {series.map((s) => (
          <li key={s.key}>
            <span className={`sla-swatch ${s.className}`} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        className="sla-chart report-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={`${id}-svg-desc`}
        data-testid={id}
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-svg-desc`}>{t.chartDesc(rows.length)}</desc>
        <g aria-hidden="true" className="sla-axis">
          {x.ticks.map((value, i) => (
            <g key={value} transform={`translate(${PAD + x(value)},0)`}>
              <line y1={AXIS - 4} y2={height} />
              <text y={AXIS - 8} textAnchor={i === 0 ? 'start' : i === x.ticks.length - 1 ? 'end' : 'middle'}>
                {tick(value)}
              </text>
            </g>
          ))}
        </g>
        {rows.map((row, i) => {
          const lines = labels[i]!;
          const top = tops[i]!;
          const barsTop = top + lines.length * LINE;
          return (
            <g key={row.id} data-row={row.id}>
              <text className="report-row-label" x={PAD} y={top + LINE / 2} dominantBaseline="central">
                <title>{row.name}</title>
                {lines.map((line, n) => (
                  <tspan key={n} x={PAD} dy={n === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
              {series.map((s, k) => {
                const value = row.values[k] ?? 0;
                const label = t.barLabel(row.name, s.label.toLowerCase(), format(value));
                return (
                  <g key={s.key} className={s.className} data-series={s.key}>
                    <title>{label}</title>
                    <rect x={PAD} y={barsTop + k * BAR} width={Math.max(0, x(value))} height={BAR - 2} />
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
