// Comparable text: Persian and Arabic letter variants, digits, marks and ZWNJ folded, for search
// and for matching imported names against the gazetteer.

const LETTER_VARIANTS: Record<string, string> = {
  ي: 'ی',
  ى: 'ی',
  ئ: 'ی',
  ك: 'ک',
  ة: 'ه',
  ۀ: 'ه',
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ؤ: 'و',
  '٠': '0',
  '١': '1',
  '٢': '2',
  '٣': '3',
  '٤': '4',
  '٥': '5',
  '٦': '6',
  '٧': '7',
  '٨': '8',
  '٩': '9',
  '۰': '0',
  '۱': '1',
  '۲': '2',
  '۳': '3',
  '۴': '4',
  '۵': '5',
  '۶': '6',
  '۷': '7',
  '۸': '8',
  '۹': '9',
};

/** The comparable form of a string: variants unified, marks, ZWNJ/ZWJ and punctuation removed, spaces folded. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // combining marks: Latin accents, Arabic harakat, madda and hamza
    .replace(/\u200C|\u200D|\u0640/g, '') // ZWNJ, ZWJ, tatweel
    .replace(/./gu, (ch) => LETTER_VARIANTS[ch] ?? ch)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
