// Browser-safe and DOM-free.

export const PERIOD_PRESETS = ['quarter', 'half', 'year'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Today in Việt Nam as `yyyy-mm-dd` (the fund reports count whole Việt Nam days, UTC+7, no daylight saving). */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The quarter, half-year or year that holds `today` (`yyyy-mm-dd`), as inclusive ISO days: the periods a district
 * reports on. The fund documents default to the current quarter.
 */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months = preset === 'quarter' ? 3 : preset === 'half' ? 6 : 12;
  const first = Math.floor((month - 1) / months) * months + 1;
  const last = first + months - 1;
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}
