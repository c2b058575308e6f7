// Browser-safe and DOM-free.
import type { SlaSummary } from '../../../api-contract';

export interface OnTimeRate {
  onTime: number;
  late: number;
  /** onTime / (onTime + late); null when nothing finished (no rate, not 0 %). */
  rate: number | null;
}

/**
 * The on-time rate of the dossiers a summary counts as finished in its period, over all its units and procedures,
 * or only the procedures in `processKeys` (a programme's procedures).
 */
export function onTimeRateOf(
  finished: readonly Pick<SlaSummary['finished']['items'][number], 'processKey' | 'onTime' | 'late'>[],
  processKeys?: ReadonlySet<string>,
): OnTimeRate {
  let onTime = 0;
  let late = 0;
  for (const item of finished) {
    if (processKeys && !processKeys.has(item.processKey)) continue;
    onTime += item.onTime;
    late += item.late;
  }
  return { onTime, late, rate: onTime + late > 0 ? onTime / (onTime + late) : null };
}

/** A rate as a whole percentage (`87 %`), or an em dash when there is none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)} %`;
}
