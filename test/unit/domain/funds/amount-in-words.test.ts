// amountInWords as the financial documents print it: the cases an accountant checks first (the readers' own
// idioms are in number-words.test.ts), the edges of the range, and that distinct amounts never read alike.
import fc from 'fast-check';
import { amountInWords } from '../../../../domain/funds/amount-in-words';

const MAX = Number.MAX_SAFE_INTEGER; // 2^53 − 1 = 9.007.199.254.740.991

describe('amountInWords in Vietnamese', () => {
  it.each([
    [0, 'Không đồng'],
    [1, 'Một đồng'],
    [4, 'Bốn đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [100, 'Một trăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [104, 'Một trăm linh bốn đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [115, 'Một trăm mười lăm đồng'],
    [999, 'Chín trăm chín mươi chín đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_005, 'Một nghìn không trăm linh năm đồng'],
    [1_015, 'Một nghìn không trăm mười lăm đồng'],
    [1_100, 'Một nghìn một trăm đồng'],
    [10_000, 'Mười nghìn đồng'],
    [21_000, 'Hai mươi mốt nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [1_000_000, 'Một triệu đồng'],
    [2_500_000, 'Hai triệu năm trăm nghìn đồng'],
    [10_000_000, 'Mười triệu đồng'],
    [50_000_000, 'Năm mươi triệu đồng'],
    [50_005_000, 'Năm mươi triệu không trăm linh năm nghìn đồng'],
    [95_000_000, 'Chín mươi lăm triệu đồng'],
    [100_000_000, 'Một trăm triệu đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_000_000_001, 'Một tỷ không trăm linh một đồng'],
    [1_000_001_000, 'Một tỷ không trăm linh một nghìn đồng'],
    [2_050_000_000, 'Hai tỷ không trăm năm mươi triệu đồng'],
    [2_345_678_901, 'Hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm linh một đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [1_000_000_000_000_000, 'Một triệu tỷ đồng'],
    [
      MAX,
      'Chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi tư triệu bảy trăm bốn mươi nghìn chín trăm chín mươi mốt đồng',
    ],
    [
      MAX - 1,
      'Chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi tư triệu bảy trăm bốn mươi nghìn chín trăm chín mươi đồng',
    ],
  ])('writes %p as "%s"', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
    expect(amountInWords(amount, 'vi')).toBe(words);
  });

  it('reads 999.999.999.999.999 with every group (no rounding near the top of the range)', () => {
    expect(amountInWords(999_999_999_999_999)).toBe(
      'Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
    );
  });
});

describe('amountInWords in English', () => {
  it.each([
    [0, 'Zero dong'],
    [1, 'One dong'],
    [15, 'Fifteen dong'],
    [21, 'Twenty-one dong'],
    [105, 'One hundred and five dong'],
    [1_005, 'One thousand and five dong'],
    [50_005_000, 'Fifty million five thousand dong'],
    [100_000_000, 'One hundred million dong'],
    [1_000_000_001, 'One billion and one dong'],
    [
      MAX,
      'Nine quadrillion seven trillion one hundred and ninety-nine billion two hundred and fifty-four million seven hundred and forty thousand nine hundred and ninety-one dong',
    ],
  ])('writes %p as "%s"', (amount, words) => {
    expect(amountInWords(amount, 'en')).toBe(words);
  });
});

describe('amountInWords refuses what is not an amount', () => {
  it.each([[-1], [1.5], [MAX + 1], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses %p', (amount) => {
    expect(() => amountInWords(amount)).toThrow(RangeError);
    expect(() => amountInWords(amount, 'en')).toThrow(RangeError);
  });
});

describe.each(['vi', 'en'] as const)('amountInWords properties (%s)', (language) => {
  it('is non-empty, capitalised, ends with the currency, and never says "undefined"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), (amount) => {
        const words = amountInWords(amount, language);
        expect(words).toMatch(language === 'vi' ? /^\p{Lu}.* đồng$/u : /^\p{Lu}.* dong$/u);
        expect(words).not.toMatch(/undefined|NaN|\s{2}/);
      }),
    );
  });

  it('gives distinct words to distinct small numbers', () => {
    const small = Array.from({ length: 20_001 }, (_, amount) => amountInWords(amount, language));
    expect(new Set(small).size).toBe(small.length);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 10 ** 12 }), (a, b) => {
        fc.pre(a !== b);
        expect(amountInWords(a, language)).not.toBe(amountInWords(b, language));
      }),
    );
  });
});
