import { VN_OFFSET_MS } from './vietnam-offset-ms';

/**
 * The local date (`YYYY-MM-DD`) in Việt Nam at an instant (epoch ms, Date or ISO string). Registers, effective
 * dates and working days follow Việt Nam's days, which start at 17:00 UTC. An invalid instant throws RangeError.
 */
export function vietnamDate(instant: number | Date | string): string {
  const t =
    typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(t + VN_OFFSET_MS).toISOString().slice(0, 10);
}
