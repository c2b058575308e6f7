// Browser-safe and DOM-free.

export type DmyParse =
  | { kind: 'empty' }
  | { kind: 'ok'; iso: string }
  /** Not day/month/year as numbers (letters, missing parts, a two-digit year). */
  | { kind: 'malformed' }
  /** Day, month and year, but no such date (31/02/2025, 00/01/2024, 29/02/2023) or a year outside 1900–2199. */
  | { kind: 'no-such-date' };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Whether day/month/year is a date of the Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * A date typed the Vietnamese way, day first: `15/03/2024`, `5/3/2024`, `15-03-2024`, `15.03.2024`, or eight digits
 * `15032024`; surrounding spaces are ignored. Gives the ISO `yyyy-mm-dd` form stored in the data, or why not.
 */
export function parseDmyDate(text: string): DmyParse {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed);
  if (!match) return { kind: 'malformed' };
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2199 || !isCalendarDate(year, month, day)) return { kind: 'no-such-date' };
  return { kind: 'ok', iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}
