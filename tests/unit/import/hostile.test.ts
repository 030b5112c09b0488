// Hostile and broken input through the same pure functions the import worker runs: markup stays inert
// text, long text is cut, controls and bidi overrides go, bad numbers, places and ids are per-row errors,
// GeoJSON built to crash a parser gets a row error or one file-level failure, never an exception, and
// a big result reaches the app packed, so receiving it cannot hold the main thread.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/core/i18n/i18n.ts';
import { toPlainText } from '../../../src/worker/normalise.ts';
import { packResult, unpackResult } from '../../../src/worker/packed.ts';
import { parseCsv, previewCsv } from '../../../src/worker/parse-csv.ts';
import { parseGeoJson } from '../../../src/worker/parse-geojson.ts';
import { IMPORT_FAILURES, ROW_ERROR_REASONS, TEXT_LIMITS, type ImportResult } from '../../../src/core/import-types.ts';
import { GAZETTEER } from './gazetteer-fixture.ts';
import { plainTexts } from './plain-texts.ts';

const PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
// eslint-disable-next-line no-control-regex -- what must never survive into shown text
const FORBIDDEN = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** An RFC 4180 cell, so payloads with quotes and commas reach the parser as one field. */
const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csv = (header: string, ...rows: string[][]) => [header, ...rows.map((r) => r.map(cell).join(','))].join('\n');

function csvResult(text: string): ImportResult {
  const result = parseCsv(text, null, GAZETTEER);
  if ('failure' in result) throw new Error(`import failed: ${result.failure}`);
  return result;
}
function geoResult(features: unknown[]): ImportResult {
  const result = parseGeoJson(JSON.stringify({ type: 'FeatureCollection', features }), GAZETTEER);
  if ('failure' in result) throw new Error(`import failed: ${result.failure}`);
  return result;
}
const reasons = (r: ImportResult) => r.errors.map((e) => [e.row, e.reason]);
const point = (
  properties: Record<string, unknown>,
  coordinates: unknown = [51.4, 35.7],
  extra: Record<string, unknown> = {},
) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
  ...extra,
});

describe('markup in every text field', () => {
  const header = 'origin,destination,value,unit,sector,date,label,id';
  const result = csvResult(
    csv(
      header,
      ['Tehran', 'KAZ', '1', PAYLOAD, PAYLOAD, '2025-01-01', PAYLOAD, PAYLOAD],
      ['Tehran', 'KAZ', '2', SCRIPT, 'trade', '2025-01-01', SCRIPT, SCRIPT],
      [PAYLOAD, 'KAZ', '1', '', '', '', 'origin', ''],
      ['Tehran', PAYLOAD, '1', '', '', '', 'destination', ''],
      ['Tehran', 'KAZ', PAYLOAD, '', '', '', 'value', ''],
      ['Tehran', 'KAZ', '1', '', '', PAYLOAD, 'date', ''],
    ),
  );

  it('keeps kept fields verbatim, as text', () => {
    expect(result.rows.count).toBe(2);
    expect(result.rows.labels).toEqual([PAYLOAD, SCRIPT]);
    expect(result.rows.unitNames).toEqual([PAYLOAD, SCRIPT]);
  });

  it('reports every other field with its text verbatim: nothing is dropped silently', () => {
    expect(result.errors).toEqual([
      { row: 4, reason: 'origin-unknown', detail: PAYLOAD },
      { row: 5, reason: 'destination-unknown', detail: PAYLOAD },
      { row: 6, reason: 'value-invalid', detail: PAYLOAD },
      { row: 7, reason: 'date-invalid', detail: PAYLOAD },
    ]);
    expect(result.unknownSectors).toBe(1); // a sector is matched, never shown: an unknown one is counted
  });

  it('keeps markup in GeoJSON names, labels and units as text', () => {
    const geo = geoResult([
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [51, 35],
            [60, 40],
          ],
        },
        properties: { origin: PAYLOAD, destination: SCRIPT, label: PAYLOAD, unit: SCRIPT },
      },
    ]);
    expect([
      geo.rows.originNames.at(0),
      geo.rows.destinationNames.at(0),
      geo.rows.labels.at(0),
      geo.rows.unitNames[0],
    ]).toEqual([PAYLOAD, SCRIPT, PAYLOAD, SCRIPT]);
  });

  it('shows markup headers in the mapping step as text', () => {
    const preview = previewCsv(csv(`${cell(PAYLOAD)},value`, ['Tehran', '1']));
    expect('headers' in preview && preview.headers).toEqual([PAYLOAD, 'value']);
  });
});

describe('long text', () => {
  const long = (n: number) => 'ب'.repeat(n);
  const result = csvResult(
    csv(
      'origin,destination,value,unit,label',
      ['Tehran', 'KAZ', '1', long(5000), long(10_000)],
      ['Tehran', 'KAZ', '1', 'USD', long(500)],
      [long(100_000), '', '', '', ''],
    ),
  );

  it(`cuts a label to ${TEXT_LIMITS.label} and a unit to ${TEXT_LIMITS.unit} characters, ending in an ellipsis, and counts the row`, () => {
    expect(result.rows.labels.at(0)).toBe(`${long(TEXT_LIMITS.label - 1)}…`);
    expect(result.rows.unitNames[0]).toBe(`${long(TEXT_LIMITS.unit - 1)}…`);
    expect(result.rows.labels.at(1)).toBe(long(500)); // exactly at the limit: kept whole
    expect(result.truncated).toBe(1);
  });

  it(`cuts the text in an error report to ${TEXT_LIMITS.detail}`, () => {
    expect(result.errors).toEqual([{ row: 4, reason: 'origin-unknown', detail: `${long(TEXT_LIMITS.detail - 1)}…` }]);
  });

  it('never splits a surrogate pair', () => {
    expect(toPlainText(`${'x'.repeat(498)}😀😀`, 500)).toBe(`${'x'.repeat(498)}…`);
    expect(toPlainText(`${'x'.repeat(497)}😀😀`, 500)).toBe(`${'x'.repeat(497)}😀…`);
  });

  it(`cuts an unknown GeoJSON place name to ${TEXT_LIMITS.name}`, () => {
    const geo = geoResult([point({ name: 'x', origin: long(1000) })]);
    expect(geo.rows.originNames.at(0)).toBe(`${long(TEXT_LIMITS.name - 1)}…`);
    expect(geo.truncated).toBe(1);
  });
});

describe('control and bidi characters', () => {
  it('strips C0, C1 and bidi embeddings, overrides and isolates; keeps Persian, Arabic, ZWNJ and marks', () => {
    const label =
      'a\u0001b\u001bc\u0085d\u009fe \u202Aو\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069 می‌خواهم عربي \u200Fx\u200E';
    const result = csvResult(csv('origin,destination,label', ['Tehran', 'KAZ', label]));
    expect(result.rows.labels.at(0)).toBe('abcde و می‌خواهم عربي \u200Fx\u200E');
    expect(result.rows.labels.at(0)).toContain('\u200C'); // ZWNJ joins می‌خواهم as written
  });

  it('spoofs nothing: a Trojan-Source label reads in stored order', () => {
    const result = csvResult(
      csv('origin,destination,label', ['Tehran', 'KAZ', 'admin\u202E\u2066 // check\u2069\u2066']),
    );
    expect(result.rows.labels.at(0)).toBe('admin // check');
  });

  it('never lets a forbidden character through, never exceeds the limit, and drops nothing else', () => {
    const char = fc.oneof(
      fc.constantFrom(
        '\u0000',
        '\u0007',
        '\t',
        '\n',
        '\r',
        '\u0085',
        '\u009f',
        '\u202A',
        '\u202E',
        '\u2066',
        '\u2069',
        '\u200C',
        '\u200F',
        '<',
        '>',
        '"',
        '😀',
      ),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
    );
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 80 }).map((parts) => parts.join('')),
        fc.integer({ min: 2, max: 60 }),
        (text, max) => {
          const out = toPlainText(text, max);
          expect(out).not.toMatch(FORBIDDEN);
          expect(out.length).toBeLessThanOrEqual(max);
          const kept = text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(new RegExp(FORBIDDEN.source, 'g'), '');
          if (kept.length <= max) expect(out).toBe(kept);
          else expect(out.endsWith('…') && kept.startsWith(out.slice(0, -1))).toBe(true);
        },
      ),
    );
  });

  it('reads numbers and dates wrapped in bidi embeddings, as RTL documents copy them', () => {
    const result = csvResult(
      csv('origin,destination,value,date', ['Tehran', 'KAZ', '\u202A1,200\u202C', '\u20662025-01-02\u2069']),
    );
    expect([result.rows.values[0], result.rows.dates[0]]).toEqual([1200, Date.UTC(2025, 0, 2)]);
  });
});

describe('numbers and places', () => {
  it("makes NaN, infinities, negatives and non-numbers a per-row error; a flow's value is never negative", () => {
    const bad = ['NaN', 'Infinity', '-Infinity', '1e400', '-1', '−5', 'abc', '0x10', '1/2', '١٢a'];
    const result = csvResult(
      csv(
        'origin,destination,value',
        ...bad.map((v) => ['Tehran', 'KAZ', v]),
        ['Tehran', 'KAZ', '0'],
        ['Tehran', 'KAZ', '1e300'],
      ),
    );
    expect(result.errors.map((e) => [e.reason, e.detail])).toEqual(bad.map((v) => ['value-invalid', v]));
    expect(Array.from(result.rows.values)).toEqual([0, 1e300]);
  });

  it('makes a latitude beyond ±90 or a longitude beyond ±180 a per-row error; negatives inside are places', () => {
    const out = ['90.0001, 0', '0, 180.5', '-91, 10', '10, -181'];
    const result = csvResult(
      csv(
        'origin,destination',
        ...out.map((c) => [c, 'KAZ']),
        ['Tehran', '0, 181'],
        ['90, 180', 'KAZ'],
        ['-90, -180', '-33.9, -70.6'],
      ),
    );
    expect(reasons(result)).toEqual([
      [2, 'coordinates-out-of-range'],
      [3, 'coordinates-out-of-range'],
      [4, 'coordinates-out-of-range'],
      [5, 'coordinates-out-of-range'],
      [6, 'coordinates-out-of-range'],
    ]);
    expect(Array.from(result.rows.origins)).toEqual([180, 90, -180, -90]);
    expect(Array.from(result.rows.destinations.subarray(2))).toEqual([-70.6, -33.9]);
  });

  it("does the same for GeoJSON values and positions, including JSON's 1e400 (Infinity)", () => {
    const text = `{"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[1e400,0]},"properties":{}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[181,0]},"properties":{}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[0,-91]},"properties":{}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"value":1e400}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"value":-3}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"value":"NaN"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"value":true}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[-70.6,-33.9]},"properties":{"value":0}}]}`;
    const result = parseGeoJson(text, GAZETTEER) as ImportResult;
    expect(reasons(result)).toEqual([
      [1, 'row-malformed'],
      [2, 'coordinates-out-of-range'],
      [3, 'coordinates-out-of-range'],
      [4, 'value-invalid'],
      [5, 'value-invalid'],
      [6, 'value-invalid'],
      [7, 'value-invalid'],
    ]);
    expect(result.rows.count).toBe(1);
  });
});

describe('duplicate ids', () => {
  it('keeps the first row with an id and reports the later ones', () => {
    const result = csvResult(
      csv(
        'id,origin,destination,value',
        ['a', 'Tehran', 'KAZ', '1'],
        ['b', 'Tehran', 'KAZ', '2'],
        ['a', 'Fars', 'TKM', '3'],
        ['', 'Fars', 'TKM', '4'],
        ['', 'Fars', 'TKM', '5'],
      ),
    );
    expect(result.errors).toEqual([{ row: 4, reason: 'duplicate-id', detail: 'a' }]);
    expect(Array.from(result.rows.values)).toEqual([1, 2, 4, 5]); // rows without an id are not compared
  });

  it('lets a later row keep an id whose first row was skipped for another reason', () => {
    const result = csvResult(
      csv('id,origin,destination', ['a', 'Atlantis', 'KAZ'], ['a', 'Tehran', 'KAZ'], ['a', 'Fars', 'KAZ']),
    );
    expect(reasons(result)).toEqual([
      [2, 'origin-unknown'],
      [4, 'duplicate-id'],
    ]);
    expect(result.rows.rowNumbers[0]).toBe(3);
  });

  it('reads GeoJSON ids from the feature, else from an id property', () => {
    const result = geoResult([
      point({}, undefined, { id: 7 }),
      point({}, undefined, { id: '7' }),
      point({ id: 'p' }),
      point({ id: 'p' }),
      point({}),
    ]);
    expect(reasons(result)).toEqual([
      [2, 'duplicate-id'],
      [4, 'duplicate-id'],
    ]);
    expect(result.rows.count).toBe(3);
  });
});

describe('hostile GeoJSON', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  it('reports 100,000-deep coordinates and features per row instead of overflowing the stack', () => {
    const text = `{"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":${deep(100_000)}},"properties":{}},
      ${deep(100_000)},
      {"type":"Feature","geometry":{"type":"LineString","coordinates":[${deep(100_000)},[1,2]]},"properties":{"label":${deep(50_000)}}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[51,35]},"properties":{"label":"ok"}}]}`;
    const result = parseGeoJson(text, GAZETTEER) as ImportResult;
    expect(reasons(result)).toEqual([
      [1, 'row-malformed'],
      [2, 'row-malformed'],
      [3, 'row-malformed'],
    ]);
    expect(result.errors.every((e) => e.detail.length <= TEXT_LIMITS.detail)).toBe(true);
    expect(result.rows.labels).toEqual(['ok']);
  });

  it('reports properties of the wrong type by name, and wrong geometry types', () => {
    const result = geoResult([
      point({ label: { html: PAYLOAD } }),
      point({ unit: [1, 2] }),
      point({ date: { y: 2025 } }),
      point({ value: [5] }),
      { type: 'Feature', geometry: { type: { evil: true }, coordinates: [0, 0] }, properties: {} },
      { type: 'Feature', geometry: { type: 'Point', coordinates: { 0: 1, 1: 2 } }, properties: [] },
      { type: 'Feature', geometry: 'Point', properties: null },
      point({ label: true, unit: 5 }),
    ]);
    expect(result.errors).toEqual([
      { row: 1, reason: 'property-invalid', detail: 'label' },
      { row: 2, reason: 'property-invalid', detail: 'unit' },
      { row: 3, reason: 'date-invalid', detail: 'date' },
      { row: 4, reason: 'value-invalid', detail: 'value' },
      { row: 5, reason: 'geometry-unsupported', detail: '{"evil":true}' },
      { row: 6, reason: 'row-malformed', detail: '{"0":1,"1":2}' },
      { row: 7, reason: 'geometry-unsupported', detail: 'null' },
    ]);
    expect([result.rows.labels.at(0), result.rows.unitNames[0]]).toEqual(['true', '5']);
  });

  it('refuses what is not GeoJSON with one file-level failure', () => {
    const failure = (text: string) => {
      const result = parseGeoJson(text, GAZETTEER);
      return 'failure' in result ? result.failure : null;
    };
    expect(
      failure(
        '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[NaN,1]}}]}',
      ),
    ).toBe('invalid-geojson');
    expect(failure('{"type":"FeatureCollection","features":{"0":{}}}')).toBe('invalid-geojson');
    expect(failure(`[${deep(10)}]`)).toBe('invalid-geojson');
    expect(failure('{"type":"FeatureCollection","features":[')).toBe('invalid-geojson');
    expect(failure('"<img src=x onerror=alert(1)>"')).toBe('invalid-geojson');
  });
});

describe('a big result on its way to the app', () => {
  it('packs into a few strings and typed arrays, and unpacks as it was without a string per row', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      'Tehran',
      i % 3 ? 'KAZ' : '',
      String(i),
      'USD',
      '',
      '',
      `${PAYLOAD} ${i} ب`,
    ]);
    const result = csvResult(
      csv('origin,destination,value,unit,sector,date,label', ...rows, ['Atlantis', 'KAZ', '1', '', '', '', '']),
    );
    const packed = packResult(result);
    expect(packed.rows.placeKeys.ends).toHaveLength(3); // Tehran, Kazakhstan and none, each sent once
    // What the main thread deserialises item by item: strings and plain arrays' items (typed arrays are one block).
    const items = (value: unknown): number =>
      ArrayBuffer.isView(value)
        ? 0
        : Array.isArray(value)
          ? value.length + value.reduce((n: number, v) => n + items(v), 0)
          : typeof value === 'object' && value
            ? Object.values(value).reduce((n: number, v) => n + items(v), 0)
            : typeof value === 'string'
              ? 1
              : 0;
    expect(items(result)).toBeGreaterThan(60_000);
    expect(items(packed)).toBeLessThan(20);
    const back = await unpackResult(packed, () => Promise.resolve(), 0);
    // The page keeps the texts packed too: unpacking makes no string per row.
    expect(items(back)).toBeLessThan(20);
    const plain = plainTexts(back);
    expect({ ...plain, rows: { ...plain.rows, placeIds: undefined } }).toEqual(result); // ids: packed-strings.test.ts
  });
});

describe('messages', () => {
  it('has a message for every row error and file failure in both languages', () => {
    for (const lang of ['fa', 'en'] as const) {
      const messages = MESSAGES[lang] as Record<string, string>;
      for (const reason of ROW_ERROR_REASONS)
        expect(messages[`import.reason.${reason}`], `${lang}: ${reason}`).toBeTruthy();
      for (const failure of [...IMPORT_FAILURES, 'worker'])
        expect(messages[`import.failure.${failure}`], `${lang}: ${failure}`).toBeTruthy();
      expect(messages['import.truncated']).toBeTruthy();
    }
  });
});
