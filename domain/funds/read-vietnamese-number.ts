// Browser-safe and DOM-free (domain/): the widgets and the server's documents read amounts the same way.

/** How a zero tens digit before a non-zero unit is read: `linh` (northern, e.g. "một trăm linh năm") or `lẻ`. */
export type ZeroTens = 'linh' | 'lẻ';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/**
 * One group of three digits (0–999). `full` reads the hundreds even when they are zero ("không trăm"), as every
 * group after the first one of a number does: 1.000.005 is "một triệu không trăm linh năm".
 */
function readGroup(group: number, full: boolean, zeroTens: ZeroTens): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    // "linh" only between a hundreds digit that is read and a unit: 5 alone is "năm", 105 "một trăm linh năm".
    if (units > 0 && words.length > 0) words.push(zeroTens);
    if (units > 0) words.push(DIGITS[units]!);
    return words;
  }
  if (tens === 1) {
    words.push('mười');
    // mười một (never "mốt"), mười bốn (never "tư"), mười lăm.
    if (units === 5) words.push('lăm');
    else if (units > 0) words.push(DIGITS[units]!);
    return words;
  }
  words.push(DIGITS[tens]!, 'mươi');
  if (units === 1) words.push('mốt');
  else if (units === 4) words.push('tư');
  else if (units === 5) words.push('lăm');
  else if (units > 0) words.push(DIGITS[units]!);
  return words;
}

const SCALES = ['', 'nghìn', 'triệu'];

/**
 * A block below one billion (tỷ), read in groups of three: triệu, nghìn, units. Groups that are all zero are left
 * out (1.000.000 is "một triệu", 1.000.023 is "một triệu không trăm hai mươi ba"); `full` says the block follows a
 * higher part, so its first non-zero group reads its hundreds too.
 */
function readBlock(block: number, full: boolean, zeroTens: ZeroTens): string[] {
  const groups = [Math.floor(block / 1_000_000), Math.floor(block / 1000) % 1000, block % 1000];
  const words: string[] = [];
  groups.forEach((group, i) => {
    if (group === 0) return;
    words.push(...readGroup(group, full || words.length > 0, zeroTens));
    const scale = SCALES[2 - i]!;
    if (scale) words.push(scale);
  });
  return words;
}

/**
 * A non-negative safe integer in Vietnamese words, lower case: 0 → "không", 15 → "mười lăm", 21 → "hai mươi mốt",
 * 105 → "một trăm linh năm", 1.005.000 → "một triệu không trăm linh năm nghìn", 2.000.000.000.000 → "hai nghìn
 * tỷ". Billions (tỷ) nest: the count of tỷ is itself read as a number. Throws a RangeError for anything else.
 */
export function readVietnameseNumber(value: number, zeroTens: ZeroTens = 'linh'): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative safe integer: ${value}`);
  if (value === 0) return DIGITS[0]!;
  return read(value, false, zeroTens).join(' ');
}

function read(value: number, full: boolean, zeroTens: ZeroTens): string[] {
  const billions = Math.floor(value / 1_000_000_000);
  const rest = value % 1_000_000_000;
  if (billions === 0) return readBlock(rest, full, zeroTens);
  const words = [...read(billions, full, zeroTens), 'tỷ'];
  if (rest > 0) words.push(...readBlock(rest, true, zeroTens));
  return words;
}
