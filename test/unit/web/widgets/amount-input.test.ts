// The amount input's text and caret logic, as a person types, deletes and pastes.
import fc from 'fast-check';
import { editAmountText } from '../../../../web/shared/widgets/edit-amount-text';
import { groupDigits } from '../../../../web/shared/widgets/format-amount';

describe('groupDigits', () => {
  it('groups thousands with a dot in Vietnamese and a comma in English, however many digits are typed', () => {
    expect(groupDigits('1000000', 'vi')).toBe('1.000.000');
    expect(groupDigits('1000000', 'en')).toBe('1,000,000');
    expect(groupDigits('100', 'vi')).toBe('100');
    expect(groupDigits('0', 'en')).toBe('0');
    expect(groupDigits('999999999999999', 'vi')).toBe('999.999.999.999.999');
  });
});

describe('editAmountText', () => {
  it('groups the digits as they are typed, the caret after the digit just typed', () => {
    expect(editAmountText('', '1', 1, 'vi')).toEqual({ digits: '1', text: '1', caret: 1, refused: null });
    expect(editAmountText('1.000', '1.0000', 6, 'vi')).toEqual({
      digits: '10000',
      text: '10.000',
      caret: 6,
      refused: null,
    });
    expect(editAmountText('100,000', '100,0000', 8, 'en')).toMatchObject({ text: '1,000,000', caret: 9 });
  });

  it('keeps the caret after the same digits when a digit is typed in the middle', () => {
    // 1|.000 → type 5 → 15|.000
    expect(editAmountText('1.000', '15.000', 2, 'vi')).toMatchObject({ text: '15.000', caret: 2 });
    // 1|00.000 → type 2 → 1.2|00.000
    expect(editAmountText('100.000', '1200.000', 2, 'vi')).toMatchObject({ text: '1.200.000', caret: 3 });
    // 1.00|0.000 → delete the 0 before the caret → 10|0.000
    expect(editAmountText('1.000.000', '1.00.000', 3, 'vi', 'deleteContentBackward')).toMatchObject({
      text: '100.000',
      caret: 2,
    });
  });

  it('takes the digit beyond a separator for Backspace or Delete on it', () => {
    // 12.|345 Backspace removes the "." in the browser; the widget takes the 2 instead → 1|.345
    expect(editAmountText('12.345', '12345', 2, 'vi', 'deleteContentBackward')).toMatchObject({
      digits: '1345',
      text: '1.345',
      caret: 1,
    });
    // 12|.345 Delete → the 3 goes → 1.2|45
    expect(editAmountText('12.345', '12345', 2, 'vi', 'deleteContentForward')).toMatchObject({
      digits: '1245',
      text: '1.245',
      caret: 3,
    });
  });

  it('drops leading zeros, spaces and the thousands separator, and accepts a pasted amount', () => {
    expect(editAmountText('', '0005', 4, 'vi')).toMatchObject({ digits: '5', text: '5', caret: 1 });
    expect(editAmountText('', '0', 1, 'vi')).toMatchObject({ digits: '0', text: '0', caret: 1 });
    expect(editAmountText('', '1 000 000', 9, 'vi')).toMatchObject({ digits: '1000000', text: '1.000.000', caret: 9 });
    expect(editAmountText('', '100.000.000', 11, 'vi')).toMatchObject({ digits: '100000000', text: '100.000.000' });
    expect(editAmountText('', '60,000,000', 10, 'en')).toMatchObject({ digits: '60000000', text: '60,000,000' });
    expect(editAmountText('5', '', 0, 'vi')).toEqual({ digits: '', text: '', caret: 0, refused: null });
  });

  it('refuses letters, signs, a decimal point and too many digits, keeping the text and the caret', () => {
    expect(editAmountText('1.000', '1.0a00', 4, 'vi')).toEqual({
      digits: '1000',
      text: '1.000',
      caret: 3,
      refused: 'not-a-digit',
    });
    expect(editAmountText('1.000', '-1.000', 1, 'vi')).toMatchObject({
      text: '1.000',
      caret: 0,
      refused: 'not-a-digit',
    });
    expect(editAmountText('1.000', '1.000,5', 7, 'vi')).toMatchObject({ text: '1.000', refused: 'not-a-digit' });
    expect(editAmountText('1,000', '1,000.5', 7, 'en')).toMatchObject({ text: '1,000', refused: 'not-a-digit' });
    expect(editAmountText('100.000.000.000.000', '1000.000.000.000.000', 4, 'vi')).toMatchObject({
      text: '100.000.000.000.000',
      refused: 'too-long',
    });
  });

  it('for any text and caret, shows the grouped digits and keeps as many digits before the caret', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 .]{0,20}$/), fc.nat(), fc.constantFrom<'vi'>('vi'), (raw, at, lang) => {
        const caret = at % (raw.length + 1);
        const edit = editAmountText('', raw, caret, lang);
        const digits = raw.replace(/\D/g, '');
        if (digits.length - (digits.length - digits.replace(/^0+/, '').length) > 15) return;
        const expected = digits.replace(/^0+(?=\d)/, '');
        expect(edit.refused).toBeNull();
        expect(edit.digits).toBe(expected);
        expect(edit.text).toBe(groupDigits(expected, lang));
        const zeros = digits.length - digits.replace(/^0+/, '').length;
        const before = Math.max(0, raw.slice(0, caret).replace(/\D/g, '').length - zeros);
        if (expected !== '0') expect(edit.text.slice(0, edit.caret).replace(/\D/g, '').length).toBe(before);
        expect(edit.caret).toBeLessThanOrEqual(edit.text.length);
      }),
      { numRuns: 1000 },
    );
  });
});
