// Browser-safe and DOM-free.
import type { SlaSummary } from '../../../api-contract';
import type { OpenTimeliness } from '../../../domain/sla/timeliness';

/** The order of the stack, from left to right: not due, near due, overdue, clock stopped. */
export const STACK_ORDER: readonly OpenTimeliness[] = ['not_due', 'near_due', 'overdue', 'stopped'];

export interface StackSegment {
  timeliness: OpenTimeliness;
  count: number;
  /** Cumulative count before this segment (where it starts on the axis). */
  start: number;
  end: number;
}

export interface StackedBar {
  unit: string;
  total: number;
  segments: StackSegment[];
}

/**
 * The summary's pending rows (one per unit × level × programme × state) as one bar per processing unit, stacked
 * by timeliness in STACK_ORDER, optionally for one programme. Bars come largest first (then by unit code), so
 * the units with the most waiting are on top; empty segments are kept (count 0, start = end) so every bar has the
 * same four segments and the table alternative the same columns.
 */
export function stackPendingByUnit(rows: SlaSummary['pending'], programme?: string): StackedBar[] {
  const byUnit = new Map<string, Record<OpenTimeliness, number>>();
  for (const row of rows) {
    if (programme && row.programme !== programme) continue;
    const counts = byUnit.get(row.unit) ?? { not_due: 0, near_due: 0, overdue: 0, stopped: 0 };
    for (const t of STACK_ORDER) counts[t] += row[t];
    byUnit.set(row.unit, counts);
  }
  const bars = [...byUnit].map(([unit, counts]) => {
    let start = 0;
    const segments = STACK_ORDER.map((timeliness) => {
      const segment = { timeliness, count: counts[timeliness], start, end: start + counts[timeliness] };
      start = segment.end;
      return segment;
    });
    return { unit, total: start, segments };
  });
  return bars.filter((b) => b.total > 0).sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit));
}

/** The totals per timeliness over the bars (what the chart shows in all). */
export function stackTotals(bars: StackedBar[]): Record<OpenTimeliness | 'total', number> {
  const totals = { not_due: 0, near_due: 0, overdue: 0, stopped: 0, total: 0 };
  for (const bar of bars) {
    for (const s of bar.segments) totals[s.timeliness] += s.count;
    totals.total += bar.total;
  }
  return totals;
}
