import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import { runNow } from '../../src/core/work-slices.ts';
import { importedRecords, type ImportedDataset } from '../../src/model/imported-datasets.ts';
import {
  atlasRecords,
  DEFAULT_QUERY,
  queryRecords,
  TABLE_COLUMNS,
  type TableQuery,
} from '../../src/model/table-model.ts';
import { idOfRef, queryIds, recordAt, tableSource, type ImportedPart } from '../../src/model/table-source.ts';
import { mergeSort } from '../../src/model/table-sort.ts';
import { visibleRows } from '../../src/model/imported-datasets.ts';
import { initialState } from '../../src/state/state.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import type { Lang } from '../../src/core/i18n/i18n.ts';
import { builtAtlas } from './dataset/fixture.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';
import { mulberry32 } from '../../src/bench/synthetic.ts';

const { atlas } = builtAtlas();
const state = initialState(
  'en',
  atlas.corridors.map((c) => c.id),
);
const filters = { sectors: null, time: ALL_TIME };

/** A file with many ties and gaps: repeated labels, values and dates, missing ones, places and flows. */
function dataset(id: number, rows: number, seed: number): ImportedDataset {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const lines = ['origin,destination,value,unit,sector,date,label'];
  for (let i = 0; i < rows; i++)
    lines.push(
      [
        pick(['Tehran', 'Fars', 'East Azerbaijan', 'Gilan', 'KAZ']),
        pick(['KAZ', 'UZB', 'TKM', '', 'Tehran']),
        pick(['1', '20', '300', '', '7.5', '20']),
        pick(['USD', '', 'tonnes']),
        pick(['mining', 'steel-metals', '']),
        pick(['2025-01-01', '2024-06-30', '', '2025-11-09']),
        pick(['Steel', 'steel', 'Ore', '', 'Zinc', 'ore', 'Éclair', 'فولاد']),
      ].join(','),
    );
  const parsed = parseCsv(lines.join('\n'), null, GAZETTEER) as ImportResult;
  return { id, name: `file-${id}.csv`, ...parsed };
}

const datasets = [dataset(1, 300, 5), dataset(2, 120, 9)];
const sectorIds = GAZETTEER.sectors.map((s) => s.id);
const parts: ImportedPart[] = datasets.map((d) => {
  const { flows, places } = visibleRows(d.rows, filters, sectorIds);
  return { dataset: d, rows: Uint32Array.from([...flows, ...places]) };
});

describe('index-based table rows', () => {
  for (const lang of ['en', 'fa'] as Lang[]) {
    const records = [
      ...atlasRecords(state, { atlas, lang, countryName: () => undefined }),
      ...importedRecords(datasets, filters, GAZETTEER, lang),
    ];
    const source = tableSource(records.slice(0, records.length - 420), parts, GAZETTEER, lang);
    const keysOf = (ids: Uint32Array) => [...ids].map((id) => recordAt(source, id).key);

    it(`sorts every column both ways in the same order as the records' sort (${lang})`, () => {
      expect(source.total).toBe(records.length);
      for (const column of TABLE_COLUMNS)
        for (const descending of [false, true]) {
          const query: TableQuery = { ...DEFAULT_QUERY, sort: { column, descending } };
          const expected = queryRecords(records, query, lang).map((r) => r.key);
          expect(keysOf(runNow(queryIds(source, query))), `${column} ${descending}`).toEqual(expected);
        }
    });

    it(`filters by kind, province, partner and text as the records' filter does (${lang})`, () => {
      const queries: Partial<TableQuery>[] = [
        { kind: 'flow' },
        { kind: 'fact' },
        { province: 'IR-03' },
        { partner: 'KAZ' },
        { text: 'steel' },
        { text: 'file-2.csv' },
        { text: 'فولاد', partner: 'UZB' },
      ];
      for (const patch of queries) {
        const query = { ...DEFAULT_QUERY, ...patch };
        const expected = queryRecords(records, query, lang).map((r) => r.key);
        expect(keysOf(runNow(queryIds(source, query))), JSON.stringify(patch)).toEqual(expected);
      }
      expect(runNow(queryIds(source, { ...DEFAULT_QUERY, kind: 'flow' }))).toHaveLength(420);
    });
  }

  it('finds the row a map selection names', () => {
    const source = tableSource([], parts, GAZETTEER, 'en');
    const id = idOfRef(source, { kind: 'flow', id: `2:${parts[1]!.rows[5]}` })!;
    expect(recordAt(source, id).key).toBe(`flow:2:${parts[1]!.rows[5]}`);
    expect(idOfRef(source, { kind: 'flow', id: '3:0' })).toBeNull();
  });

  it('merge-sorts stably, yielding as it goes', () => {
    const keys = [3, 1, 2, 1, 3, 0, 2];
    const steps = mergeSort(Uint32Array.from(keys.keys()), (a, b) => keys[a]! - keys[b]!, 2);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect([...step.value]).toEqual([5, 1, 3, 2, 6, 0, 4]);
    expect(yields).toBeGreaterThan(2);
  });
});
