import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/worker/parse-csv.ts';
import { parseGeoJson } from '../../../src/worker/parse-geojson.ts';
import { parseXlsx } from '../../../src/worker/parse-xlsx.ts';
import { toXlsx } from '../../../src/worker/to-xlsx.ts';
import { toCsv, toGeoJson, type ExportRow } from '../../../src/worker/to-files.ts';
import type { ImportedRows, ImportResult } from '../../../src/core/import-types.ts';
import { GAZETTEER } from './gazetteer-fixture.ts';
import { readFixture } from './read-fixture.ts';

/** An import's rows as export rows, the way the app exports what it imported. */
function toExportRows(rows: ImportedRows, source: string): ExportRow[] {
  return Array.from({ length: rows.count }, (_, i): ExportRow => {
    const destination = Number.isNaN(rows.destinations[2 * i])
      ? null
      : ([rows.destinations[2 * i], rows.destinations[2 * i + 1]] as [number, number]);
    const date = rows.dates[i] ?? NaN;
    const value = rows.values[i] ?? NaN;
    return {
      origin: rows.originNames.at(i) ?? '',
      destination: rows.destinationNames.at(i) ?? '',
      originLonLat: [rows.origins[2 * i] ?? NaN, rows.origins[2 * i + 1] ?? NaN],
      destinationLonLat: destination,
      value: Number.isNaN(value) ? null : value,
      unit: rows.unitNames[rows.units[i] ?? -1] ?? '',
      sector: GAZETTEER.sectors[rows.sectors[i] ?? -1]?.id ?? '',
      date: Number.isNaN(date) ? '' : new Date(date).toISOString().slice(0, 10),
      label: rows.labels.at(i) ?? '',
      source,
    };
  });
}

function ok(result: ImportResult | { failure: string }): ImportResult {
  if ('failure' in result) throw new Error(`import failed: ${result.failure}`);
  return result;
}

/** The parts of an import that must survive a round trip (row numbers may differ). */
const comparable = ({ rows, errors }: ImportResult) => ({ ...rows, rowNumbers: undefined, errors });

const row = (overrides: Partial<ExportRow>): ExportRow => ({
  origin: 'IR-03',
  destination: 'KAZ',
  originLonLat: [46.2919, 38.08],
  destinationLonLat: [71.446, 51.1801],
  value: 1,
  unit: 'USD',
  sector: 'trade',
  date: '2025-11-09',
  label: '',
  source: 'test',
  ...overrides,
});

describe('toCsv', () => {
  it('writes a BOM, the header and CRLF rows', () => {
    const csv = toCsv([row({ label: 'Steel' })]);
    expect(csv).toBe(
      '\uFEFForigin,destination,value,unit,sector,date,label,source\r\nIR-03,KAZ,1,USD,trade,2025-11-09,Steel,test\r\n',
    );
  });

  it('quotes commas, quotes and line breaks', () => {
    const csv = toCsv([row({ label: 'a, "b"\nc', source: 'x\r\ny' })]);
    expect(csv).toContain('"a, ""b""\nc","x\r\ny"\r\n');
    const back = ok(parseCsv(csv, null, GAZETTEER));
    expect(back.rows.labels).toEqual(['a, "b" c']);
  });

  it('guards text that a spreadsheet would run as a formula, not numbers', () => {
    const csv = toCsv([
      row({ label: '=HYPERLINK("http://evil.example")', unit: '+cmd', sector: '@SUM(A1)', source: '-2+3' }),
      row({ label: '-5', value: 0, source: '+7' }),
    ]);
    const [, first, second] = csv.split('\r\n');
    expect(first).toBe(`IR-03,KAZ,1,'+cmd,'@SUM(A1),2025-11-09,"'=HYPERLINK(""http://evil.example"")",'-2+3`);
    expect(second).toBe('IR-03,KAZ,0,USD,trade,2025-11-09,-5,+7');
    // The importer drops the guard again.
    const back = ok(parseCsv(csv, null, GAZETTEER));
    expect(back.rows.labels.at(0)).toBe('=HYPERLINK("http://evil.example")');
    expect(back.rows.unitNames[0]).toBe('+cmd');
  });

  it('writes an end by name when it resolves to that point, else as "lat, lon"', () => {
    const rows = [
      row({ origin: 'Somewhere', originLonLat: [-12.5, 30] }),
      row({ origin: 'Tehran', originLonLat: [46.2919, 38.08] }), // resolves, but elsewhere
      row({ origin: 'East Azerbaijan', destination: '', destinationLonLat: null }),
    ];
    const lines = toCsv(rows, GAZETTEER).split('\r\n');
    expect(lines[1]?.startsWith(`"30, -12.5",KAZ,`)).toBe(true);
    expect(lines[2]?.startsWith(`"38.08, 46.2919",KAZ,`)).toBe(true);
    expect(lines[3]?.startsWith('East Azerbaijan,,1,')).toBe(true);
    expect(
      toCsv([row({ origin: '', originLonLat: [-12.5, -30] })])
        .split('\r\n')[1]
        ?.startsWith(`"'-30, -12.5",`),
    ).toBe(true);
  });
});

describe('toGeoJson', () => {
  it('writes lines for flows and points for places, all fields in properties', () => {
    const json = JSON.parse(
      toGeoJson([row({ label: 'x' }), row({ destination: '', destinationLonLat: null, value: null })]),
    );
    expect(json.type).toBe('FeatureCollection');
    expect(json.features[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [46.2919, 38.08],
        [71.446, 51.1801],
      ],
    });
    expect(json.features[0].properties).toEqual({
      origin: 'IR-03',
      destination: 'KAZ',
      value: 1,
      unit: 'USD',
      sector: 'trade',
      date: '2025-11-09',
      label: 'x',
      source: 'test',
    });
    expect(json.features[1].geometry).toEqual({ type: 'Point', coordinates: [46.2919, 38.08] });
    expect(json.features[1].properties).toMatchObject({ destination: '', value: null });
  });
});

describe('round trips', () => {
  const fixtures = ['flows-valid.csv', 'flows-messy-semicolon-bom.csv', 'flows-tab.tsv', 'hostile.csv'];

  it.each(fixtures)('%s → toCsv → parseCsv gives the same rows', (name) => {
    const first = ok(parseCsv(readFixture(name), null, GAZETTEER));
    const again = ok(parseCsv(toCsv(toExportRows(first.rows, name), GAZETTEER), null, GAZETTEER));
    expect(comparable(again)).toEqual({ ...comparable(first), errors: [] });
  });

  it.each(fixtures)('%s → toXlsx → parseXlsx gives the same rows', async (name) => {
    const first = ok(parseCsv(readFixture(name), null, GAZETTEER));
    const again = ok(await parseXlsx(toXlsx(toExportRows(first.rows, name), GAZETTEER), null, GAZETTEER));
    expect(comparable(again)).toEqual({ ...comparable(first), errors: [] });
  });

  it('toXlsx keeps text that looks like a formula as text, and XML-unsafe characters out', async () => {
    const rows = [row({ label: '=HYPERLINK("x") & <b>', unit: '+cmd', source: 'a\u0001b' })];
    const back = ok(await parseXlsx(toXlsx(rows), null, GAZETTEER));
    expect(back.rows.labels).toEqual(['=HYPERLINK("x") & <b>']);
    expect(back.rows.unitNames).toEqual(['+cmd']);
    expect(back.rows.dates[0]).toBe(Date.UTC(2025, 10, 9));
  });

  it.each(fixtures)('%s → toGeoJson → parseGeoJson gives the same rows', (name) => {
    const first = ok(parseCsv(readFixture(name), null, GAZETTEER));
    const again = ok(parseGeoJson(toGeoJson(toExportRows(first.rows, name)), GAZETTEER));
    expect(comparable(again)).toEqual({ ...comparable(first), errors: [] });
    expect(Array.from(again.rows.rowNumbers)).toEqual(Array.from({ length: first.rows.count }, (_, i) => i + 1));
  });

  it('keeps formula-like labels, quotes and Persian text through CSV', () => {
    const rows = [
      row({ label: '=1+1', source: '@here' }),
      row({ label: 'He said "hi", then left', unit: 'ریال' }),
      row({ label: 'متن فارسی با «گیومه»', sector: 'فولاد و فلزات', origin: 'آذربایجان شرقی' }),
    ];
    const back = ok(parseCsv(toCsv(rows, GAZETTEER), null, GAZETTEER));
    expect(back.errors).toEqual([]);
    expect(back.rows.labels).toEqual(rows.map((r) => r.label));
    expect(back.rows.unitNames).toEqual(['USD', 'ریال']);
    expect(back.rows.originNames).toEqual(['IR-03', 'IR-03', 'IR-03']);
  });
});
