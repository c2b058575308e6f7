import { useRef } from 'react';
import type { SlaText } from '../i18n/sla-text';
import { useElementWidth } from '../components/use-element-width';
import { ON_TIME_LEFT, onTimeLayout } from './on-time-layout';
import { shareScale } from './chart-scale';
import type { MonthPeriod } from './month-periods';
import { formatRate, type OnTimeRate } from './on-time-rate';

/** The drawing's width before the figure is measured; it is then drawn at the figure's own width. */
const WIDTH = 760;
const HEIGHT = 240;
const TOP = 24;
const BOTTOM = 30;

/**
 * The on-time rate per month as columns in hand-written SVG, 0–100 %, each with its percentage written above it
 * (a month with nothing finished shows "—" and no column, which is not 0 %), followed by the same figures as a
 * table (on time, late, rate). Drawn at the figure's width, so its text keeps the stylesheet's size on a phone; where
 * the months do not all fit, the chart shows the latest ones and says so (the table has them all). With nothing
 * finished in any month it says "Chưa có dữ liệu" rather than showing a row of dashes alone.
 */
export function OnTimeRateChart({
  months,
  sla,
}: {
  months: { period: MonthPeriod; rate: OnTimeRate }[];
  sla: SlaText;
}) {
  const figure = useRef<HTMLElement>(null);
  const width = useElementWidth(figure, WIDTH);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = shareScale(plotHeight);
  const { shown, plotWidth, slot, column, noData } = onTimeLayout(width, months);
  return (
    <figure className="sla-figure" aria-labelledby="sla-ontime-title" ref={figure}>
      <h2 id="sla-ontime-title">{sla.onTimeTitle}</h2>
      <svg
        className="sla-chart"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-labelledby="sla-ontime-svg-title"
        aria-describedby="sla-ontime-svg-desc"
        data-testid="sla-ontime-chart"
      >
        <title id="sla-ontime-svg-title">{sla.onTimeTitle}</title>
        <desc id="sla-ontime-svg-desc">
          {sla.onTimeDesc(months.length)}{' '}
          {months
            .map((m) => `${m.period.label}: ${m.rate.rate === null ? sla.noFinished : formatRate(m.rate.rate)}`)
            .join('; ')}
          .
        </desc>
        <g className="sla-axis">
          {y.ticks.map((t) => (
            <g key={t} transform={`translate(0,${TOP + plotHeight - y(t)})`}>
              <line x1={ON_TIME_LEFT} x2={width - 10} />
              <text x={ON_TIME_LEFT - 6} textAnchor="end" dominantBaseline="central">
                {Math.round(t * 100)} %
              </text>
            </g>
          ))}
        </g>
        {noData ? (
          <text
            className="sla-no-data"
            x={ON_TIME_LEFT + plotWidth / 2}
            y={TOP + plotHeight / 2}
            textAnchor="middle"
            data-testid="sla-ontime-no-data"
          >
            {sla.noData}
          </text>
        ) : null}
        {shown.map((m, i) => {
          const cx = ON_TIME_LEFT + slot * i + slot / 2;
          const h = m.rate.rate === null ? 0 : y(m.rate.rate);
          return (
            <g
              key={m.period.label}
              data-month={m.period.label}
              data-rate={m.rate.rate === null ? '' : String(m.rate.rate)}
            >
              {m.rate.rate !== null ? (
                <rect
                  className="sla-rate-column"
                  x={cx - column / 2}
                  y={TOP + plotHeight - h}
                  width={column}
                  height={h}
                />
              ) : null}
              <text className="sla-rate-label" x={cx} y={TOP + plotHeight - h - 6} textAnchor="middle">
                {formatRate(m.rate.rate)}
              </text>
              <text x={cx} y={HEIGHT - 10} textAnchor="middle">
                {m.period.label}
              </text>
            </g>
          );
        })}
      </svg>
      {shown.length < months.length ? (
        <p className="sla-chart-note" data-testid="sla-ontime-shown">
          {sla.onTimeShown(shown.length, months.length)}
        </p>
      ) : null}
      <div className="sla-table-wrap">
        <table className="app-table sla-table" data-testid="sla-ontime-table">
          <caption>{sla.onTimeCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{sla.month}</th>
              <th scope="col">{sla.onTime}</th>
              <th scope="col">{sla.late}</th>
              <th scope="col">{sla.rate}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.period.label} data-month={m.period.label}>
                <th scope="row">{m.period.label}</th>
                <td data-label={sla.onTime} data-field="onTime">
                  {m.rate.onTime}
                </td>
                <td data-label={sla.late} data-field="late">
                  {m.rate.late}
                </td>
                <td data-label={sla.rate} data-field="rate">
                  {formatRate(m.rate.rate)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
