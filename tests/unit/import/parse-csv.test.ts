import { describe, expect, it } from 'vitest';
import { transferablesOf } from '../../../src/worker/messages.ts';
import { parseCsv, previewCsv } from '../../../src/worker/parse-csv.ts';
import type { ImportFailure, ImportResult } from '../../../src/core/import-types.ts';
import { makeFlowRecords, makeFlowsCsv } from '../../fixtures/import/make-large-csv.ts';
import { GAZETTEER } from './gazetteer-fixture.ts';
import { readFixture } from './read-fixture.ts';

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const sector = (id: string) => GAZETTEER.sectors.findIndex((s) => s.id === id);

function imported(text: string, onProgress?: (fraction: number) => void): ImportResult {
  const result = parseCsv(text, null, GAZETTEER, onProgress);
  if ('failure' in result) throw new Error(`import failed: ${result.failure}`);
  return result;
}

/** Row i as plain values, for readable assertions. */
function row({ rows }: ImportResult, i: number) {
  return {
    origin: rows.originNames.at(i),
    originLonLat: [rows.origins[2 * i], rows.origins[2 * i + 1]],
    destination: rows.destinationNames.at(i),
    destinationLonLat: [rows.destinations[2 * i], rows.destinations[2 * i + 1]],
    value: rows.values[i],
    unit: rows.units[i] === -1 ? '' : rows.unitNames[rows.units[i] ?? -1],
    sector: rows.sectors[i],
    date: rows.dates[i],
    label: rows.labels.at(i),
    row: rows.rowNumbers[i],
  };
}

describe('parseCsv: flows-valid.csv', () => {
  const result = imported(readFixture('flows-valid.csv'));

  it('keeps every row', () => {
    expect(result.errors).toEqual([]);
    expect(result.rows.count).toBe(8);
    expect(Array.from(result.rows.rowNumbers)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('resolves English and Persian names, ISO codes and a "lat, lon" cell', () => {
    expect(result.rows.originNames).toEqual([
      'IR-03',
      'IR-03',
      'IR-09',
      'IR-23',
      'IR-01',
      '38.08, 46.2919',
      'IR-08',
      'bandar-abbas',
    ]);
    expect(result.rows.destinationNames).toEqual(['KAZ', 'UZB', 'TKM', 'RUS', '', 'AZE', 'CHN', 'KAZ']);
    expect(row(result, 0)).toMatchObject({ originLonLat: [46.2919, 38.08], destinationLonLat: [71.446, 51.1801] });
    expect(row(result, 5).originLonLat).toEqual([46.2919, 38.08]);
  });

  it('reads a row without a destination as a place', () => {
    expect(row(result, 4)).toMatchObject({
      destination: '',
      destinationLonLat: [NaN, NaN],
      value: NaN,
      unit: '',
      date: NaN,
      label: 'Rice hub',
    });
    expect(row(result, 4).sector).toBe(sector('agriculture'));
  });

  it('reads values, units, sectors, dates and labels', () => {
    expect(Array.from(result.rows.values)).toEqual([1200, 1234567.5, 350, 99.5, NaN, 10, 0, 5]);
    expect(result.rows.unitNames).toEqual(['USD', 'tonnes', 'TEU']);
    expect(Array.from(result.rows.units)).toEqual([0, 1, 2, 0, -1, 0, 1, 0]);
    expect(Array.from(result.rows.sectors)).toEqual(
      ['steel-metals', 'food', 'transport', 'food', 'agriculture', 'trade', 'mining'].map(sector).concat(-1),
    );
    expect(Array.from(result.rows.dates)).toEqual([
      utc(2025, 11, 9),
      utc(2025, 3, 21),
      utc(2024, 6, 1),
      utc(2024, 1, 1),
      NaN,
      utc(2025, 1, 15),
      utc(2023, 12, 31),
      NaN,
    ]);
    expect(result.rows.labels.at(3)).toBe('Caviar, premium');
  });

  it('counts rows with an unknown sector, and keeps them', () => {
    expect(result.unknownSectors).toBe(1);
    expect(row(result, 7)).toMatchObject({ origin: 'bandar-abbas', sector: -1 });
  });

  it('gives every column its own buffer, sized to the rows', () => {
    const buffers = transferablesOf(result.rows);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(result.rows.origins.length).toBe(16);
    expect(result.rows.values.buffer.byteLength).toBe(8 * 8);
  });
});

describe('parseCsv: flows-messy-semicolon-bom.csv', () => {
  const result = imported(readFixture('flows-messy-semicolon-bom.csv'));

  it('reads a BOM, semicolons, CRLF and Persian headers', () => {
    expect(result.errors).toEqual([]);
    expect(result.rows.count).toBe(4);
  });

  it('matches names written with Arabic letters', () => {
    expect(result.rows.originNames).toEqual(['IR-03', 'IR-08', 'IR-09', '38.08, 46.29']);
    expect(result.rows.destinationNames).toEqual(['KAZ', 'UZB', 'TKM', 'RUS']);
  });

  it('reads Persian digits, separators and Jalali dates', () => {
    expect(Array.from(result.rows.values)).toEqual([1234.5, 1250, 345, 1000]);
    expect(Array.from(result.rows.dates)).toEqual([
      utc(2025, 11, 9),
      utc(2025, 3, 21),
      utc(2025, 3, 20),
      utc(2021, 3, 20),
    ]);
    expect(result.rows.unitNames).toEqual(['دلار', 'تن']);
    expect(Array.from(result.rows.sectors)).toEqual(['steel-metals', 'mining', 'transport', 'trade'].map(sector));
    expect(result.rows.labels.at(0)).toBe('فولاد به آستانه');
  });
});

describe('parseCsv: flows-tab.tsv', () => {
  it('reads tabs and descriptive headers; a comma inside a tab-separated cell is a thousands separator', () => {
    const result = imported(readFixture('flows-tab.tsv'));
    expect(result.errors).toEqual([]);
    expect(result.rows.originNames).toEqual(['IR-09', 'IR-27', 'IR-02']);
    expect(result.rows.destinationNames).toEqual(['TKM', 'KAZ', 'RUS']);
    expect(Array.from(result.rows.values)).toEqual([1500, 2500, 75.25]);
    expect(Array.from(result.rows.dates)).toEqual([utc(2024, 1, 1), utc(2023, 1, 1), utc(2025, 1, 1)]);
    expect(result.rows.labels).toEqual(['Rail via Sarakhs', 'Grain, wheat', 'Citrus']);
  });
});

describe('parseCsv: flows-unknown-places.csv', () => {
  const result = imported(readFixture('flows-unknown-places.csv'));

  it('reports each bad row with its number, reason and text', () => {
    expect(result.errors).toEqual([
      { row: 2, reason: 'origin-unknown', detail: 'Atlantis' },
      { row: 3, reason: 'destination-unknown', detail: 'Narnia' },
      { row: 4, reason: 'coordinates-out-of-range', detail: '95.5, 46.2' },
      { row: 5, reason: 'coordinates-out-of-range', detail: '38.0, 200' },
      { row: 6, reason: 'value-invalid', detail: '-5' },
      { row: 7, reason: 'value-invalid', detail: 'Infinity' },
      { row: 8, reason: 'value-invalid', detail: '12abc' },
      { row: 9, reason: 'date-invalid', detail: '2025-02-30' },
      { row: 10, reason: 'date-invalid', detail: '1404/13/01' },
      { row: 11, reason: 'date-invalid', detail: 'yesterday' },
      { row: 12, reason: 'origin-missing', detail: '' },
      { row: 15, reason: 'row-malformed', detail: 'Tehran,KAZ,10,USD,trade,2025-01-01,stray,comma' },
      { row: 16, reason: 'value-invalid', detail: 'NaN' },
      { row: 17, reason: 'date-invalid', detail: '1402/12/30' },
    ]);
  });

  it('keeps the good rows, counting the blank line in row numbers', () => {
    expect(Array.from(result.rows.rowNumbers)).toEqual([14, 18]);
    expect(result.rows.labels).toEqual(['good row', 'unknown sector kept']);
    expect(result.unknownSectors).toBe(1);
    expect(result.rows.dates[1]).toBe(utc(2025, 3, 20));
  });
});

describe('parseCsv: hostile.csv', () => {
  const result = imported(readFixture('hostile.csv'));

  it('keeps markup as plain text, verbatim', () => {
    expect(result.errors).toEqual([{ row: 2, reason: 'origin-unknown', detail: '<img src=x onerror=alert(1)>' }]);
    expect(result.rows.labels.at(0)).toBe('<img src=x onerror=alert(1)>');
    expect(result.rows.labels.at(1)).toBe("<script>alert('x')</script>");
  });

  it('cuts a 10,000-character label to 500, ending in an ellipsis', () => {
    expect(result.rows.labels.at(2)).toBe(`${'x'.repeat(499)}…`);
    expect(result.truncated).toBe(1);
  });

  it('removes control characters and bidi overrides, keeping marks and mixed-direction text', () => {
    expect(result.rows.labels.at(3)).toBe('bell escape[31m red end');
    expect(result.rows.labels.at(4)).toBe('English متن فارسی \u200fRLM\u200e and override 123');
    expect(result.rows.labels.at(5)).toBe('line one line two');
    expect(result.rows.labels.at(6)).toBe('=HYPERLINK("http://evil.example")');
    expect(result.rows.count).toBe(7);
  });
});

describe('parseCsv: files it refuses', () => {
  const failure = (text: string): ImportFailure | null => {
    const result = parseCsv(text, null, GAZETTEER);
    return 'failure' in result ? result.failure : null;
  };

  it('refuses empty, header-only and binary files', () => {
    expect(failure(readFixture('empty.csv'))).toBe('empty');
    expect(failure('\uFEFF  \n\n')).toBe('empty');
    expect(failure(readFixture('header-only.csv'))).toBe('empty');
    expect(failure('origin,value\n\n,\n')).toBe('empty');
    expect(failure(readFixture('binary.csv'))).toBe('not-text');
    expect(failure('origin\nTehran\u0000\n')).toBe('not-text');
    expect(failure('\u0001\u0002\u0003\u0004\u0005abc\n')).toBe('not-text');
  });

  it('refuses a file without an origin column', () => {
    expect(failure('country,amount\nKAZ,5\n')).toBe('no-origin-column');
    expect(parseCsv('country,amount\nKAZ,5\n', { origin: 0, value: 1 }, GAZETTEER)).toMatchObject({
      rows: { count: 1, originNames: ['KAZ'] },
    });
  });

  it('refuses more than a million data rows', () => {
    expect(failure(`origin\n${'kz\n'.repeat(1_000_001)}`)).toBe('too-many-rows');
  });
});

describe('parseCsv: mapping and progress', () => {
  it('uses a given mapping over the guess', () => {
    const text = 'origin,destination\nTehran,KAZ\n';
    expect(parseCsv(text, { origin: 1, destination: 0 }, GAZETTEER)).toMatchObject({
      rows: { originNames: ['KAZ'], destinationNames: ['IR-23'] },
    });
    expect(parseCsv('a,b,c\nTehran,KAZ,5\n', null, GAZETTEER)).toEqual({ failure: 'no-origin-column' });
    const mapped = parseCsv('a,b,c\nTehran,KAZ,5\n', { origin: 0, destination: 1, value: 2 }, GAZETTEER);
    expect(mapped).toMatchObject({
      rows: { count: 1, originNames: ['IR-23'], destinationNames: ['KAZ'], values: new Float64Array([5]) },
    });
  });

  it('reports rising progress about every 1%, ending at 1', () => {
    const fractions: number[] = [];
    imported(makeFlowsCsv(1000), (f) => fractions.push(f));
    expect(fractions.length).toBeGreaterThanOrEqual(95);
    expect(fractions.length).toBeLessThanOrEqual(102);
    expect(fractions.every((f, i) => i === 0 || f >= (fractions[i - 1] ?? 0))).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });
});

describe('parseCsv: 100,000 generated rows', () => {
  it('reads them all, each as generated', () => {
    const records = makeFlowRecords(100_000, 7);
    const result = imported(makeFlowsCsv(100_000, 7));
    expect(result.errors).toEqual([]);
    expect(result.rows.count).toBe(100_000);
    for (const i of [0, 1, 4999, 54_321, 99_999]) {
      const r = records[i];
      if (!r) throw new Error('missing record');
      expect(row(result, i)).toMatchObject({
        origin: r.originId,
        destination: r.destinationId,
        value: r.value,
        unit: r.unit,
        sector: r.sectorIndex,
        date: Date.parse(r.date),
        label: r.label,
        row: i + 2,
      });
    }
  });
});

describe('previewCsv', () => {
  it('gives headers, the first rows, the delimiter and a mapping', () => {
    const preview = previewCsv(readFixture('flows-messy-semicolon-bom.csv'), 2);
    expect(preview).toMatchObject({
      delimiter: ';',
      mapping: { origin: 0, destination: 1, value: 2, unit: 3, sector: 4, date: 5, label: 6 },
    });
    if ('failure' in preview) throw new Error(preview.failure);
    expect(preview.headers[0]).toBe('مبدأ');
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0]?.[0]).toBe('آذربايجان شرقي');
  });

  it('refuses what parseCsv refuses before reading rows', () => {
    expect(previewCsv('')).toEqual({ failure: 'empty' });
    expect(previewCsv(readFixture('header-only.csv'))).toEqual({ failure: 'empty' });
    expect(previewCsv(readFixture('binary.csv'))).toEqual({ failure: 'not-text' });
  });

  it('reads a tab-separated file', () => {
    expect(previewCsv(readFixture('flows-tab.tsv'))).toMatchObject({ delimiter: '\t', rows: { length: 3 } });
  });
});
