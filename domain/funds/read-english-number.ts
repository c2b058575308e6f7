// Browser-safe and DOM-free (domain/): the widgets and the server's documents read amounts the same way.

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'];

/** 1–99: "seven", "forty-two". */
function belowHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const units = n % 10;
  return units === 0 ? TENS[Math.floor(n / 10)]! : `${TENS[Math.floor(n / 10)]}-${ONES[units]}`;
}

/** 1–999, British style: "one hundred and five". */
function readGroup(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return belowHundred(rest);
  return rest === 0 ? `${ONES[hundreds]} hundred` : `${ONES[hundreds]} hundred and ${belowHundred(rest)}`;
}

/**
 * A non-negative safe integer in British English words, lower case: 105 → "one hundred and five", 1,005 → "one
 * thousand and five", 100,000,000 → "one hundred million". Throws a RangeError for anything else.
 */
export function readEnglishNumber(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative safe integer: ${value}`);
  if (value === 0) return ONES[0]!;
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) continue;
    // "and" joins a last group below a hundred to the higher ones: "two million and seven".
    const and = i === 0 && group < 100 && parts.length > 0 ? 'and ' : '';
    parts.push(`${and}${readGroup(group)}${SCALES[i] ? ` ${SCALES[i]}` : ''}`);
  }
  return parts.join(' ');
}
