/**
 * Text as the inbox search compares it: without diacritics (Vietnamese tone and vowel marks, đ → d), lower case,
 * runs of whitespace as one space. People type "nguyen thi hoa" for "Nguyễn Thị Hoa", so both the stored search field
 * and the query go through this.
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
