// Browser-safe and DOM-free.
import { groupDigits } from './format-amount';
import type { WidgetLang } from './widget-lang';

/** The most digits an amount may have: 15 (below a million billion dong) keeps every value a safe integer. */
export const MAX_AMOUNT_DIGITS = 15;

export interface AmountEdit {
  /** The digits of the amount, without leading zeros ("" when empty). */
  digits: string;
  /** What the input shows: the digits grouped by thousands. */
  text: string;
  /** Where the caret goes in `text`. */
  caret: number;
  /** The edit was refused (a character that is not a digit, or too many digits): `text` is the previous text. */
  refused: 'not-a-digit' | 'too-long' | null;
}

/**
 * Characters a person may type or paste in an amount besides digits, dropped: spaces and the language's thousands
 * separator. The other separator is the language's decimal point and is refused: an amount of dong is whole, and
 * "1000,5" must not become 10.005.
 */
const IGNORED: Readonly<Record<WidgetLang, RegExp>> = { vi: /[\s.\u00a0\u202f]/g, en: /[\s,\u00a0\u202f]/g };

const digitsBefore = (text: string, end: number) => text.slice(0, end).replace(/\D/g, '').length;

/** The caret position in `text` just after its `count`-th digit (0 → the start). */
function caretAfterDigits(text: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\d/.test(text[i]!)) seen++;
    if (seen === count) return i + 1;
  }
  return text.length;
}

/**
 * The amount input after an edit. `previous` is what the input showed, `raw` what it holds after the browser applied
 * the keystroke or paste, `caret` the browser's caret in `raw`, `inputType` the InputEvent's (when known).
 *
 * The result keeps the caret after the same digits it followed, whatever separators come and go; Backspace (or
 * Delete) on a separator removes the digit beyond it rather than doing nothing; leading zeros are dropped; an edit
 * that brings in anything but digits, spaces and thousands separators (letters, a minus sign, a decimal point) or
 * more than {@link MAX_AMOUNT_DIGITS} digits is refused and the previous text kept.
 */
export function editAmountText(
  previous: string,
  raw: string,
  caret: number,
  lang: WidgetLang,
  inputType?: string,
): AmountEdit {
  const keep = (refused: AmountEdit['refused']): AmountEdit => {
    const digits = previous.replace(/\D/g, '');
    // The caret stays where it was before the refused edit: as many digits in as before it.
    const inserted = raw.length - previous.length;
    return {
      digits,
      text: previous,
      caret: Math.max(0, Math.min(previous.length, caret - Math.max(0, inserted))),
      refused,
    };
  };
  if (/[^\d]/.test(raw.replace(IGNORED[lang], ''))) return keep('not-a-digit');

  let source = raw;
  let sourceCaret = caret;
  const removedOne = raw.length === previous.length - 1 && raw.replace(/\D/g, '') === previous.replace(/\D/g, '');
  if (removedOne && inputType !== 'deleteContentForward' && /\d/.test(raw[caret - 1] ?? '')) {
    // Backspace just after a separator: take the digit before it.
    source = raw.slice(0, caret - 1) + raw.slice(caret);
    sourceCaret = caret - 1;
  } else if (removedOne && inputType === 'deleteContentForward' && /\d/.test(raw[caret] ?? '')) {
    // Delete just before a separator: take the digit after it.
    source = raw.slice(0, caret) + raw.slice(caret + 1);
  }

  const allDigits = source.replace(/\D/g, '');
  const leadingZeros = allDigits.length - allDigits.replace(/^0+/, '').length;
  const digits = allDigits.slice(leadingZeros) || (allDigits.length > 0 ? '0' : '');
  if (digits.length > MAX_AMOUNT_DIGITS) return keep('too-long');
  const text = groupDigits(digits, lang);
  const before = Math.max(0, digitsBefore(source, sourceCaret) - leadingZeros);
  return { digits, text, caret: digits === '0' ? text.length : caretAfterDigits(text, before), refused: null };
}
