// Places and pairs numbered for a million rows: the numbering the import worker sends (`numberPlaces`),
// keys read back through index columns (`KeyColumn`), and the typed-array table that numbers pairs (`PairIds`).
import { describe, expect, it } from 'vitest';
import { KeyColumn, numberPlaces, placeIdsOf } from '../../src/core/place-ids.ts';
import { PairIds } from '../../src/core/pair-ids.ts';
import { runNow } from '../../src/core/work-slices.ts';
import type { ImportedRows } from '../../src/core/import-types.ts';

const rows = { count: 3, originNames: ['IR-07', 'KAZ', 'IR-07'], destinationNames: ['KAZ', 'UZB', ''] };

describe('numbered places', () => {
  it('numbers both ends in one numbering, in first-seen order', () => {
    const ids = runNow(numberPlaces(rows));
    expect(ids.keys).toEqual(['IR-07', 'KAZ', 'UZB', '']);
    expect([...ids.origins]).toEqual([0, 1, 0]);
    expect([...ids.destinations]).toEqual([1, 2, 3]);
  });

  it("uses the worker's numbering when rows carry one, and numbers them once otherwise", () => {
    const carried = { keys: ['x'], origins: new Uint32Array(1), destinations: new Uint32Array(1) };
    expect(placeIdsOf({ ...rows, placeIds: carried } as unknown as ImportedRows)).toBe(carried);
    const bare = { ...rows } as unknown as ImportedRows;
    expect(placeIdsOf(bare)).toBe(placeIdsOf(bare));
    expect(placeIdsOf(bare).keys).toHaveLength(4);
  });

  it('reads keys through an index column', () => {
    const column = new KeyColumn(['a', 'b', 'c'], Uint32Array.from([2, 0, 2]));
    expect([column.length, column.at(0), column.at(1)]).toEqual([3, 'c', 'a']);
    expect([column.indexOf('c'), column.indexOf('a'), column.indexOf('b')]).toEqual([0, 1, -1]);
  });
});

describe('pair ids', () => {
  it('gives each pair one id, in first-seen order, and keeps direction', () => {
    const table = new PairIds(6);
    expect([table.idOf(0, 1), table.idOf(1, 0), table.idOf(0, 1), table.idOf(7, 7)]).toEqual([0, 1, 0, 2]);
    expect(table.size).toBe(3);
  });

  it('holds as many pairs as it was sized for, colliding or not', () => {
    const n = 50_000;
    const table = new PairIds(n);
    for (let i = 0; i < n; i++) expect(table.idOf(i % 250, Math.floor(i / 250))).toBe(i);
    for (let i = 0; i < n; i += 997) expect(table.idOf(i % 250, Math.floor(i / 250))).toBe(i);
    expect(() => table.idOf(n, n)).toThrow(RangeError);
  });
});
