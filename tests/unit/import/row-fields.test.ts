// One row validator for both readers: the same fields give the same errors, counts and values
// whether they arrive as a CSV row or as a GeoJSON feature's properties.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/worker/parse-csv.ts';
import { parseGeoJson } from '../../../src/worker/parse-geojson.ts';
import type { ImportResult } from '../../../src/core/import-types.ts';
import { GAZETTEER } from './gazetteer-fixture.ts';

const ROWS = [
  { id: 'a', value: '5', date: '1404/08/18', sector: 'steel-metals', unit: 't', label: 'kept' },
  { id: 'b', value: '-1', date: '', sector: '', unit: '', label: 'negative value' },
  { id: 'c', value: '', date: 'not a date', sector: '', unit: '', label: 'bad date' },
  { id: 'a', value: '2', date: '', sector: '', unit: '', label: 'same id as the first' },
  { id: 'd', value: '۷', date: '2025-10-12', sector: 'no such sector', unit: '', label: 'x'.repeat(600) },
];

function ok(result: ReturnType<typeof parseCsv>): ImportResult {
  if ('failure' in result) throw new Error(result.failure);
  return result;
}

const csv = ok(
  parseCsv(
    [
      'id,origin,destination,value,unit,sector,date,label',
      ...ROWS.map((r) => [r.id, 'Tehran', 'KAZ', r.value, r.unit, r.sector, r.date, r.label].join(',')),
    ].join('\n'),
    null,
    GAZETTEER,
  ),
);
const geojson = ok(
  parseGeoJson(
    JSON.stringify({
      type: 'FeatureCollection',
      features: ROWS.map((r) => ({
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [51.4, 35.7],
            [71.4, 51.2],
          ],
        },
        properties: { id: r.id, value: r.value, unit: r.unit, sector: r.sector, date: r.date, label: r.label },
      })),
    }),
    GAZETTEER,
  ),
);

describe('one row validator for CSV and GeoJSON', () => {
  it('rejects the same rows for the same reasons', () => {
    const reasons = (result: ImportResult) => result.errors.map((e) => e.reason);
    expect(reasons(csv)).toEqual(['value-invalid', 'date-invalid', 'duplicate-id']);
    expect(reasons(geojson)).toEqual(reasons(csv));
  });

  it('reads the kept rows alike: values, dates, sectors, counts of unknown sectors and cut text', () => {
    for (const result of [csv, geojson]) {
      expect(result.rows.count).toBe(2);
      expect(Array.from(result.rows.values)).toEqual([5, 7]);
      expect(Array.from(result.rows.dates)).toEqual(Array.from(csv.rows.dates));
      expect(result.unknownSectors).toBe(1);
      expect(result.truncated).toBe(1);
    }
  });
});
