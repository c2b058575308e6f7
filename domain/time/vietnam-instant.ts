import { VN_OFFSET_MS } from './vietnam-offset-ms';

/**
 * The instant (epoch ms) of a Việt Nam wall-clock time: local `date` (`YYYY-MM-DD`) at `time` (`HH:MM` or `HH:MM:SS`).
 * NaN if either is malformed.
 */
export function vietnamInstant(date: string, time: string): number {
  return Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`) - VN_OFFSET_MS;
}
