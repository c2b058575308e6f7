import type { TranchePeriod } from '../process/process-definition';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthsPer = (unit: TranchePeriod['unit']): number => (unit === 'quarter' ? 3 : 1);

/** Whether `value` is a month written YYYY-MM (2025-03), as periodic tranches' start facts are. */
export const isMonth = (value: unknown): value is string => typeof value === 'string' && MONTH.test(value);

/** The month index (year × 12 + month − 1) of a YYYY-MM; RangeError for anything else. */
function monthIndex(month: string): number {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): '${month}'`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

const monthOfIndex = (index: number): string =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The first month of instance `k` (1-based) of a periodic tranche that starts in `firstMonth`: monthly, month
 * firstMonth + k − 1 (2025-01, k = 14 → 2026-02); quarterly, firstMonth + 3(k − 1). RangeError for a malformed month
 * or a k that is not a whole number ≥ 1.
 */
export function periodOfInstance(period: Pick<TranchePeriod, 'unit'>, firstMonth: string, k: number): string {
  if (!Number.isSafeInteger(k) || k < 1) throw new RangeError(`not an instance number: ${k}`);
  return monthOfIndex(monthIndex(firstMonth) + (k - 1) * monthsPer(period.unit));
}

/**
 * The instance (1-based) whose period begins in `month`, for a tranche that starts in `firstMonth`; null when `month`
 * is before the first or (quarterly) not the first month of a quarter of the schedule. RangeError for a malformed
 * month.
 */
export function instanceOfPeriod(
  period: Pick<TranchePeriod, 'unit'>,
  firstMonth: string,
  month: string,
): number | null {
  const offset = monthIndex(month) - monthIndex(firstMonth);
  const step = monthsPer(period.unit);
  if (offset < 0 || offset % step !== 0) return null;
  return offset / step + 1;
}

/**
 * The calendar date (YYYY-MM-DD) instance `k` is due on before the working calendar has its say: `dueDay` of the
 * instance's first month, or that month's last day when it is shorter (31 → 28 or 29 February, 30 April).
 */
export function nominalDueDate(period: TranchePeriod, firstMonth: string, k: number): string {
  const month = periodOfInstance(period, firstMonth, k);
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${month}-${String(Math.min(period.dueDay, lastDay)).padStart(2, '0')}`;
}

/** A period for people: "03/2025" (monthly), "quý 1/2025" / "Q1 2025" (quarterly). */
export function periodLabel(unit: TranchePeriod['unit'], month: string): { vi: string; en: string } {
  const [year, mm] = month.split('-');
  if (unit === 'quarter') {
    const q = Math.floor((Number(mm) - 1) / 3) + 1;
    return { vi: `quý ${q}/${year}`, en: `Q${q} ${year}` };
  }
  return { vi: `tháng ${mm}/${year}`, en: `${mm}/${year}` };
}
