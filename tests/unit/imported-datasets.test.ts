import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import { runNow } from '../../src/core/work-slices.ts';
import {
  flowAttributes,
  importedRecords,
  rowSummary,
  visibleRows,
  type ImportedDataset,
} from '../../src/model/imported-datasets.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';

const CSV = [
  'origin,destination,value,unit,sector,date,label',
  'East Azerbaijan,Kazakhstan,1200,USD,steel-metals,2025-11-09,Steel <b>to</b> Astana',
  'Tehran,UZB,50,tonnes,mining,2024-06-01,Ore',
  'Razavi Khorasan,,,,,,A place with no date',
  'Fars,TKM,10,,,2025-01-15,No sector',
].join('\n');

const parsed = parseCsv(CSV, null, GAZETTEER) as ImportResult;
const dataset: ImportedDataset = { id: 7, name: 'sample.csv', ...parsed };
const sectorIds = GAZETTEER.sectors.map((s) => s.id);
const all = { sectors: null, time: ALL_TIME };

describe('imported datasets', () => {
  it('splits visible rows into flows and places', () => {
    expect(parsed.errors).toEqual([]);
    const { flows, places } = visibleRows(dataset.rows, all, sectorIds);
    expect([...flows]).toEqual([0, 1, 3]);
    expect([...places]).toEqual([2]);
  });

  it('applies the sector filter; rows without a sector show only when every sector does', () => {
    const steel = visibleRows(dataset.rows, { sectors: ['steel-metals'], time: ALL_TIME }, sectorIds);
    expect([...steel.flows]).toEqual([0]);
    expect(steel.places.length).toBe(0);
  });

  it('applies the time filter, inclusive by day, and the undated switch', () => {
    const y2025 = visibleRows(
      dataset.rows,
      { sectors: null, time: { from: '2025-01-15', to: '2025-11-09', undated: false } },
      sectorIds,
    );
    expect([...y2025.flows]).toEqual([0, 3]);
    expect(y2025.places.length).toBe(0);
  });

  it('returns the same arrays for the same filters, so layers keep their buffers', () => {
    expect(visibleRows(dataset.rows, { ...all }, sectorIds)).toBe(visibleRows(dataset.rows, all, sectorIds));
  });

  it('builds binary positions and colours', () => {
    const { flows } = visibleRows(dataset.rows, all, sectorIds);
    const grey: [number, number, number, number] = [90, 90, 90, 230];
    const palette = sectorIds.map((_, i): [number, number, number, number] => [i, 0, 0, 255]);
    const a = runNow(flowAttributes(dataset.rows, flows, palette, grey));
    expect(a.length).toBe(3);
    expect(a.sourcePositions[0]).toBeCloseTo(dataset.rows.origins[0]!, 4);
    expect(a.targetPositions[1]).toBeCloseTo(dataset.rows.destinations[1]!, 4);
    expect([...a.targetColors.slice(0, 4)]).toEqual(palette[sectorIds.indexOf('steel-metals')]);
    expect([...a.targetColors.slice(8, 12)]).toEqual(grey); // no sector
  });

  it('describes rows as text, with the file and row as the source', () => {
    const row = rowSummary(dataset, 0, GAZETTEER, 'en');
    expect(row.title).toBe('Steel <b>to</b> Astana'); // kept as text; views set textContent
    expect(row.where).toMatch(/→/);
    expect(row.source).toBe('sample.csv, row 2');
    const records = importedRecords([dataset], all, GAZETTEER, 'en');
    expect(records.map((r) => r.key)).toEqual(['flow:7:0', 'flow:7:1', 'flow:7:3', 'flow:7:2']);
    expect(records[0]!.provinces).toEqual(['IR-03']);
    expect(records[0]!.partners).toEqual(['KAZ']);
  });
});
