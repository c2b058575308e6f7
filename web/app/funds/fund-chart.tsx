import type { Lang } from '../../shared/i18n/lang';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { countScale } from '../sla/chart-scale';
import { FUND_PARTS, shortVnd, type FundBar, type FundPart } from './fund-bars';
import type { FundText } from './fund-text';
import { wrapLabel } from './wrap-label';

/**
 * Narrow on purpose: the SVG scales to the width it is given, so a small viewBox keeps its 14-pixel text about that
 * size on a phone (the stylesheet caps its width on a desktop). The fund's name sits above its bar, not beside it,
 * so a long Vietnamese name does not squeeze the bar.
 */
const WIDTH = 360;
const PAD = 8;
const LINE = 18;
const BAR = 22;
const GAP = 14;
const AXIS = 22;
/** About the characters of 14-pixel text that fit the plot's width; a longer name wraps to a second line. */
const LABEL_CHARS = 38;

export const partClass = (part: FundPart) => `fund-${part}`;

/**
 * Committed, paid and available per fund as horizontal stacked bars (the SLA dashboard's way: hand-written SVG, the
 * colours from CSS classes, never the meaning by colour alone). The legend names each colour with its total; each
 * segment has its amount in its accessible name and tooltip; the exact figures are in the funds table beside it.
 */
export function FundChart({
  id = 'fund-chart',
  title,
  bars,
  lang,
  t,
}: {
  /** The figure's id (its title's and description's ids derive from it); also its test id. */
  id?: string;
  title?: string;
  bars: FundBar[];
  lang: Lang;
  t: FundText;
}) {
  const heading = title ?? t.chartTitle;
  const plot = WIDTH - 2 * PAD;
  const x = countScale(Math.max(0, ...bars.map((b) => b.total)), plot, 3);
  // Each name takes one or two lines above its bar; the rows are stacked from the axis down.
  const labels = bars.map((b) => wrapLabel(b.name, LABEL_CHARS, 2));
  const tops: number[] = [];
  let height = AXIS;
  for (const lines of labels) {
    tops.push(height + 6);
    height += lines.length * LINE + BAR + GAP;
  }
  const totals = Object.fromEntries(
    FUND_PARTS.map((p) => [p, bars.reduce((sum, b) => sum + b.segments.find((s) => s.part === p)!.amount, 0)]),
  ) as Record<FundPart, number>;
  return (
    <figure className="sla-figure fund-figure" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{heading}</h2>
      <ul className="sla-legend" aria-label={heading}>
        {FUND_PARTS.map((p) => (
          <li key={p}>
            <span className={`sla-swatch ${partClass(p)}`} aria-hidden="true" />
            {t[p]}: <strong>{formatVnd(totals[p], lang)}</strong>
          </li>
        ))}
      </ul>
      <svg
        className="sla-chart fund-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={`${id}-svg-desc`}
        data-testid={id}
      >
        <title id={`${id}-svg-title`}>{heading}</title>
        <desc id={`${id}-svg-desc`}>{t.chartDesc(bars.length)}</desc>
        <g aria-hidden="true" className="sla-axis">
          {x.ticks.map((tick, i) => (
            <g key={tick} transform={`translate(${PAD + x(tick)},0)`}>
              <line y1={AXIS - 4} y2={height} />
              <text y={AXIS - 8} textAnchor={i === 0 ? 'start' : i === x.ticks.length - 1 ? 'end' : 'middle'}>
                {shortVnd(tick, lang)}
              </text>
            </g>
          ))}
        </g>
        {bars.map((bar, i) => {
          const lines = labels[i]!;
          const top = tops[i]!;
          const barTop = top + lines.length * LINE;
          return (
            <g key={bar.id} data-fund={bar.id}>
              <text className="fund-name-label" x={PAD} y={top + LINE / 2} dominantBaseline="central">
                <title>{bar.name}</title>
                {lines.map((line, n) => (
                  <tspan key={n} x={PAD} dy={n === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
              {bar.segments
                .filter((s) => s.amount > 0)
                .map((s) => {
                  const label = t.segmentLabel(bar.name, t[s.part].toLowerCase(), formatVnd(s.amount, lang));
                  return (
                    <g key={s.part} className={`fund-segment ${partClass(s.part)}`} data-part={s.part}>
                      <title>{label}</title>
                      <rect x={PAD + x(s.start)} y={barTop} width={x(s.end) - x(s.start)} height={BAR} />
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
