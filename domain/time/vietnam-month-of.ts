import { VN_OFFSET_MS } from './vietnam-offset-ms';

/** `yyyy-mm` of an instant in Việt Nam time. */
export function vietnamMonthOf(instant: Date): string {
  const local = new Date(instant.getTime() + VN_OFFSET_MS);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}
