import { VN_OFFSET_MS } from './vietnam-offset-ms';

/**
 * `yyyy-mm` of an instant in Việt Nam time. Throws RangeError for an invalid instant and for one whose Việt Nam year
 * is outside 0001–9999, which `yyyy-mm` cannot write (a Date reaches ±275760): the answer is never a `NaN-NaN` or a
 * string that does not sort as a month.
 */
export function vietnamMonthOf(instant: Date): string {
  const local = new Date(instant.getTime() + VN_OFFSET_MS);
  const year = local.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) throw new RangeError(`no yyyy-mm month for the instant ${String(instant)}`);
  return `${String(year).padStart(4, '0')}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}
