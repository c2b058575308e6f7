// Browser-safe and DOM-free.
import type { UnitOption } from './unit-option';

/** Lower case without Vietnamese diacritics, so "ha cau", "Hà Cầu" and "HÀ CẦU" find the same unit. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
}

/**
 * The units whose name (Vietnamese or English) or code contains every word of `query`, diacritics and case ignored;
 * names that start with the query come first, then by name. An empty query gives them all, by name.
 */
export function searchUnits(units: readonly UnitOption[], query: string, limit = 50): UnitOption[] {
  const words = foldVietnamese(query).split(/\s+/).filter(Boolean);
  const scored: { unit: UnitOption; score: number; key: string }[] = [];
  for (const unit of units) {
    const name = foldVietnamese(unit.name);
    const haystack = `${name} ${foldVietnamese(unit.nameEn ?? '')} ${unit.code.toLowerCase()}`;
    if (!words.every((w) => haystack.includes(w))) continue;
    const q = words.join(' ');
    const score = unit.code.toLowerCase() === q ? 0 : name.startsWith(q) || name.includes(` ${q}`) ? 1 : 2;
    scored.push({ unit, score, key: name });
  }
  scored.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key) || a.unit.code.localeCompare(b.unit.code));
  return scored.slice(0, limit).map((s) => s.unit);
}
