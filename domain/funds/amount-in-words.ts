import { readEnglishNumber } from './read-english-number';
import { readVietnameseNumber } from './read-vietnamese-number';

/**
 * A whole number of đồng in words, as a sentence: "Một trăm triệu đồng", "One hundred million dong". The one reading
 * of amounts, shared by the form widgets (under the figures being typed) and the financial documents ("Bằng chữ: …"
 * under a total).
 *
 * Vietnamese follows the northern accounting convention (readVietnameseNumber): "linh" for a zero tens digit before
 * a unit (105: "một trăm linh năm", never "lẻ"), "không trăm" for the zero hundreds of an inner group
 * (50.005.000: "năm mươi triệu không trăm linh năm nghìn"), "mốt" and "tư" after "mươi" but "một" and "bốn" after
 * "mười", "lăm" after any tens digit, "nghìn" (not "ngàn"), and a count of tỷ read as a number of its own
 * (1.000.000.000.000: "một nghìn tỷ"). English is British ("one hundred and five"). Every safe integer from 0 to
 * 2^53 − 1 has its words; anything else is a RangeError, since an amount here is never fractional nor negative.
 */
export function amountInWords(amount: number, language: 'vi' | 'en' = 'vi'): string {
  const words = language === 'en' ? `${readEnglishNumber(amount)} dong` : `${readVietnameseNumber(amount)} đồng`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
