// The worker's answer carries no strings: a million labels joined into one string took the receiving task
// 50–85 ms to deserialise here, so texts travel as transferred UTF-16 code units and are decoded in slices
// (src/worker/packed.ts). Every string comes back exactly, surrogate pairs and Persian included.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import { packedTransferables, packResult, unpackResult } from '../../src/worker/packed.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';
import { numberPlaces } from '../../src/core/place-ids.ts';
import { runNow } from '../../src/core/work-slices.ts';

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

  it('rebuilds every string exactly, in slices', async () => {
    expect(result.rows.count).toBe(ROWS);
    let pauses = 0;
    const back = await unpackResult(packResult(result), async () => void (pauses += 1), 0);
    expect(back.rows.labels).toEqual(result.rows.labels);
    expect(back.rows.labels[7]).toBe('ردیف 7 🚚 xxxxxxx');
    expect(back.rows.originNames).toEqual(result.rows.originNames);
    const { placeIds, ...rows } = back.rows;
    expect({ ...back, rows }).toEqual(result);
    // The page gets the worker's numbering, the same as numbering the names there would give.
    expect(placeIds).toEqual(runNow(numberPlaces(result.rows)));
    const { keys, origins, destinations } = placeIds!;
    expect(result.rows.originNames.every((name, i) => keys[origins[i]!] === name)).toBe(true);
    expect(result.rows.destinationNames.every((name, i) => keys[destinations[i]!] === name)).toBe(true);
    expect(pauses).toBeGreaterThan(3);
  });
});
