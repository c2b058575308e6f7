import type { Lang } from '../../shared/i18n/lang';
import { formatVnd } from '../format/format-vnd';
import { countScale } from '../sla/chart-scale';
import { FUND_PARTS, shortVnd, type FundBar, type FundPart } from './fund-bars';
import type { FundText } from './fund-text';

/**
 * Narrow on purpose: the SVG scales to the width it is given, so a small viewBox keeps its 14-pixel text about that
 * size on a phone (the stylesheet caps its width on a desktop). The fund's name sits above its bar, not beside it,
 * so a long Vietnamese name does not squeeze the bar.
 */
const WIDTH = 360;
const PAD = 8;
const NAME = 20;
const BAR = 22;
const ROW = NAME + BAR + 14;
const AXIS = 22;

export const partClass = (part: FundPart) => `fund-${part}`;

/**
 * Committed, paid and available per fund as horizontal stacked bars (the SLA dashboard's way: hand-written SVG, the
 * colours from CSS classes, never the meaning by colour alone). The legend names each colour with its total; each
 * segment has its amount in its accessible name and tooltip; the exact figures are in the funds table beside it.
 */
export function FundChart({ bars, lang, t }: { bars: FundBar[]; lang: Lang; t: FundText }) {
  const plot = WIDTH - 2 * PAD;
  const x = countScale(Math.max(0, ...bars.map((b) => b.total)), plot, 3);
  const height = AXIS + bars.length * ROW;
  const totals = Object.fromEntries(
    FUND_PARTS.map((p) => [p, bars.reduce((sum, b) => sum + b.segments.find((s) => s.part === p)!.amount, 0)]),
  ) as Record<FundPart, number>;
  return (
    <figure className="sla-figure fund-figure" aria-labelledby="fund-chart-title">
      <h2 id="fund-chart-title">{t.chartTitle}</h2>
      <ul className="sla-legend" aria-label={t.chartTitle}>
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
        aria-labelledby="fund-chart-svg-title"
        aria-describedby="fund-chart-svg-desc"
        data-testid="fund-chart"
      >
        <title id="fund-chart-svg-title">{t.chartTitle}</title>
        <desc id="fund-chart-svg-desc">{t.chartDesc(bars.length)}</desc>
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
          const top = AXIS + i * ROW + 6;
          return (
            <g key={bar.id} data-fund={bar.id}>
              <text className="fund-name-label" x={PAD} y={top + NAME / 2} dominantBaseline="central">
                {bar.name.length > 44 ? `${bar.name.slice(0, 43)}…` : bar.name}
              </text>
              {bar.segments
                .filter((s) => s.amount > 0)
                .map((s) => {
                  const label = t.segmentLabel(bar.name, t[s.part].toLowerCase(), formatVnd(s.amount, lang));
                  return (
                    <g key={s.part} className={`fund-segment ${partClass(s.part)}`} data-part={s.part}>
                      <title>{label}</title>
                      <rect x={PAD + x(s.start)} y={top + NAME} width={x(s.end) - x(s.start)} height={BAR} />
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
