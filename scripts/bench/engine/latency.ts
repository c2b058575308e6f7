import type { Sample } from './phase-result';

/** The p-th percentile of sorted values (nearest rank); NaN for none. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** p50, p95 and p99 of the samples' times. */
export function latency(samples: readonly Sample[]): { n: number; p50: number; p95: number; p99: number } {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** A figure with a fixed number of decimals and thousands separators, or – when not finite. */
export const fmt = (value: number, digits = 1) =>
  Number.isFinite(value)
    ? value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';
