import { describe, expect, it } from 'vitest';
import { atlasRecords, DEFAULT_QUERY, queryRecords, type TableQuery } from '../../src/model/table-model.ts';
import { exportRowsOf } from '../../src/features/data-export.ts';
import { initialState } from '../../src/state/state.ts';
import type { Lang } from '../../src/core/i18n/i18n.ts';
import type { PanelContext } from '../../src/model/panel-model.ts';
import { builtAtlas } from './dataset/fixture.ts';

const { atlas } = builtAtlas();
const base = initialState(
  'en',
  atlas.corridors.map((c) => c.id),
);
const context = (lang: Lang): PanelContext => ({ atlas, lang, countryName: () => undefined });
const query = (patch: Partial<TableQuery>): TableQuery => ({ ...DEFAULT_QUERY, ...patch });

describe('table records', () => {
  it('lists every fact, link, corridor and Caspian route with no filter', () => {
    const records = atlasRecords(base, context('en'));
    const count = (kind: string) => records.filter((r) => r.kind === kind).length;
    expect([count('fact'), count('link'), count('corridor'), count('route')]).toEqual([
      atlas.facts.length,
      atlas.links.length,
      6,
      atlas.caspianRoutes.length,
    ]);
    expect(new Set(records.map((r) => r.key)).size).toBe(records.length);
  });

  it('follows the map: sector and time filters, hidden layers and corridors', () => {
    const steel = atlasRecords({ ...base, sectors: ['steel-metals'] }, context('en'));
    expect(
      steel.filter((r) => r.kind === 'link' || r.kind === 'fact').every((r) => r.sectors.includes('steel-metals')),
    ).toBe(true);
    const dated = atlasRecords({ ...base, time: { from: null, to: null, undated: false } }, context('en'));
    expect(dated.every((r) => r.date !== null)).toBe(true);
    const noCorridors = atlasRecords(
      { ...base, corridors: ['instc'], layers: { ...base.layers, caspian: false } },
      context('en'),
    );
    expect(noCorridors.filter((r) => r.kind === 'corridor').map((r) => r.ref?.id)).toEqual(['instc']);
    expect(noCorridors.some((r) => r.kind === 'route')).toBe(false);
  });

  it('filters by kind, province, partner and text (tolerant of Persian letter variants)', () => {
    const records = atlasRecords(base, context('fa'));
    expect(queryRecords(records, query({ kind: 'link' }), 'fa').every((r) => r.kind === 'link')).toBe(true);
    const eastAzerbaijan = queryRecords(records, query({ province: 'IR-03' }), 'fa');
    expect(eastAzerbaijan.length).toBeGreaterThan(5);
    expect(eastAzerbaijan.every((r) => r.provinces.includes('IR-03'))).toBe(true);
    const kazakhstan = queryRecords(records, query({ partner: 'KAZ' }), 'fa');
    expect(kazakhstan.length).toBeGreaterThan(0);
    expect(kazakhstan.every((r) => r.partners.includes('KAZ'))).toBe(true);
    // Arabic kaf and yeh in the query still find قزاقستان and ازبکستان.
    expect(queryRecords(records, query({ text: 'ازبكستان' }), 'fa').length).toBeGreaterThan(0);
    expect(queryRecords(records, query({ text: 'no such thing anywhere' }), 'fa')).toEqual([]);
  });

  it('sorts by date and amount with missing values last, either way', () => {
    const records = atlasRecords(base, context('en'));
    for (const descending of [true, false]) {
      const sorted = queryRecords(records, query({ sort: { column: 'date', descending } }), 'en');
      const dates = sorted.map((r) => r.date);
      const firstNull = dates.indexOf(null);
      expect(dates.slice(firstNull).every((d) => d === null)).toBe(true);
      const present = dates.slice(0, firstNull) as string[];
      expect(present).toEqual([...present].sort((a, b) => (descending ? b.localeCompare(a) : a.localeCompare(b))));
    }
    const byAmount = queryRecords(records, query({ sort: { column: 'amount', descending: true } }), 'en');
    expect(byAmount[0]!.amount).toBe(Math.max(...records.map((r) => r.amount ?? -Infinity)));
  });

  it('gives every record a place to export, named so it re-imports', () => {
    const records = atlasRecords(base, context('en'));
    const rows = exportRowsOf(records);
    expect(rows).toHaveLength(records.length);
    const link = rows.find((r) => r.label === atlas.links[0]!.text.en)!;
    expect(link.destinationLonLat).not.toBeNull();
    expect(link.source).toMatch(/\d{4}/);
  });
});
