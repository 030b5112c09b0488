// What the dataset must say: provinces, partners, the expected links, and every number in the reports.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Citation, Quantity } from '../../../src/core/atlas.ts';
import { builtAtlas } from './fixture.ts';

const { atlas } = builtAtlas();
const fact = (id: string) => atlas.facts.find((f) => f.id === id)!;
const link = (id: string) => atlas.links.find((l) => l.id === id)!;
const cites = (record: { sources: Citation[] }, report: string) =>
  record.sources.some((s) => 'report' in s && s.report === report);

describe('provinces', () => {
  it('has all 31 with both names and a capital', () => {
    expect(atlas.provinces).toHaveLength(31);
    for (const p of atlas.provinces) {
      expect(p.name.fa && p.name.en && p.capital.name.fa && p.capital.name.en, p.id).toBeTruthy();
    }
  });

  it('gives facts only to the provinces the reports speak of', () => {
    const withFacts = atlas.provinces.filter((p) => p.factIds.length > 0).map((p) => p.id);
    expect(withFacts).toEqual(['IR-03', 'IR-07', 'IR-09', 'IR-15', 'IR-28', 'IR-29']);
    // IMIDRO sits in Tehran but is a national body: its facts are Iran as a whole's, not Tehran's.
    expect(atlas.provinces.find((p) => p.id === 'IR-23')!.organisationIds).not.toContain('imidro');
    expect(atlas.national.organisationIds).toContain('imidro');
  });
});

describe('partners', () => {
  it('has Kazakhstan and Uzbekistan with their sourced facts, and the other neighbours by name', () => {
    const kaz = atlas.partners.find((p) => p.id === 'KAZ')!;
    expect(kaz.factIds).toEqual(
      expect.arrayContaining([
        'kaz-area-rank',
        'kaz-population',
        'kaz-largest-caspian-neighbour',
        'kaz-covid-trade',
        'kaz-agriculture-transit',
        'kaz-land-policy',
        'kaz-grain',
        'kaz-mining-country',
      ]),
    );
    expect(atlas.partners.find((p) => p.id === 'UZB')!.factIds).toContain('uzb-steel-purchase-intent');
    expect(atlas.partners.map((p) => p.id).sort()).toEqual([
      'AFG',
      'ARM',
      'AZE',
      'KAZ',
      'KGZ',
      'RUS',
      'TJK',
      'TKM',
      'UZB',
    ]);
  });
});

describe('links', () => {
  it.each([
    ['fars-uzb-delegation', 'IR-07', 'UZB'],
    ['ea-kaz-video-call', 'IR-03', 'KAZ'],
    ['lorestan-kaz-target-market', 'lorestan-chamber', 'KAZ'],
    ['imidro-uzb-meeting', 'imidro', 'UZB'],
    ['iran-uzb-steel-purchase', 'IRN', 'UZB'],
    ['iran-kaz-sponge-iron-plant', 'IRN', 'KAZ'],
    ['rk-provincial-diplomacy', 'IR-09', 'G-NEIGHBOURS'],
  ])('%s runs from %s to %s', (id, from, to) => {
    expect(link(id)).toMatchObject({ from, to });
  });

  it('carries the IMIDRO–Uzbekistan agenda and the 300,000 t purchase intent', () => {
    const topics = link('imidro-uzb-meeting')
      .topics.map((t) => t.text.en)
      .join(' ');
    expect(topics).toMatch(/Steel/);
    expect(topics).toMatch(/Copper and aluminium/);
    expect(topics).toMatch(/engineering services/);
    expect(link('iran-uzb-steel-purchase').quantities).toEqual([{ value: 300000, unit: 'tonnes' }]);
  });

  it('starts arcs at a province capital, or at the national symbol for Iran and its national bodies', () => {
    expect(link('fars-uzb-delegation').sourcePosition).toEqual([52.5311, 29.6103]); // Shiraz
    expect(link('imidro-uzb-meeting').fromProvince).toBeNull();
    expect(link('imidro-uzb-meeting').sourcePosition).toEqual(atlas.national.anchor);
    expect(link('iran-uzb-steel-purchase').sourcePosition).toEqual(atlas.national.anchor);
    expect(link('iran-uzb-steel-purchase').targetPosition).toEqual([69.2163, 41.2647]); // Tashkent
    expect(link('rk-provincial-diplomacy').targetPosition).toBeNull();
  });

  it('dates the provincial diplomacy meeting 30 Mehr–1 Aban 1404 (22–23 October 2025)', () => {
    expect(link('rk-provincial-diplomacy')).toMatchObject({ date: '2025-10-22', dateEnd: '2025-10-23' });
  });
});

describe('every record', () => {
  it('has at least one sector and one source', () => {
    for (const record of [...atlas.facts, ...atlas.links]) {
      expect(record.sectors.length, record.id).toBeGreaterThan(0);
      expect(record.sources.length, record.id).toBeGreaterThan(0);
    }
  });

  it('takes its date from its report; facts from the undated report have no exact date', () => {
    expect(fact('ea-carmakers').date).toBeNull();
    expect(fact('iran-steel-capacity').date).toBe('2025-08-26');
  });
});

/** The checklist of numbers in the reports (data/report-numbers.json). */
const REPORT_NUMBERS = (JSON.parse(fs.readFileSync('data/report-numbers.json', 'utf8')) as ReportNumbers).numbers;
interface ReportNumbers {
  numbers: { report: string; token: string | null; quantity: Quantity | null; what: string }[];
}

describe('numbers in the reports', () => {
  it.each(REPORT_NUMBERS.filter((n) => n.quantity))('$report: $what is in the data', ({ report, quantity }) => {
    const records = [...atlas.facts, ...atlas.links].filter((r) => cites(r, report));
    const found = records.some((r) =>
      r.quantities.some((q) => q.value === quantity!.value && q.unit === quantity!.unit),
    );
    expect(found).toBe(true);
  });
});
