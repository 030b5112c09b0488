import { describe, expect, it } from 'vitest';
import { parseGeoJson } from '../../../src/worker/parse-geojson.ts';
import type { ImportResult } from '../../../src/core/import-types.ts';
import { GAZETTEER } from './gazetteer-fixture.ts';
import { readFixture } from './read-fixture.ts';

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const sector = (id: string) => GAZETTEER.sectors.findIndex((s) => s.id === id);

function imported(text: string): ImportResult {
  const result = parseGeoJson(text, GAZETTEER);
  if ('failure' in result) throw new Error(`import failed: ${result.failure}`);
  return result;
}

const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry,
  properties,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('parseGeoJson: places.geojson', () => {
  const result = imported(readFixture('places.geojson'));

  it('reads points as places and lines as flows, reporting the polygon', () => {
    expect(result.errors).toEqual([{ row: 4, reason: 'geometry-unsupported', detail: 'Polygon' }]);
    expect(result.rows.count).toBe(4);
    expect(Array.from(result.rows.rowNumbers)).toEqual([1, 2, 3, 5]);
    expect(result.rows.destinationNames).toEqual(['', '', 'TKM', 'AZE']);
  });

  it('takes a line from its first to its last position', () => {
    expect(Array.from(result.rows.origins.subarray(4, 6))).toEqual([59.6057, 36.2981]);
    expect(Array.from(result.rows.destinations.subarray(4, 6))).toEqual([58.3833, 37.95]);
    // A MultiLineString: the first piece's start to the last piece's end.
    expect(Array.from(result.rows.origins.subarray(6, 8))).toEqual([49.5886, 37.2761]);
    expect(Array.from(result.rows.destinations.subarray(6, 8))).toEqual([49.892, 40.3777]);
    expect(Number.isNaN(result.rows.destinations[0])).toBe(true);
  });

  it('names ends by their properties, or by their coordinates', () => {
    expect(result.rows.originNames).toEqual(['38.08, 46.2919', 'IR-23', 'IR-09', 'IR-01']);
  });

  it('reads properties by the same names as CSV headers', () => {
    expect(Array.from(result.rows.values)).toEqual([5, NaN, 1200, 42]);
    expect(result.rows.labels).toEqual(['Tabriz hub', 'Capital', 'Sarakhs line', '']);
    expect(Array.from(result.rows.sectors)).toEqual([sector('trade'), -1, sector('transport'), -1]);
    expect(Array.from(result.rows.dates)).toEqual([utc(2025, 11, 9), NaN, utc(2025, 11, 9), NaN]);
    expect(result.rows.unitNames).toEqual(['USD', 'TEU']);
    expect(result.unknownSectors).toBe(0);
  });
});

describe('parseGeoJson: rows it skips', () => {
  it('reports out-of-range coordinates, missing geometry and bad properties', () => {
    const result = imported(
      collection(
        feature({ type: 'Point', coordinates: [200, 10] }),
        feature(null),
        feature({
          type: 'LineString',
          coordinates: [
            [50, 30],
            [50, 95],
          ],
        }),
        feature({ type: 'Point', coordinates: [50, 30] }, { value: -1 }),
        feature({ type: 'Point', coordinates: [50, 30] }, { value: 'lots' }),
        feature({ type: 'Point', coordinates: [50, 30] }, { date: '2025-13-01' }),
        feature({ type: 'Point', coordinates: ['50', 30] }),
        { type: 'NotAFeature' },
        feature({ type: 'GeometryCollection', geometries: [] }),
        feature({ type: 'Point', coordinates: [50, 30] }, { sector: 'Space tourism', date: 2024, value: '۱٬۵۰۰' }),
      ),
    );
    expect(result.errors.map(({ row, reason }) => [row, reason])).toEqual([
      [1, 'coordinates-out-of-range'],
      [2, 'geometry-unsupported'],
      [3, 'coordinates-out-of-range'],
      [4, 'value-invalid'],
      [5, 'value-invalid'],
      [6, 'date-invalid'],
      [7, 'row-malformed'],
      [8, 'row-malformed'],
      [9, 'geometry-unsupported'],
    ]);
    expect(result.errors[0]?.detail).toBe('10, 200');
    expect(result.rows.count).toBe(1);
    expect(result.rows.values[0]).toBe(1500);
    expect(result.rows.dates[0]).toBe(utc(2024, 1, 1));
    expect(result.unknownSectors).toBe(1);
  });

  it('reads a single Feature', () => {
    const result = imported(
      JSON.stringify(feature({ type: 'Point', coordinates: [51.4, 35.7] }, { label: '<b>x</b>' })),
    );
    expect(result.rows.count).toBe(1);
    expect(result.rows.labels).toEqual(['<b>x</b>']);
  });
});

describe('parseGeoJson: files it refuses', () => {
  it('refuses text that is not GeoJSON', () => {
    expect(parseGeoJson('{"type": "FeatureCollection", ', GAZETTEER)).toEqual({ failure: 'invalid-geojson' });
    expect(parseGeoJson('[1, 2]', GAZETTEER)).toEqual({ failure: 'invalid-geojson' });
    expect(parseGeoJson('{"type": "Point", "coordinates": [1, 2]}', GAZETTEER)).toEqual({ failure: 'invalid-geojson' });
    expect(parseGeoJson('{"type": "FeatureCollection"}', GAZETTEER)).toEqual({ failure: 'invalid-geojson' });
    expect(parseGeoJson('origin,value\nTehran,1\n', GAZETTEER)).toEqual({ failure: 'invalid-geojson' });
  });

  it('refuses an empty file or collection', () => {
    expect(parseGeoJson('', GAZETTEER)).toEqual({ failure: 'empty' });
    expect(parseGeoJson('\uFEFF{"type": "FeatureCollection", "features": []}', GAZETTEER)).toEqual({
      failure: 'empty',
    });
  });
});
