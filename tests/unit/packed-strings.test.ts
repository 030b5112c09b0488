// The worker's answer carries no strings: a million labels joined into one string took the receiving task
// 50–85 ms to deserialise here, so texts travel as transferred UTF-16 code units and stay packed on the page,
// read a row at a time (src/core/text-column.ts). Every string comes back exactly, surrogate pairs and Persian included.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import { packedTransferables, packResult, unpackResult } from '../../src/worker/packed.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';
import { KeyColumn, numberPlaces } from '../../src/core/place-ids.ts';
import { runNow } from '../../src/core/work-slices.ts';
import { PackedText, packStrings, textsOf } from '../../src/core/text-column.ts';
import { plainTexts } from './import/plain-texts.ts';

const ROWS = 6000;
const lines = ['origin,destination,value,label'];
// Labels of many lengths, some long, with Persian letters and an emoji (a surrogate pair) here and there.
for (let i = 0; i < ROWS; i++)
  lines.push(`${i % 3 ? 'Tehran' : 'Gilan'},KAZ,${i},${i % 7 ? `Row ${i}` : `ردیف ${i} 🚚 ${'x'.repeat(i % 300)}`}`);
const result = parseCsv(lines.join('\n'), null, GAZETTEER) as ImportResult;

/** Every string in a value, however deep: what structured cloning would copy on the receiving thread. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : ArrayBuffer.isView(value) || value === null || typeof value !== 'object'
      ? []
      : Object.values(value).flatMap(strings);

describe('packing an import result for the trip to the page', () => {
  it('sends the texts as transferred code units, not as strings', () => {
    const packed = packResult(result);
    expect(strings(packed)).toEqual([]);
    const transferred = new Set(packedTransferables(packed));
    for (const column of [packed.rows.labels, packed.rows.placeKeys])
      expect(transferred.has(column.units.buffer as ArrayBuffer)).toBe(true);
    expect(transferred.has(packed.rows.originPlaces.buffer as ArrayBuffer)).toBe(true);
  });

  it('sends each place key once, numbered across both ends', () => {
    const { placeKeys, originPlaces, destinationPlaces } = packResult(result).rows;
    expect(placeKeys.ends).toHaveLength(3); // Tehran, Gilan, Kazakhstan
    expect([originPlaces[0], destinationPlaces[0], originPlaces[1]]).toEqual([0, 1, 2]);
  });

  it('reads every string back exactly, keeping the texts packed on the page', async () => {
    expect(result.rows.count).toBe(ROWS);
    const back = await unpackResult(packResult(result), () => Promise.resolve(), 0);
    expect(back.rows.labels).toBeInstanceOf(PackedText);
    expect(back.rows.labels.at(7)).toBe('ردیف 7 🚚 xxxxxxx');
    const { placeIds, ...rows } = plainTexts(back).rows;
    expect({ ...back, rows }).toEqual(result);
    // The page gets the worker's numbering, the same as numbering the names there would give.
    const numbered = runNow(numberPlaces(result.rows));
    expect(textsOf(placeIds!.keys)).toEqual(numbered.keys);
    expect([placeIds!.origins, placeIds!.destinations]).toEqual([numbered.origins, numbered.destinations]);
  });

  it('rebuilds a long error report in slices', async () => {
    const errors = Array.from({ length: 20_000 }, (_, i) => ({
      row: i + 2,
      reason: 'origin-missing' as const,
      detail: `«${i}»`,
    }));
    let pauses = 0;
    const back = await unpackResult(packResult({ ...result, errors }), async () => void (pauses += 1), 0);
    expect(back.errors).toEqual(errors);
    expect(pauses).toBeGreaterThan(3);
  });
});

describe('a packed column read by row', () => {
  // More than one decoded piece (16,384 rows), with empty texts, Persian, a surrogate pair and a lone half of one.
  const texts = Array.from({ length: 40_000 }, (_, i) =>
    i % 5 === 0 ? '' : i % 7 === 0 ? `ردیف ${i} 🚚` : i === 16_386 ? 'cut \uD83D' : `row ${i}`,
  );
  const column = new PackedText(packStrings(texts));

  it('gives each row its own text, across the pieces it decodes', () => {
    expect(column.length).toBe(texts.length);
    expect(textsOf(column)).toEqual(texts);
    for (const i of [0, 1, 16_383, 16_384, 16_385, 16_386, 39_999]) expect(column.at(i)).toBe(texts[i]);
  });

  it('answers undefined outside its rows, as an array does', () => {
    for (const i of [-1, 40_000, 1.5, NaN]) expect(column.at(i)).toBeUndefined();
  });

  it('finds the first row holding a text, comparing in place', () => {
    expect(column.indexOf('row 16384')).toBe(16_384);
    expect(column.indexOf('')).toBe(0);
    expect(column.indexOf('ردیف 7 🚚')).toBe(7);
    expect(column.indexOf('row 1639')).toBe(1639);
    expect(column.indexOf('row 99999')).toBe(-1);
    expect(column.indexOf('cut \uD83D')).toBe(16_386);
  });

  it('finds a key through a column of place numbers', () => {
    const keys = new PackedText(packStrings(['IR-07', 'KAZ', 'TKM']));
    const ends = new KeyColumn(keys, Uint32Array.from([1, 1, 2, 0, 2]));
    expect(textsOf(ends)).toEqual(['KAZ', 'KAZ', 'TKM', 'IR-07', 'TKM']);
    expect([ends.indexOf('TKM'), ends.indexOf('IR-07'), ends.indexOf('UZB')]).toEqual([2, 3, -1]);
  });
});
