// Search over provinces, partners, corridors and places in either language, tolerant of Arabic
// and Persian letter variants (ي/ی, ك/ک, ة/ه, أ/ا), diacritics, ZWNJ and letter case.
import type { AtlasData } from '../core/atlas.ts';
import type { Bilingual } from '../core/geodata.ts';
import type { EntityRef } from '../state/state.ts';
import { normaliseForSearch } from '../core/text.ts';

export { normaliseForSearch } from '../core/text.ts';

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
    ...atlas.provinces.map((p) =>
      entry({ kind: 'province', id: p.id }, p.name, [p.capital.name.fa, p.capital.name.en]),
    ),
    ...atlas.partners.map((p) => entry({ kind: 'partner', id: p.id }, p.name, [p.capital.name.fa, p.capital.name.en])),
    ...atlas.corridors.map((c) => entry({ kind: 'corridor', id: c.id }, c.name, [c.shortName.fa, c.shortName.en])),
    ...atlas.places
      .filter((p) => p.kind === 'port' || p.kind === 'border')
      .map((p) => entry({ kind: 'place', id: p.id }, p.name)),
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
