import { describe, expect, it } from 'vitest';
import { parseLang, parseUrlState, parseView, writeUrlState, type UrlCatalog } from '../../src/state/url-state.ts';
import { DEFAULT_VIEW, type EntityRef } from '../../src/state/state.ts';

const catalog: UrlCatalog = {
  sectorIds: ['mining', 'steel-metals', 'food'],
  corridorIds: ['instc', 'east-west', 'eco-iti'],
  resolve: (id): EntityRef | null =>
    id === 'IR-03'
      ? { kind: 'province', id }
      : id === 'KAZ'
        ? { kind: 'partner', id }
        : id === 'instc'
          ? { kind: 'corridor', id }
          : null,
};

describe('parseUrlState', () => {
  it('gives the defaults for an empty URL, with no notice', () => {
    const { state, notices, hasView } = parseUrlState('', catalog);
    expect(state).toMatchObject({
      lang: 'fa',
      selection: null,
      sectors: null,
      corridors: catalog.corridorIds,
      view: DEFAULT_VIEW,
    });
    expect(Object.values(state.layers).every(Boolean)).toBe(true);
    expect(hasView).toBe(false);
    expect(notices).toEqual([]);
  });

  it('reads every parameter', () => {
    const { state, notices, hasView } = parseUrlState(
      '?lang=en&select=KAZ&layers=links,corridors&sectors=steel-metals,mining&corridors=instc&view=52.5,35.25,5.5',
      catalog,
    );
    expect(notices).toEqual([]);
    expect(state.lang).toBe('en');
    expect(state.selection).toEqual({ kind: 'partner', id: 'KAZ' });
    expect(state.layers).toEqual({
      provinces: false,
      partners: false,
      corridors: true,
      caspian: false,
      links: true,
      places: false,
    });
    expect(state.sectors).toEqual(['mining', 'steel-metals']);
    expect(state.corridors).toEqual(['instc']);
    expect(state.view).toEqual({ center: [52.5, 35.25], zoom: 5.5 });
    expect(hasView).toBe(true);
  });

  it('understands "none" for sectors and corridors', () => {
    const { state } = parseUrlState('?sectors=none&corridors=none', catalog);
    expect(state.sectors).toEqual([]);
    expect(state.corridors).toEqual([]);
  });

  it.each([
    ['?lang=de', 'notice.badLang'],
    ['?select=IR-99', 'notice.badSelect'],
    ['?layers=provinces,<script>', 'notice.badLayers'],
    ['?sectors=mining,oil', 'notice.badSectors'],
    ['?corridors=silk-road', 'notice.badCorridors'],
    ['?view=500,0,3', 'notice.badView'],
    ['?view=58,38', 'notice.badView'],
    ['?view=58,38,99', 'notice.badView'],
    ['?view=NaN,NaN,NaN', 'notice.badView'],
  ])('%s falls back with %s', (search, notice) => {
    const { notices } = parseUrlState(search, catalog);
    expect(notices).toEqual([notice]);
  });

  it('keeps the known ids of a partly bad list, and treats an all-unknown list as everything', () => {
    expect(parseUrlState('?sectors=mining,oil', catalog).state.sectors).toEqual(['mining']);
    expect(parseUrlState('?sectors=oil', catalog).state.sectors).toBeNull();
  });

  it('ignores a malformed time range or metric with a notice', () => {
    const parsed = parseUrlState('?time=2025-10-31..2025-08-01&metric=<b>x</b>', catalog);
    expect(parsed.state.time).toEqual({ from: null, to: null, undated: true });
    expect(parsed.state.metric).toBe('activity');
    expect(parsed.notices).toEqual(['notice.badTime', 'notice.badMetric']);
  });

  it('reads the language alone before the data is loaded', () => {
    expect(parseLang('?lang=en&select=x')).toBe('en');
    expect(parseLang('?lang=xx')).toBe('fa');
  });
});

describe('writeUrlState', () => {
  it('round-trips every parameter and keeps parameters it does not own', () => {
    const { state } = parseUrlState(
      '?lang=en&select=instc&layers=links&sectors=food&corridors=eco-iti,instc&time=2025-08-01..2025-10-31~&metric=links&view=60,40,4',
      catalog,
    );
    expect(state.time).toEqual({ from: '2025-08-01', to: '2025-10-31', undated: false });
    expect(state.metric).toBe('links');
    const search = writeUrlState('?embed=1', state, catalog.corridorIds);
    expect(new URLSearchParams(search).get('embed')).toBe('1');
    const again = parseUrlState(search, catalog);
    expect(again.notices).toEqual([]);
    expect(again.state).toEqual(state);
  });

  it('leaves out values that are the defaults', () => {
    const { state } = parseUrlState('', catalog);
    const params = new URLSearchParams(writeUrlState('', state, catalog.corridorIds));
    expect([...params.keys()].sort()).toEqual(['lang', 'view']);
  });
});

describe('parseView', () => {
  it('accepts a view inside the map extent', () =>
    expect(parseView('58,38,3.5')).toEqual({ center: [58, 38], zoom: 3.5 }));
  it('rejects one outside', () => expect(parseView('-30,38,3.5')).toBeNull());
});

describe('story, scene and page options', () => {
  const catalog = {
    sectorIds: [],
    corridorIds: ['instc'],
    resolve: () => null,
  };
  it('reads the story and its scene, and writes them back', () => {
    const parsed = parseUrlState('?story=east-azerbaijan&scene=3', catalog);
    expect(parsed.state.story).toEqual({ id: 'east-azerbaijan', scene: 3 });
    expect(parsed.notices).toEqual([]);
    const written = new URLSearchParams(writeUrlState('', parsed.state, ['instc']));
    expect([written.get('story'), written.get('scene')]).toEqual(['east-azerbaijan', '3']);
    expect(
      new URLSearchParams(writeUrlState('?story=x&scene=2', { ...parsed.state, story: null }, ['instc'])).has('story'),
    ).toBe(false);
  });
  it('refuses a malformed story with a notice, and reads a bad scene as the first', () => {
    expect(parseUrlState('?story=<img>', catalog)).toMatchObject({
      state: { story: null },
      notices: ['notice.badStory'],
    });
    expect(parseUrlState('?story=a&scene=-2', catalog).state.story).toEqual({ id: 'a', scene: 1 });
  });
  it('reads the page options: embed, title (embeds only, at most 120 characters), legend and origins', () => {
    const page = parseUrlState(
      `?embed=1&title=${'x'.repeat(200)}&legend=0&origins=https://a.example/,nope`,
      catalog,
    ).page;
    expect(page).toEqual({ embed: true, title: 'x'.repeat(120), legend: false, origins: ['https://a.example'] });
    expect(parseUrlState('?title=T', catalog).page).toEqual({ embed: false, title: null, legend: true, origins: null });
  });
});

describe('compare (two periods side by side)', () => {
  const link = '2024-01-01..2024-12-31~2025-01-01..2025-12-31';

  it('reads two periods, writes them back readably and round-trips', () => {
    const { state, notices } = parseUrlState(`?compare=${link}`, catalog);
    expect(notices).toEqual([]);
    expect(state.compare).toEqual({
      a: { from: '2024-01-01', to: '2024-12-31' },
      b: { from: '2025-01-01', to: '2025-12-31' },
    });
    const search = writeUrlState('', state, catalog.corridorIds);
    expect(search).toContain(`compare=${link}`);
    expect(parseUrlState(search, catalog).state).toEqual(state);
  });

  it('is absent by default and left out of the URL when not comparing', () => {
    expect(parseUrlState('', catalog).state.compare).toBeNull();
    expect(parseUrlState('?compare=', catalog).notices).toEqual([]);
  });

  it.each([
    ['overlapping periods', '2024-01-01..2024-12-31~2024-12-31..2025-12-31'],
    ['a reversed period', '2024-12-31..2024-01-01~2025-01-01..2025-12-31'],
    ['one period', '2024-01-01..2024-12-31'],
    ['an open end', '2024-01-01..~2025-01-01..2025-12-31'],
    ['an impossible day', '2024-01-01..2024-02-30~2025-01-01..2025-12-31'],
    ['three periods', `${link}~2026-01-01..2026-12-31`],
    ['markup', '<b>x</b>'],
  ])('drops %s with a notice', (_, raw) => {
    const parsed = parseUrlState(`?${new URLSearchParams({ compare: raw })}`, catalog);
    expect(parsed.state.compare).toBeNull();
    expect(parsed.notices).toEqual(['notice.badCompare']);
  });
});
