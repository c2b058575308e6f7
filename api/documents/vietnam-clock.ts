import { VN_OFFSET_MS } from '../../domain/time/vietnam-offset-ms';

export { VN_OFFSET_MS };

/** A Date whose UTC fields read Vietnam's wall-clock time at `instant` (use the getUTC… methods on it). */
export function vietnamClock(instant: string | Date): Date {
  return new Date((typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + VN_OFFSET_MS);
}

const two = (n: number) => String(n).padStart(2, '0');

/** `HH:mm dd/mm/yyyy`, Vietnam time. */
export function formatVietnamTime(instant: string | Date): string {
  const d = vietnamClock(instant);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** `ngày dd tháng mm năm yyyy`, Vietnam time: how administrative documents write a date. */
export function formatVietnamLongDate(instant: string | Date): string {
  const d = vietnamClock(instant);
  return `ngày ${two(d.getUTCDate())} tháng ${two(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}
