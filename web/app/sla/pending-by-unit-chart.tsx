import { useRef, type KeyboardEvent } from 'react';
import { useElementWidth } from '../components/use-element-width';
import type { AppText } from '../i18n/app-text';
import type { SlaText } from '../i18n/sla-text';
import { countScale } from './chart-scale';
import type { OpenTimeliness } from '../../../domain/sla/timeliness';
import { STACK_ORDER, stackTotals, type StackedBar } from './stack-pending';

/** The drawing's width before the figure is measured; it is then drawn at the figure's own width. */
const WIDTH = 760;
const LABEL_WIDTH = 230;
/** Narrower than this (a phone), each unit's name sits above its bar instead of beside it. */
const NARROW = 560;
/** The height of a name line above its bar. */
const LINE = 18;
const TOTAL_WIDTH = 50;
const ROW = 34;
const BAR = 22;
const AXIS = 26;
/** A segment narrower than this shows its count only in the table and its accessible name. */
const MIN_LABEL_WIDTH = 20;

export const timelinessClass = (t: OpenTimeliness) => `sla-${t.replace('_', '-')}`;

/**
 * Waiting dossiers per processing unit as horizontal bars stacked by timeliness, in hand-written SVG (no chart
 * library: the app's CSP allows no inline style attributes set as strings). Colours come from CSS classes and
 * never carry the meaning alone: each segment shows its count, the legend names each colour, every segment is a
 * focusable button with a full accessible name (Enter or Space opens the list, as a click does), and the same
 * figures are in a data table below, whose numbers are buttons too. Drawn at the figure's width, so its text keeps
 * the stylesheet's size on a phone, where each unit's name moves above its bar.
 */
export function PendingByUnitChart(props: {
  bars: StackedBar[];
  unitName(code: string): string;
  text: AppText;
  sla: SlaText;
  onSelect(unit: string, timeliness: OpenTimeliness): void;
}) {
  const { bars, unitName, text, sla, onSelect } = props;
  const figure = useRef<HTMLElement>(null);
  const width = useElementWidth(figure, WIDTH);
  const narrow = width < NARROW;
  // Narrow: a small margin so the axis' first tick label ("0") is not cut in half at the left edge.
  const labelWidth = narrow ? 10 : LABEL_WIDTH;
  const row = narrow ? LINE + ROW : ROW;
  const plot = width - labelWidth - TOTAL_WIDTH;
  const x = countScale(Math.max(0, ...bars.map((b) => b.total)), plot);
  const height = AXIS + bars.length * row + 8;
  const totals = stackTotals(bars);
  const name = (t: OpenTimeliness) => text.timelinessNames[t];
  const onKey = (unit: string, t: OpenTimeliness) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(unit, t);
    }
  };

  return (
    <figure className="sla-figure" aria-labelledby="sla-pending-title" ref={figure}>
      <h2 id="sla-pending-title">{sla.pendingTitle}</h2>
      <ul className="sla-legend" aria-label={text.timeliness}>
        {STACK_ORDER.map((t) => (
          <li key={t}>
            <span className={`sla-swatch ${timelinessClass(t)}`} aria-hidden="true" />
            {name(t)}: <strong>{totals[t]}</strong>
          </li>
        ))}
      </ul>
      {bars.length === 0 ? (
        <p data-testid="sla-pending-empty">{sla.pendingEmpty}</p>
      ) : (
        <svg
          className="sla-chart"
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-labelledby="sla-pending-svg-title"
          aria-describedby="sla-pending-svg-desc"
          data-testid="sla-pending-chart"
        >
          <title id="sla-pending-svg-title">{sla.pendingTitle}</title>
          <desc id="sla-pending-svg-desc">{sla.pendingDesc(totals.total, bars.length)}</desc>
          <g aria-hidden="true" className="sla-axis">
            {x.ticks.map((t) => (
              <g key={t} transform={`translate(${labelWidth + x(t)},0)`}>
                <line y1={AXIS - 4} y2={height - 8} />
                <text y={AXIS - 8} textAnchor="middle">
                  {t}
                </text>
              </g>
            ))}
          </g>
          {bars.map((bar, i) => {
            const y = AXIS + i * row + (narrow ? LINE : 0) + (ROW - BAR) / 2;
            return (
              <g key={bar.unit} data-unit={bar.unit}>
                {narrow ? (
                  <text className="sla-unit-label" x={0} y={y - 6}>
                    {unitName(bar.unit)}
                  </text>
                ) : (
                  <text
                    className="sla-unit-label"
                    x={LABEL_WIDTH - 8}
                    y={y + BAR / 2}
                    textAnchor="end"
                    dominantBaseline="central"
                  >
                    {unitName(bar.unit)}
                  </text>
                )}
                {bar.segments
                  .filter((s) => s.count > 0)
                  .map((s) => {
                    const left = labelWidth + x(s.start);
                    const span = x(s.end) - x(s.start);
                    const label = sla.segmentLabel(unitName(bar.unit), name(s.timeliness), s.count);
                    return (
                      <g
                        key={s.timeliness}
                        className={`sla-segment ${timelinessClass(s.timeliness)}`}
                        role="button"
                        tabIndex={0}
                        aria-label={label}
                        data-timeliness={s.timeliness}
                        data-count={s.count}
                        onClick={() => onSelect(bar.unit, s.timeliness)}
                        onKeyDown={onKey(bar.unit, s.timeliness)}
                      >
                        <title>{label}</title>
                        <rect x={left} y={y} width={span} height={BAR} />
                        {span >= MIN_LABEL_WIDTH ? (
                          <text
                            x={left + span / 2}
                            y={y + BAR / 2}
                            textAnchor="middle"
                            dominantBaseline="central"
                            aria-hidden="true"
                          >
                            {s.count}
                          </text>
                        ) : null}
                      </g>
                    );
                  })}
                <text
                  className="sla-bar-total"
                  x={labelWidth + x(bar.total) + 6}
                  y={y + BAR / 2}
                  dominantBaseline="central"
                  aria-hidden="true"
                >
                  {bar.total}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {bars.length > 0 ? (
        <div className="sla-table-wrap">
          <table className="app-table sla-table" data-testid="sla-pending-table">
            <caption>{sla.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.unit}</th>
                {STACK_ORDER.map((t) => (
                  <th scope="col" key={t}>
                    {name(t)}
                  </th>
                ))}
                <th scope="col">{text.total}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.unit} data-unit={bar.unit}>
                  <th scope="row">{unitName(bar.unit)}</th>
                  {bar.segments.map((s) => (
                    <td key={s.timeliness} data-label={name(s.timeliness)} data-timeliness={s.timeliness}>
                      {s.count > 0 ? (
                        <button
                          type="button"
                          className="app-link-button"
                          aria-label={sla.segmentLabel(unitName(bar.unit), name(s.timeliness), s.count)}
                          onClick={() => onSelect(bar.unit, s.timeliness)}
                        >
                          {s.count}
                        </button>
                      ) : (
                        '0'
                      )}
                    </td>
                  ))}
                  <td data-label={text.total} data-timeliness="total">
                    {bar.total}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-unit="total">
                <th scope="row">{sla.totalRow}</th>
                {STACK_ORDER.map((t) => (
                  <td key={t} data-label={name(t)} data-timeliness={t}>
                    {totals[t]}
                  </td>
                ))}
                <td data-label={text.total} data-timeliness="total">
                  {totals.total}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
    </figure>
  );
}
