// Browser-safe and DOM-free.
import type { Lang } from '../../shared/i18n/lang';

/**
 * An amount in đồng with thousands separators: `100.000.000 ₫` in Vietnamese, `100,000,000 VND` in English. A value
 * that is not a finite number is shown as it is (a summary must show what the server said).
 */
export function formatVnd(amount: unknown, lang: Lang): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount))
    return amount === undefined || amount === null ? '' : String(amount);
  const digits = Math.round(Math.abs(amount))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  const sign = amount < 0 ? '-' : '';
  return lang === 'vi' ? `${sign}${digits} ₫` : `${sign}${digits} VND`;
}
