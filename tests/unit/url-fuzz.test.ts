// Property tests of the URL parser against hostile input: it never throws, always yields a drawable state, and round-trips.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseLang,
  parseUrlState,
  parseView,
  writeUrlState,
  type ParsedUrl,
  type UrlCatalog,
} from '../../src/state/url-state.ts';
import { isValidState, stateProblems } from '../support/state-check.ts';
import { resolveEntity } from '../../src/model/selectors.ts';
import type { AppState } from '../../src/state/state.ts';
import { builtAtlas } from './dataset/fixture.ts';

const { atlas } = builtAtlas();
const catalog: UrlCatalog = {
  sectorIds: atlas.sectors.map((s) => s.id),
  corridorIds: atlas.corridors.map((c) => c.id),
  resolve: (id) => resolveEntity(id, atlas),
};
const entityIds = [
  'IRN',
  ...[
    atlas.provinces,
    atlas.partners,
    atlas.corridors,
    atlas.links,
    atlas.caspianRoutes,
    atlas.places,
    atlas.organisations,
    atlas.groups,
  ].flatMap((items) => items.map((i) => i.id)),
];
const locale = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../src/core/i18n/locales/${lang}.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;
const [en, fa] = [locale('en'), locale('fa')];

const OWNED = [
  'lang',
  'select',
  'layers',
  'sectors',
  'corridors',
  'time',
  'metric',
  'view',
  'story',
  'scene',
  'compare',
];
const RUNS = { numRuns: 400 };

// --- Arbitraries: names and values an attacker or a mangled link might put in the query. ---

const hostile = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'toString',
  'NaN',
  'NaN,NaN,NaN',
  'Infinity,-Infinity,1e400',
  '1e309',
  '-0',
  '0x3A',
  '9'.repeat(400),
  `${'9'.repeat(40)},${'1'.repeat(40)},3`,
  '58,37.5,3.6,1',
  '58,,3',
  ',,',
  ',',
  ' , , ',
  'none',
  'NONE',
  ' none ',
  '..',
  '..~',
  '~',
  '2025-02-30..2025-03-01',
  '2025-10-31..2025-08-01',
  '2024-01-01..2024-12-31~2024-06-01..2025-12-31',
  '2024-01-01..2024-12-31~~2025-01-01..2025-12-31',
  '99999-01-01..',
  '%',
  '%%',
  '%ZZ',
  '%E0%A4%A',
  '%00',
  '%2C%2C',
  '%FF%FE',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202E',
  'ک',
  'ي',
  '١٢٣',
  '+',
  '&',
  '=',
  '#',
);
const knownToken = fc.constantFrom(
  ...catalog.sectorIds,
  ...catalog.corridorIds,
  ...entityIds,
  'fa',
  'en',
  'activity',
  'facts',
  'links',
  'provinces',
  'partners',
  'caspian',
  'places',
);
const number = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.tuple(fc.double({ min: -200, max: 200, noNaN: true }), fc.nat(8)).map(([x, digits]) => x.toFixed(digits)),
);
const isoDay = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** Views inside the map's extent and zoom range, at any precision, so round trips also see real cameras. */
const goodView = fc
  .tuple(
    fc.double({ min: 15, max: 100, noNaN: true }),
    fc.double({ min: 3, max: 62, noNaN: true }),
    fc.double({ min: 1.5, max: 10, noNaN: true }),
    fc.nat(12),
  )
  .map(([lon, lat, zoom, digits]) => [lon, lat, zoom].map((x) => x.toFixed(digits)).join(','));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string(),
  fc.string({ unit: fc.oneof(fc.constantFrom('%', ',', '.', '~', '&', '=', '+', ' ', '-'), loneSurrogate) }),
);
const token = fc.oneof(knownToken, hostile, number, text, isoDay);
const value = fc.oneof(
  token,
  fc.array(token, { maxLength: 6 }).map((parts) => parts.join(',')),
  fc.tuple(number, number, number).map((parts) => parts.join(',')),
  goodView,
  fc
    .tuple(fc.option(isoDay), fc.option(isoDay), fc.boolean())
    .map(([from, to, hide]) => `${from ?? ''}..${to ?? ''}${hide ? '~' : ''}`),
  // Two periods (compare=), overlapping or not, in either order.
  fc.tuple(isoDay, isoDay, isoDay, isoDay).map(([a, b, c, d]) => `${a}..${b}~${c}..${d}`),
  fc.tuple(knownToken, fc.constantFrom(' ', '\t', '%20', '+', ',')).map(([id, pad]) => pad + id + pad),
);
const name = fc.oneof(
  fc.constantFrom(...OWNED),
  fc.constantFrom(...OWNED).map((n) => n.toUpperCase()),
  fc.constantFrom('embed', 'origins', 'legend', 'title'),
  hostile,
  text,
);
/** One `name=value` pair, written raw, percent-encoded, or without `=`. */
const pair = fc
  .tuple(name, value, fc.constantFrom('raw', 'encoded', 'bare'))
  .map(([n, v, form]) =>
    form === 'bare' ? n : form === 'raw' ? `${n}=${v}` : new URLSearchParams([[n, v]]).toString(),
  );
const search = fc.oneof(
  fc
    .tuple(fc.constantFrom('?', '', '??', '?&'), fc.array(pair, { maxLength: 10 }), fc.constantFrom('&', '&&', ';'))
    .map(([lead, pairs, sep]) => lead + pairs.join(sep)),
  text,
  hostile,
);

// --- Properties ---

function expectSound(parsed: ParsedUrl, input: string): void {
  expect(stateProblems(parsed.state, catalog), input).toEqual([]);
  expect(new Set(parsed.notices).size).toBe(parsed.notices.length);
  for (const key of parsed.notices) {
    expect(en[key], key).toBeTypeOf('string');
    expect(fa[key], key).toBeTypeOf('string');
  }
  const rawView = new URLSearchParams(input).get('view');
  expect(parsed.hasView).toBe(rawView !== null && parseView(rawView) !== null);
}

/** The view goes into the URL rounded (3 decimals of a degree, 2 of a zoom level); everything else exactly. */
function expectSameState(again: AppState, state: AppState): void {
  expect({ ...again, view: null }).toEqual({ ...state, view: null });
  expect(Math.abs(again.view.center[0] - state.view.center[0])).toBeLessThanOrEqual(0.0005 + 1e-9);
  expect(Math.abs(again.view.center[1] - state.view.center[1])).toBeLessThanOrEqual(0.0005 + 1e-9);
  expect(Math.abs(again.view.zoom - state.view.zoom)).toBeLessThanOrEqual(0.005 + 1e-9);
}

describe('parseUrlState under fuzzing', () => {
  it('never throws and always returns a valid state, with notices that exist in both languages', () => {
    fc.assert(
      fc.property(search, (input) => {
        expectSound(parseUrlState(input, catalog), input);
        expect(['fa', 'en']).toContain(parseLang(input));
      }),
      { numRuns: 1500 },
    );
  });

  it('also on any string at all, unicode or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: loneSurrogate })), (input) =>
        expectSound(parseUrlState(input, catalog), input),
      ),
      RUNS,
    );
  });

  it('round-trips: what it writes parses back to the same state with no notice, and writing again changes nothing', () => {
    fc.assert(
      fc.property(search, (input) => {
        const { state } = parseUrlState(input, catalog);
        const written = writeUrlState(input, state, catalog.corridorIds);
        const again = parseUrlState(written, catalog);
        expect(again.notices, written).toEqual([]);
        expectSameState(again.state, state);
        expect(writeUrlState(written, again.state, catalog.corridorIds)).toBe(written);
        // Parameters the atlas does not own (embed, story, ...) are kept as they were.
        const [before, after] = [new URLSearchParams(input), new URLSearchParams(written)];
        for (const key of new Set(before.keys()))
          if (!OWNED.includes(key)) expect(after.getAll(key)).toEqual(before.getAll(key));
      }),
      { numRuns: 1000 },
    );
  });

  it('hides every sector or corridor only when the link says "none"', () => {
    fc.assert(
      fc.property(fc.constantFrom('sectors', 'corridors'), value, (param, raw) => {
        const { state, notices } = parseUrlState(new URLSearchParams([[param, raw]]).toString(), catalog);
        const list = param === 'sectors' ? state.sectors : state.corridors;
        if (list !== null && list.length === 0) expect(raw.trim()).toBe('none');
        if (notices.length === 0 && raw.trim() !== 'none' && raw.trim() !== '') expect(list?.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

describe('the validator', () => {
  const valid = parseUrlState(
    '?lang=en&select=IR-03&sectors=mining&corridors=instc&time=2025-01-01..2025-02-01~&metric=facts&view=58,38,4',
    catalog,
  ).state;

  it('accepts a state parsed from a good link', () => expect(isValidState(valid, catalog)).toBe(true));

  it.each<[string, Partial<Omit<AppState, 'hover'>>]>([
    ['a language', { lang: 'de' as never }],
    ['a view outside the region', { view: { center: [-30, 38], zoom: 4 } }],
    ['a NaN view', { view: { center: [Number.NaN, 38], zoom: 4 } }],
    ['a zoom out of range', { view: { center: [58, 38], zoom: 99 } }],
    ['an unknown sector', { sectors: ['mining', 'oil'] }],
    ['a repeated corridor', { corridors: ['instc', 'instc'] }],
    ['an unresolvable selection', { selection: { kind: 'province', id: 'IR-99' } }],
    ['a selection of the wrong kind', { selection: { kind: 'partner', id: 'IR-03' } }],
    ['a reversed time range', { time: { from: '2025-03-01', to: '2025-01-01', undated: true } }],
    ['an impossible date', { time: { from: '2025-02-30', to: null, undated: true } }],
    ['an unknown metric', { metric: 'gdp' as never }],
    ['a missing layer', { layers: { provinces: true } as never }],
    [
      'overlapping periods to compare',
      { compare: { a: { from: '2024-01-01', to: '2024-12-31' }, b: { from: '2024-12-01', to: '2025-12-31' } } },
    ],
    [
      'a reversed period to compare',
      { compare: { a: { from: '2024-12-31', to: '2024-01-01' }, b: { from: '2025-01-01', to: '2025-12-31' } } },
    ],
  ])('rejects %s', (_, change) => expect(isValidState({ ...valid, ...change }, catalog)).toBe(false));
});
