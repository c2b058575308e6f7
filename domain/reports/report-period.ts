/** A reporting period: its inclusive Việt Nam civil days and the kind of period it is. */
export interface ReportPeriod {
  kind: 'quarter' | 'half' | 'year' | 'range';
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const YEARS = { min: 2000, max: 2099 };

/** `yyyy-mm-dd` naming a real day from 2000 to 2099. */
export function isCivilDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return (
    year >= YEARS.min && year <= YEARS.max && month >= 1 && month <= 12 && date >= 1 && date <= lastDayOf(year, month)
  );
}

/**
 * A named period as inclusive civil days: `2025-Q1` (quarter), `2025-H1` (half-year), `2025` (year), the years
 * 2000–2099. Anything else (`2025-Q5`, `25`, `2025-h1 `) is null: the caller reports it as bad input.
 */
export function parseReportPeriod(period: string): ReportPeriod | null {
  const m = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < YEARS.min || year > YEARS.max) return null;
  const part = m[2];
  const months = !part ? 12 : part.startsWith('Q') ? 3 : 6;
  const first = part ? (Number(part.slice(1)) - 1) * months + 1 : 1;
  const last = first + months - 1;
  return {
    kind: !part ? 'year' : part.startsWith('Q') ? 'quarter' : 'half',
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}`,
  };
}

/** A range of days (a campaign): null unless both are real days and `to` is not before `from`. */
export function rangePeriod(from: string, to: string): ReportPeriod | null {
  return isCivilDay(from) && isCivilDay(to) && from <= to ? { kind: 'range', from, to } : null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * The period as a report's title names it: "Quý I năm 2025", "6 tháng đầu năm 2025", "6 tháng cuối năm 2025",
 * "Năm 2025", else "Từ ngày 03/02/2024 đến ngày 19/05/2024" (English: "Q1 2025", "H1 2025", "Year 2025",
 * "From 03/02/2024 to 19/05/2024").
 */
export function reportPeriodTitle(period: ReportPeriod, lang: 'vi' | 'en' = 'vi'): string {
  const year = period.from.slice(0, 4);
  const month = Number(period.from.slice(5, 7));
  const day = (d: string) => d.split('-').reverse().join('/');
  switch (period.kind) {
    case 'quarter': {
      const q = (month - 1) / 3;
      return lang === 'vi' ? `Quý ${ROMAN[q]} năm ${year}` : `Q${q + 1} ${year}`;
    }
    case 'half':
      return lang === 'vi' ? `6 tháng ${month === 1 ? 'đầu' : 'cuối'} năm ${year}` : `H${month === 1 ? 1 : 2} ${year}`;
    case 'year':
      return lang === 'vi' ? `Năm ${year}` : `Year ${year}`;
    default:
      return lang === 'vi'
        ? `Từ ngày ${day(period.from)} đến ngày ${day(period.to)}`
        : `From ${day(period.from)} to ${day(period.to)}`;
  }
}
