// Browser-safe and DOM-free.

/** A linear scale from [0, max] onto [0, length] pixels; values outside the domain are clamped. */
export interface LinearScale {
  max: number;
  ticks: number[];
  (value: number): number;
}

/**
 * A "nice" upper bound and tick values for a count axis starting at zero: the smallest step of 1, 2 or 5 × 10^k
 * giving at most `maxTicks` intervals, whole numbers only (counts of dossiers). An empty chart (max 0) still gets
 * the axis 0–1, so a scale never divides by zero.
 */
export function niceTicks(max: number, maxTicks = 5): number[] {
  const top = Math.max(1, Math.ceil(max));
  const intervals = Math.max(1, Math.floor(maxTicks));
  let step: number;
  for (let magnitude = 1; ; magnitude *= 10) {
    const fit = [1, 2, 5].map((m) => m * magnitude).find((s) => Math.ceil(top / s) <= intervals);
    if (fit !== undefined) {
      step = fit;
      break;
    }
  }
  const ticks: number[] = [];
  for (let t = 0; t < top + step; t += step) ticks.push(t);
  return ticks;
}

/** The scale for counts up to `max` over `length` pixels, with nice ticks (its max is the last tick). */
export function countScale(max: number, length: number, maxTicks = 5): LinearScale {
  const ticks = niceTicks(max, maxTicks);
  const top = ticks[ticks.length - 1]!;
  const scale = ((value: number) => (Math.min(Math.max(value, 0), top) / top) * length) as LinearScale;
  scale.max = top;
  scale.ticks = ticks;
  return scale;
}

/** The scale for a share (0–1) over `length` pixels, ticks every 25 %. */
export function shareScale(length: number): LinearScale {
  const scale = ((value: number) => Math.min(Math.max(value, 0), 1) * length) as LinearScale;
  scale.max = 1;
  scale.ticks = [0, 0.25, 0.5, 0.75, 1];
  return scale;
}
