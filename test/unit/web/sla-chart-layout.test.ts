import { countScale, niceTicks, shareScale } from '../../../web/app/sla/chart-scale';
import { lastMonths } from '../../../web/app/sla/month-periods';
import { MIN_MONTH_SLOT, onTimeLayout } from '../../../web/app/sla/on-time-layout';
import { formatRate, onTimeRateOf } from '../../../web/app/sla/on-time-rate';
import type { SlaSummary } from '../../../api-contract';
import { stackPendingByUnit, stackTotals, STACK_ORDER } from '../../../web/app/sla/stack-pending';

type Row = SlaSummary['pending'][number];
const row = (
  unit: string,
  programme: string,
  counts: Partial<Record<'not_due' | 'near_due' | 'overdue' | 'stopped', number>>,
  status = 'in_progress',
): Row => {
  const full = { not_due: 0, near_due: 0, overdue: 0, stopped: 0, ...counts };
  return {
    unit,
    level: 'commune',
    programme,
    status,
    total: full.not_due + full.near_due + full.overdue + full.stopped,
    ...full,
  };
};

describe('the SLA chart scales', () => {
  it.each([
    [0, 5, [0, 1]],
    [1, 5, [0, 1]],
    [3, 5, [0, 1, 2, 3]],
    [7, 5, [0, 2, 4, 6, 8]],
    [10, 5, [0, 2, 4, 6, 8, 10]],
    [11, 5, [0, 5, 10, 15]],
    [48, 5, [0, 10, 20, 30, 40, 50]],
    [230, 4, [0, 100, 200, 300]],
    [2.5, 5, [0, 1, 2, 3]],
  ])('gives whole, nice ticks from 0 past %d (at most %d intervals)', (max, count, ticks) => {
    expect(niceTicks(max, count)).toEqual(ticks);
  });

  it('maps counts linearly onto pixels up to the last tick, clamping outside values', () => {
    const x = countScale(7, 400);
    expect(x.max).toBe(8);
    expect(x(0)).toBe(0);
    expect(x(4)).toBe(200);
    expect(x(8)).toBe(400);
    expect(x(-3)).toBe(0);
    expect(x(20)).toBe(400);
    // An empty chart still has an axis and never divides by zero.
    expect(countScale(0, 300)(0)).toBe(0);
    expect(countScale(0, 300).ticks).toEqual([0, 1]);
  });

  it('maps shares 0–1 onto pixels with ticks every quarter', () => {
    const y = shareScale(200);
    expect(y.ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(y(0.5)).toBe(100);
    expect(y(1.2)).toBe(200);
  });
});

describe('stacking the pending rows by unit', () => {
  const rows = [
    row('HN-HD-HC', 'housing', { not_due: 2, overdue: 1 }, 'received'),
    row('HN-HD-HC', 'housing', { stopped: 1 }, 'awaiting_supplement'),
    row('HN-HD', 'housing', { near_due: 1, overdue: 3 }),
    row('HN-HD', 'livelihood', { not_due: 4 }),
    row('HN-HD-YN', 'livelihood', { not_due: 1 }),
  ];

  it('sums every level, programme and state of a unit into one bar of four segments, largest bar first', () => {
    const bars = stackPendingByUnit(rows);
    expect(bars.map((b) => [b.unit, b.total])).toEqual([
      ['HN-HD', 8],
      ['HN-HD-HC', 4],
      ['HN-HD-YN', 1],
    ]);
    expect(bars[0]!.segments.map((s) => s.timeliness)).toEqual([...STACK_ORDER]);
    expect(bars[1]!.segments).toEqual([
      { timeliness: 'not_due', count: 2, start: 0, end: 2 },
      { timeliness: 'near_due', count: 0, start: 2, end: 2 },
      { timeliness: 'overdue', count: 1, start: 2, end: 3 },
      { timeliness: 'stopped', count: 1, start: 3, end: 4 },
    ]);
    // Each bar ends where its total is: segments are contiguous.
    for (const bar of bars) expect(bar.segments[bar.segments.length - 1]!.end).toBe(bar.total);
  });

  it('keeps one programme only, and drops units left empty', () => {
    const bars = stackPendingByUnit(rows, 'livelihood');
    expect(bars.map((b) => [b.unit, b.total])).toEqual([
      ['HN-HD', 4],
      ['HN-HD-YN', 1],
    ]);
    expect(stackPendingByUnit(rows, 'tet-gifts')).toEqual([]);
  });

  it('totals the bars per timeliness as the summary totals them', () => {
    expect(stackTotals(stackPendingByUnit(rows))).toEqual({
      not_due: 7,
      near_due: 1,
      overdue: 4,
      stopped: 1,
      total: 13,
    });
    expect(stackTotals([])).toEqual({ not_due: 0, near_due: 0, overdue: 0, stopped: 0, total: 0 });
  });
});

describe('the on-time rate per month', () => {
  it('gives the last months in Việt Nam time, oldest first, across a year end', () => {
    // 17:30 UTC on 31 Dec 2025 is already 1 Jan 2026 in Hà Nội.
    const months = lastMonths(new Date('2025-12-31T17:30:00Z'), 3);
    expect(months).toEqual([
      { label: '11/2025', month: '2025-11', from: '2025-10-31T17:00:00.000Z', to: '2025-11-30T17:00:00.000Z' },
      { label: '12/2025', month: '2025-12', from: '2025-11-30T17:00:00.000Z', to: '2025-12-31T17:00:00.000Z' },
      { label: '01/2026', month: '2026-01', from: '2025-12-31T17:00:00.000Z', to: '2026-01-31T17:00:00.000Z' },
    ]);
    expect(lastMonths(new Date('2026-03-15T00:00:00Z'), 6).map((m) => m.label)).toEqual([
      '10/2025',
      '11/2025',
      '12/2025',
      '01/2026',
      '02/2026',
      '03/2026',
    ]);
  });

  const finished = [
    { unit: 'HN-HD-HC', processKey: 'housing-support-2024', onTime: 3, late: 1, onTimeRate: 0.75 },
    { unit: 'HN-HD-YN', processKey: 'housing-support-2025', onTime: 1, late: 0, onTimeRate: 1 },
    { unit: 'HN-HD-YN', processKey: 'livelihood-2025', onTime: 0, late: 2, onTimeRate: 0 },
  ];

  it('pools the finished dossiers of every unit and procedure, or of a programme’s procedures', () => {
    expect(onTimeRateOf(finished)).toEqual({ onTime: 4, late: 3, rate: 4 / 7 });
    expect(onTimeRateOf(finished, new Set(['housing-support-2024', 'housing-support-2025']))).toEqual({
      onTime: 4,
      late: 1,
      rate: 0.8,
    });
  });

  it('has no rate (not 0 %) when nothing finished', () => {
    expect(onTimeRateOf([])).toEqual({ onTime: 0, late: 0, rate: null });
    expect(formatRate(null)).toBe('—');
    expect(formatRate(4 / 7)).toBe('57 %');
    expect(formatRate(1)).toBe('100 %');
  });
});

describe('the on-time chart at a given width', () => {
  const months = lastMonths(new Date('2026-12-04T05:00:00Z'), 6).map((period, i) => ({
    period,
    rate: { onTime: i, late: 1, rate: i / (i + 1) },
  }));

  it('draws every month on a desktop, each slot wide enough for its labels', () => {
    const layout = onTimeLayout(760, months);
    expect(layout.shown).toEqual(months);
    expect(layout.slot).toBeGreaterThanOrEqual(MIN_MONTH_SLOT);
    expect(layout.noData).toBe(false);
  });

  it('draws the latest months that fit on a phone, never a slot too narrow for "11/2026"', () => {
    const layout = onTimeLayout(358, months);
    expect(layout.shown.map((m) => m.period.label)).toEqual(months.slice(-4).map((m) => m.period.label));
    expect(layout.slot).toBeGreaterThanOrEqual(MIN_MONTH_SLOT);
    // However narrow, one month is drawn.
    expect(onTimeLayout(40, months).shown).toEqual(months.slice(-1));
  });

  it('says there are no data only when no month has anything finished', () => {
    const empty = months.map((m) => ({ ...m, rate: { onTime: 0, late: 0, rate: null } }));
    expect(onTimeLayout(760, empty).noData).toBe(true);
    expect(onTimeLayout(760, [...empty.slice(1), months[0]!]).noData).toBe(false);
  });
});
