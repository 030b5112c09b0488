import { describe, expect, it } from 'vitest';
import {
  activityClass,
  arcLinks,
  entityBounds,
  filteredFacts,
  filteredLinks,
  groupLinks,
  linkSector,
  provinceActivity,
  resolveEntity,
  sectorCounts,
} from '../../src/model/selectors.ts';
import { initialState } from '../../src/state/state.ts';
import { builtAtlas } from './dataset/fixture.ts';

const { atlas } = builtAtlas();
const base = initialState(
  'en',
  atlas.corridors.map((c) => c.id),
);

describe('sector filter', () => {
  it('keeps every link with no filter', () => {
    expect(filteredLinks(base, atlas)).toHaveLength(atlas.links.length);
  });

  it('keeps only links with an active sector', () => {
    const steel = filteredLinks({ ...base, sectors: ['steel-metals'] }, atlas)
      .map((l) => l.id)
      .sort();
    expect(steel).toEqual([
      'imidro-uzb-meeting',
      'iran-kaz-sponge-iron-plant',
      'iran-uzb-sponge-iron-contracts',
      'iran-uzb-steel-plants',
      'iran-uzb-steel-purchase',
    ]);
    expect(filteredLinks({ ...base, sectors: [] }, atlas)).toEqual([]);
  });

  it('draws arcs only for links with a foreign end, and rings for group links and meetings among Iranians', () => {
    expect(arcLinks(base, atlas).every((l) => l.targetPosition !== null)).toBe(true);
    expect(groupLinks(base, atlas).map((l) => l.id)).toEqual(['ea-kaz-video-call', 'rk-provincial-diplomacy']);
    expect(arcLinks({ ...base, layers: { ...base.layers, links: false } }, atlas)).toEqual([]);
  });

  it('returns the same array for the same filter, so layers keep their data', () => {
    expect(arcLinks(base, atlas)).toBe(arcLinks({ ...base }, atlas));
  });
});

describe('province activity', () => {
  it('counts facts and links per province under the filter', () => {
    const all = provinceActivity(base, atlas);
    expect(all.get('IR-03')).toBeGreaterThan(10);
    expect(all.get('IR-27')).toBe(0); // Golestan: no sourced facts
    const mining = provinceActivity({ ...base, sectors: ['mining'] }, atlas);
    expect(mining.get('IR-03')).toBeGreaterThan(0);
    expect(provinceActivity({ ...base, sectors: ['steel-metals'] }, atlas).get('IR-15')).toBe(0); // Lorestan: no steel
  });

  it('keeps its cached result when sector counts are computed', () => {
    const before = provinceActivity(base, atlas);
    sectorCounts(atlas); // the first call in this file: it must not evict the cached activity
    expect(provinceActivity(base, atlas)).toBe(before);
  });

  it('counts nothing national in Tehran: IMIDRO and Iran as a whole are an entity of their own', () => {
    expect(provinceActivity(base, atlas).get('IR-23')).toBe(0);
  });

  it('maps counts to classes', () => {
    expect([0, 1, 2, 3, 6, 10, 15, 40].map(activityClass)).toEqual([0, 1, 1, 2, 3, 4, 5, 5]);
  });
});

describe('time filter and metric', () => {
  it('keeps links dated inside the range, and undated ones only when asked', () => {
    const autumn = filteredLinks({ ...base, time: { from: '2025-10-01', to: '2025-10-31', undated: false } }, atlas);
    expect(autumn.length).toBeGreaterThan(0);
    expect(autumn.every((l) => l.date !== null && l.date >= '2025-10-01' && l.date <= '2025-10-31')).toBe(true);
    const undatedOnly = filteredLinks({ ...base, time: { from: '2030-01-01', to: null, undated: true } }, atlas);
    expect(undatedOnly.length).toBeGreaterThan(0);
    expect(undatedOnly.every((l) => l.date === null)).toBe(true);
    expect(filteredFacts({ ...base, time: { from: null, to: '2025-08-25', undated: false } }, atlas)).toEqual([]);
  });

  it('fills provinces by facts, links or both', () => {
    const both = provinceActivity(base, atlas).get('IR-03')!;
    const facts = provinceActivity({ ...base, metric: 'facts' }, atlas).get('IR-03')!;
    const links = provinceActivity({ ...base, metric: 'links' }, atlas).get('IR-03')!;
    expect(facts).toBeGreaterThan(0);
    expect(links).toBeGreaterThan(0);
    expect(facts + links).toBe(both);
  });

  it('narrows province activity with the time range', () => {
    const none = provinceActivity({ ...base, time: { from: '2030-01-01', to: null, undated: false } }, atlas);
    expect([...none.values()].every((n) => n === 0)).toBe(true);
  });
});

describe('sector counts', () => {
  it('counts facts, links and provinces per sector', () => {
    const steel = sectorCounts(atlas).get('steel-metals')!;
    expect(steel.links).toBe(5);
    expect(steel.facts).toBeGreaterThanOrEqual(5);
    expect(steel.provinces).toBe(0); // all steel records are Iran as a whole's or IMIDRO's, not a province's
  });
});

describe('linkSector', () => {
  const meeting = atlas.links.find((l) => l.id === 'imidro-uzb-meeting')!; // steel, mining, engineering
  it('is neutral for several sectors and picks the one the filter keeps', () => {
    expect(linkSector(meeting, null)).toBeNull();
    expect(linkSector(meeting, ['mining', 'food'])).toBe('mining');
    expect(
      linkSector(
        atlas.links.find((l) => l.id === 'ea-kaz-mining')!,
        null,
      ),
    ).toBe('mining');
  });
});

describe('resolveEntity and entityBounds', () => {
  it.each([
    ['IR-03', 'province'],
    ['KAZ', 'partner'],
    ['instc', 'corridor'],
    ['fars-uzb-delegation', 'link'],
    ['bandar-anzali--aktau', 'route'],
    ['bandar-anzali', 'place'],
    ['imidro', 'organisation'],
    ['IRN', 'national'],
  ])('%s is a %s', (id, kind) => expect(resolveEntity(id, atlas)).toEqual({ kind, id }));

  it('does not resolve unknown ids', () => expect(resolveEntity('<img>', atlas)).toBeNull());

  it('finds somewhere to fly for places and areas', () => {
    expect(entityBounds({ kind: 'province', id: 'IR-03' }, atlas)).toHaveLength(4);
    expect(entityBounds({ kind: 'place', id: 'bandar-anzali' }, atlas)).toEqual([49.458, 37.473]);
    expect(entityBounds({ kind: 'national', id: 'IRN' }, atlas)).toHaveLength(4);
  });
});
