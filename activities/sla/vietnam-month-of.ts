/** Việt Nam has no daylight saving: UTC+7 all year. */
const VN_OFFSET_MS = 7 * 3600_000;

/** `yyyy-mm` of an instant in Việt Nam time. */
export function vietnamMonthOf(instant: Date): string {
  const local = new Date(instant.getTime() + VN_OFFSET_MS);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}
