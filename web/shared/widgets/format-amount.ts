// Browser-safe and DOM-free.
import type { WidgetLang } from './widget-lang';

/** The thousands separator of each language: 1.000.000 in Vietnamese, 1,000,000 in English. */
export const THOUSANDS_SEPARATOR: Readonly<Record<WidgetLang, string>> = { vi: '.', en: ',' };

/** A string of ASCII digits with thousands separators: ("1000000", "vi") → "1.000.000". No rounding, no sign. */
export function groupDigits(digits: string, lang: WidgetLang): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR[lang]);
}
