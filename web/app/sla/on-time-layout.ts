// Browser-safe and DOM-free.
import type { MonthPeriod } from './month-periods';
import type { OnTimeRate } from './on-time-rate';

/** The on-time chart's left margin (the percentage axis) and right padding, in CSS pixels. */
export const ON_TIME_LEFT = 52;
const RIGHT = 10;
/** The narrowest column slot whose month ("11/2026") and rate ("100 %") labels do not run into the next one. */
export const MIN_MONTH_SLOT = 60;

export interface OnTimeLayout<M> {
  /** The months drawn: the latest that fit the width (the table lists them all). */
  shown: M[];
  plotWidth: number;
  slot: number;
  column: number;
  /** Nothing finished in any month: the chart says so instead of showing a row of dashes alone. */
  noData: boolean;
}

/** Where the on-time chart, drawn `width` pixels wide, puts its months. */
export function onTimeLayout<M extends { period: MonthPeriod; rate: OnTimeRate }>(
  width: number,
  months: readonly M[],
): OnTimeLayout<M> {
  const plotWidth = Math.max(MIN_MONTH_SLOT, width - ON_TIME_LEFT - RIGHT);
  const shown = months.slice(-Math.max(1, Math.floor(plotWidth / MIN_MONTH_SLOT)));
  const slot = plotWidth / Math.max(1, shown.length);
  return {
    shown,
    plotWidth,
    slot,
    column: Math.min(56, slot * 0.6),
    noData: months.every((m) => m.rate.rate === null),
  };
}
