/**
 * An amount of đồng with thousands separators: as written in Việt Nam by default (`100.000.000 ₫`, what the
 * documents and the error messages print), or in English (`100,000,000 VND`, the officer app in English). Whole
 * đồng only: a fraction is rounded.
 */
export function formatVnd(amount: number, lang: 'vi' | 'en' = 'vi'): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return lang === 'vi' ? `${sign}${digits} ₫` : `${sign}${digits} VND`;
}
