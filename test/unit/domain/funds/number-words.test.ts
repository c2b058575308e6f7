// The amount-in-words readers: Vietnamese (the tricky one: linh/lẻ, mốt, lăm, tư, mươi/mười, "không trăm" in
// inner groups, nested tỷ) and British English, over hand-picked numbers and a round trip over random ones.
import fc from 'fast-check';
import { amountInWords } from '../../../../domain/funds/amount-in-words';
import { readEnglishNumber } from '../../../../domain/funds/read-english-number';
import { readVietnameseNumber } from '../../../../domain/funds/read-vietnamese-number';

describe('readVietnameseNumber', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [91, 'chín mươi mốt'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [1000, 'một nghìn'],
    [1001, 'một nghìn không trăm linh một'],
    [1010, 'một nghìn không trăm mười'],
    [1015, 'một nghìn không trăm mười lăm'],
    [1021, 'một nghìn không trăm hai mươi mốt'],
    [1100, 'một nghìn một trăm'],
    [10_000, 'mười nghìn'],
    [15_000, 'mười lăm nghìn'],
    [21_000, 'hai mươi mốt nghìn'],
    [100_000, 'một trăm nghìn'],
    [105_000, 'một trăm linh năm nghìn'],
    [1_000_000, 'một triệu'],
    [1_000_005, 'một triệu không trăm linh năm'],
    [1_000_123, 'một triệu một trăm hai mươi ba'],
    [1_005_000, 'một triệu không trăm linh năm nghìn'],
    [1_050_000, 'một triệu không trăm năm mươi nghìn'],
    [2_000_500, 'hai triệu năm trăm'],
    [10_000_001, 'mười triệu không trăm linh một'],
    [60_000_000, 'sáu mươi triệu'],
    [100_000_000, 'một trăm triệu'],
    [811_500_000, 'tám trăm mười một triệu năm trăm nghìn'],
    [1_000_000_000, 'một tỷ'],
    [1_000_000_005, 'một tỷ không trăm linh năm'],
    [1_500_000_000, 'một tỷ năm trăm triệu'],
    [1_560_000_000, 'một tỷ năm trăm sáu mươi triệu'],
    [3_051_500_000, 'ba tỷ không trăm năm mươi mốt triệu năm trăm nghìn'],
    [15_000_000_000, 'mười lăm tỷ'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [1_000_500_000_000, 'một nghìn tỷ năm trăm triệu'],
    [
      1_234_567_891_011,
      'một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi mốt nghìn không trăm mười một',
    ],
    [
      Number.MAX_SAFE_INTEGER,
      'chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi tư triệu bảy trăm bốn mươi nghìn chín trăm chín mươi mốt',
    ],
  ])('%d → %s', (n, words) => {
    expect(readVietnameseNumber(n)).toBe(words);
  });

  it('reads a zero tens digit as "lẻ" when asked (southern usage)', () => {
    expect(readVietnameseNumber(105, 'lẻ')).toBe('một trăm lẻ năm');
    expect(readVietnameseNumber(2_001_004, 'lẻ')).toBe('hai triệu không trăm lẻ một nghìn không trăm lẻ bốn');
  });

  it('refuses negative, fractional, unsafe and non-finite numbers', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
      expect(() => readVietnameseNumber(bad)).toThrow(RangeError);
  });

  /** An independent reader of the words back into a number, to check the value of any reading. */
  function parseVietnamese(words: string): number {
    const digits: Record<string, number> = {
      không: 0,
      một: 1,
      mốt: 1,
      hai: 2,
      ba: 3,
      bốn: 4,
      tư: 4,
      năm: 5,
      lăm: 5,
      sáu: 6,
      bảy: 7,
      tám: 8,
      chín: 9,
    };
    let total = 0; // whole tỷ
    let below = 0; // triệu and nghìn below the last tỷ
    let group = 0; // the group being read
    let last = 0; // the last digit read, which mươi and trăm multiply
    for (const word of words.split(' ')) {
      if (word in digits) {
        last = digits[word]!;
        group += last;
      } else if (word === 'mười') {
        group += 10;
        last = 0;
      } else if (word === 'mươi') {
        group += last * 9;
        last = 0;
      } else if (word === 'trăm') {
        group += last * 99;
        last = 0;
      } else if (word === 'nghìn' || word === 'triệu') {
        below += group * (word === 'nghìn' ? 1000 : 1_000_000);
        group = 0;
      } else if (word === 'tỷ') {
        total = (total + below + group) * 1_000_000_000;
        below = 0;
        group = 0;
      } else if (word !== 'linh') throw new Error(`unknown word ${word}`);
    }
    return total + below + group;
  }

  it('reads any amount below a million billion dong to words that mean it, in the idiomatic forms', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.integer({ min: 0, max: 100_000_000 })),
        (n) => {
          const words = readVietnameseNumber(n);
          expect(parseVietnamese(words)).toBe(n);
          // mốt/lăm/tư after "mươi", một/lăm/bốn after "mười", "mươi" never after một, nothing starts with a zero part.
          expect(words).not.toMatch(
            /mươi một\b|mươi năm\b|mươi bốn\b|mười mốt|mười năm\b|mười tư|một mươi|linh mốt|linh lăm|^không |^linh| {2}/,
          );
          expect(words).not.toMatch(/(nghìn|triệu|tỷ) (nghìn|triệu)/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('readEnglishNumber', () => {
  it.each([
    [0, 'zero'],
    [5, 'five'],
    [13, 'thirteen'],
    [21, 'twenty-one'],
    [100, 'one hundred'],
    [105, 'one hundred and five'],
    [1000, 'one thousand'],
    [1005, 'one thousand and five'],
    [1100, 'one thousand one hundred'],
    [1_000_001, 'one million and one'],
    [100_000_000, 'one hundred million'],
    [3_051_500_000, 'three billion fifty-one million five hundred thousand'],
    [2_000_000_000_000, 'two trillion'],
  ])('%d → %s', (n, words) => {
    expect(readEnglishNumber(n)).toBe(words);
  });

  it('refuses what is not a non-negative safe integer', () => {
    for (const bad of [-1, 0.5, Number.NaN]) expect(() => readEnglishNumber(bad)).toThrow(RangeError);
  });
});

describe('amountInWords', () => {
  it('says an amount of dong as a sentence in each language', () => {
    expect(amountInWords(100_000_000, 'vi')).toBe('Một trăm triệu đồng');
    expect(amountInWords(100_000_000, 'en')).toBe('One hundred million dong');
    expect(amountInWords(60_000_000, 'vi')).toBe('Sáu mươi triệu đồng');
    expect(amountInWords(0, 'vi')).toBe('Không đồng');
  });
});
