/** Việt Nam's offset from UTC: +7 hours all year (no daylight saving). Pure, so workflows may use it too. */
export const VN_OFFSET_MS = 7 * 3600_000;
