import type { LocalizedText } from './localized-text';

/** Units a number field may declare in its uiSchema as `ui:options.unit`. */
export const quantityUnits = ['VND', 'm2', 'percent'] as const;
export type QuantityUnit = (typeof quantityUnits)[number];

function group(value: number, thousands: string, decimal: string): string {
  const [whole = '0', fraction] = Math.abs(value).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

/**
 * A number as people write it in each language, with its unit: `100.000.000 đ` / `100,000,000 VND`,
 * `24,5 m²` / `24.5 m²`, `50%`. Written by hand rather than with `Intl` so messages are the same on every runtime
 * whatever ICU data it ships.
 */
export function formatQuantity(value: number, unit?: QuantityUnit): LocalizedText {
  const vi = group(value, '.', ',');
  const en = group(value, ',', '.');
  switch (unit) {
    case 'VND':
      return { vi: `${vi} đ`, en: `${en} VND` };
    case 'm2':
      return { vi: `${vi} m²`, en: `${en} m²` };
    case 'percent':
      return { vi: `${vi}%`, en: `${en}%` };
    default:
      return { vi, en };
  }
}
