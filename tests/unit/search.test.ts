import { describe, expect, it } from 'vitest';
import { buildSearchIndex, normaliseForSearch, search } from '../../src/model/search.ts';
import { builtAtlas } from './dataset/fixture.ts';

const index = buildSearchIndex(builtAtlas().atlas);
const first = (query: string) => search(index, query)[0]?.ref;

describe('normaliseForSearch', () => {
  it('unifies Arabic and Persian letter variants', () => {
    expect(normaliseForSearch('كرمان')).toBe(normaliseForSearch('کرمان'));
    expect(normaliseForSearch('آذربايجان شرقي')).toBe(normaliseForSearch('آذربایجان شرقی'));
  });

  it('ignores ZWNJ, diacritics, case and punctuation', () => {
    expect(normaliseForSearch('خرم‌آباد')).toBe(normaliseForSearch('خرمآباد'));
    expect(normaliseForSearch('Ürümqi')).toBe('urumqi');
    expect(normaliseForSearch('  East–West  ')).toBe('east west');
  });
});

describe('search', () => {
  it('finds provinces, partners, corridors and ports in either language', () => {
    expect(first('آذربايجان شرقي')).toEqual({ kind: 'province', id: 'IR-03' });
    expect(first('east azer')).toEqual({ kind: 'province', id: 'IR-03' });
    expect(first('قزاقستان')).toEqual({ kind: 'partner', id: 'KAZ' });
    expect(first('Kazakh')).toEqual({ kind: 'partner', id: 'KAZ' });
    expect(first('ECO')).toEqual({ kind: 'corridor', id: 'eco-iti' });
    expect(first('انزلی')).toEqual({ kind: 'place', id: 'bandar-anzali' });
  });

  it('finds a province by its capital, with or without ZWNJ', () => {
    expect(first('خرمآباد')).toEqual({ kind: 'province', id: 'IR-15' });
    expect(first('Mashhad')).toEqual({ kind: 'province', id: 'IR-09' });
  });

  it('returns nothing for an empty or unmatched query', () => {
    expect(search(index, '   ')).toEqual([]);
    expect(search(index, 'zzzz')).toEqual([]);
  });
});
