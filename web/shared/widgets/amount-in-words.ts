// Browser-safe and DOM-free.
import { readEnglishNumber } from './read-english-number';
import { readVietnameseNumber } from './read-vietnamese-number';
import type { WidgetLang } from './widget-lang';

/** An amount of VND as a sentence-case phrase: "Một trăm triệu đồng", "One hundred million dong". */
export function amountInWords(amount: number, lang: WidgetLang): string {
  const words = lang === 'en' ? `${readEnglishNumber(amount)} dong` : `${readVietnameseNumber(amount)} đồng`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
