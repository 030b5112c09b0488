// The table's change column while two periods are compared, and "Show these rows in the table".
import { describe, expect, it } from 'vitest';
import { runNow } from '../../src/core/work-slices.ts';
import { visibleRows } from '../../src/model/imported-datasets.ts';
import { datasetComparisons } from '../../src/model/compare-selectors.ts';
import { importedRefRows } from '../../src/model/imported-through.ts';
import { flowPairRef } from '../../src/model/imported-flows.ts';
import { UNCLUSTERED } from '../../src/model/flow-clusters.ts';
import { cellText, columnSpec, DEFAULT_QUERY, TABLE_COLUMNS, type TableQuery } from '../../src/model/table-model.ts';
import { queryIds, recordAt, refSource, tableSource, type TableSource } from '../../src/model/table-source.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';
import { compare, dataset, sectorIds } from './compare-fixture.ts';

const filters = { sectors: null, time: ALL_TIME };

function source(comparing: boolean, lang: 'en' | 'fa' = 'en'): TableSource {
  const { flows, places } = visibleRows(dataset.rows, filters, sectorIds);
  const comparison = comparing
    ? datasetComparisons([dataset], { sectors: null, compare }, sectorIds)[0]!.comparison
    : null;
  const part = { dataset, rows: Uint32Array.from([...flows, ...places]), comparison };
  return tableSource([], [part], GAZETTEER, lang, comparing);
}

const rowOf = (s: TableSource, id: number) => Number(recordAt(s, id).ref!.id.split(':')[1]);

describe('the change column', () => {
  it('is one of the columns, shown only while comparing', () => {
    expect(TABLE_COLUMNS).toContain('change');
    expect(columnSpec('change')).toMatchObject({ comparing: true });
    expect(source(true).comparing).toBe(true);
    expect(source(false).comparing).toBe(false);
  });

  it("gives each imported flow row its pair's A → B values, change and class", () => {
    const s = source(true);
    const texts = new Map<number, string>();
    for (let id = 0; id < s.total; id++) texts.set(rowOf(s, id), cellText(recordAt(s, id), 'change', 'en'));
    // Row 0: Tehran → Kazakhstan, 100 → 150 tonnes.
    expect(texts.get(0)).toBe('100 tonnes → 150 tonnes · +50 tonnes (+50 %) · more');
    // The undated row and the row before both periods still belong to the pair.
    expect(texts.get(2)).toBe(texts.get(0));
    // Razavi Khorasan → Kazakhstan: mixed units, compared by rows, and marked so.
    expect(texts.get(10)).toMatch(/^1 rows → 2 rows · \+1 rows \(\+100 %\) · more · compared by number of rows$/);
    // East Azerbaijan → Turkmenistan: new, no percentage.
    expect(texts.get(8)).toMatch(/new \(only in B\)$/);
    // The place row has no pair: no change.
    expect(texts.get(13)).toBe('');
    expect(cellText(recordAt(source(true, 'fa'), 0), 'change', 'fa')).toMatch(/بیشتر|افزایش|[۰-۹]/);
  });

  it('is empty when not comparing', () => {
    const s = source(false);
    for (let id = 0; id < s.total; id++) expect(cellText(recordAt(s, id), 'change', 'en')).toBe('');
  });

  it('sorts by the change, rows without one last in either direction', () => {
    const s = source(true);
    const order = (descending: boolean) => {
      const query: TableQuery = { ...DEFAULT_QUERY, sort: { column: 'change', descending } };
      return [...runNow(queryIds(s, query))].map((id) => recordAt(s, id).change?.change ?? null);
    };
    const down = order(true);
    const up = order(false);
    expect(down.slice(0, 4)).toEqual([50, 50, 50, 50]); // the four Tehran → Kazakhstan rows
    expect(down.at(-1)).toBeNull();
    expect(up.at(-1)).toBeNull();
    expect(up[0]).toBe(-120); // Fars → Uzbekistan: 200 → 80
    const numbers = down.filter((x): x is number => x !== null);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });
});

describe('showing the rows behind one arc', () => {
  it('lists only those rows, in file order, and no atlas records', () => {
    const ref = flowPairRef(4, UNCLUSTERED, 'IR-23', 'KAZ');
    const behind = importedRefRows(ref, [dataset], filters, sectorIds)!;
    expect([...behind.rows]).toEqual([0, 1, 2, 3]);
    const s = refSource(behind, GAZETTEER, 'en')!;
    expect(s.atlas).toEqual([]);
    const ids = runNow(queryIds(s, { ...DEFAULT_QUERY, sort: { column: 'date', descending: false } }));
    expect([...ids].map((id) => rowOf(s, id)).sort((a, b) => a - b)).toEqual([...behind.rows]);
    expect(s.total).toBe(behind.rows.length);
    for (const id of ids) expect(cellText(recordAt(s, id), 'where', 'en')).toMatch(/Tehran.*Kazakhstan/);
  });

  it('is null when the ref names nothing loaded, so the table lists everything', () => {
    expect(
      refSource(
        importedRefRows(flowPairRef(99, UNCLUSTERED, 'IR-23', 'KAZ'), [dataset], filters, sectorIds),
        GAZETTEER,
        'en',
      ),
    ).toBeNull();
  });
});
