// Search over provinces, partners, corridors and places in either language, tolerant of Arabic
// and Persian letter variants (ي/ی, ك/ک, ة/ه, أ/ا), diacritics, ZWNJ and letter case.
import type { AtlasData } from '../model/atlas.ts';
import type { Bilingual } from '../model/geodata.ts';
import type { EntityRef } from './state.ts';

const LETTER_VARIANTS: Record<string, string> = {
  'ي': 'ی', 'ى': 'ی', 'ئ': 'ی', 'ك': 'ک', 'ة': 'ه', 'ۀ': 'ه', 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ؤ': 'و',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
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

export interface SearchEntry {
  ref: EntityRef;
  name: Bilingual;
  /** Normalised names in both languages plus the id. */
  keys: string[];
}

export function buildSearchIndex(atlas: AtlasData): SearchEntry[] {
  const entry = (ref: EntityRef, name: Bilingual, extra: string[] = []): SearchEntry => ({
    ref,
    name,
    keys: [name.fa, name.en, ref.id, ...extra].map(normaliseForSearch),
  });
  return [
    ...atlas.provinces.map((p) => entry({ kind: 'province', id: p.id }, p.name, [p.capital.name.fa, p.capital.name.en])),
    ...atlas.partners.map((p) => entry({ kind: 'partner', id: p.id }, p.name, [p.capital.name.fa, p.capital.name.en])),
    ...atlas.corridors.map((c) => entry({ kind: 'corridor', id: c.id }, c.name, [c.shortName.fa, c.shortName.en])),
    ...atlas.places.filter((p) => p.kind === 'port' || p.kind === 'border').map((p) => entry({ kind: 'place', id: p.id }, p.name)),
  ];
}

/** Ranked matches: names that start with the query first, then word starts, then substrings. */
export function search(index: SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const q = normaliseForSearch(query);
  if (!q) return [];
  const score = (entry: SearchEntry): number => {
    let best = 0;
    for (const key of entry.keys) {
      if (key === q) best = Math.max(best, 4);
      else if (key.startsWith(q)) best = Math.max(best, 3);
      else if (key.split(' ').some((word) => word.startsWith(q))) best = Math.max(best, 2);
      else if (key.includes(q)) best = Math.max(best, 1);
    }
    return best;
  };
  return index
    .map((entry) => ({ entry, score: score(entry) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.entry.name.en.localeCompare(b.entry.name.en))
    .slice(0, limit)
    .map((m) => m.entry);
}
