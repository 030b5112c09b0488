// A new file's flow map is worked out in slices: its marks (`prepareMarks`), its clusters (`clusterSteps`) and
// its binary attributes (`flowMapSteps`) yield every step of items, and land in the memos the redraw reads.
// Done in one go, 100,000 pairs held the page for about 300 ms in the import benchmark.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import { ITEMS_PER_STEP } from '../../src/core/work-slices.ts';
import { visibleRows } from '../../src/model/imported-datasets.ts';
import { datasetPlaces, marksAt, prepareMarks } from '../../src/model/imported-flows.ts';
import { clusterSteps, heaviestFirst, UNCLUSTERED } from '../../src/model/flow-clusters.ts';
import { flowMapSteps } from '../../src/layers/flow-map-data.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';
import { countYields } from './count-yields.ts';

const PAIRS = 3 * ITEMS_PER_STEP;
const lines = ['origin,destination,value,unit'];
for (let i = 0; i < PAIRS; i++)
  lines.push(`"${30 + (i % 900) / 100}, ${50 + i / 1000}","${40 + (i % 700) / 100}, ${60 + i / 1000}",${i + 1},USD`);
const { rows } = parseCsv(lines.join('\n'), null, GAZETTEER) as ImportResult;
const flows = visibleRows(rows, { sectors: null, time: ALL_TIME }, []).flows;

describe('a flow map prepared in slices', () => {
  it('puts the marks in the memo the redraw reads, pausing along the way', async () => {
    let pauses = 0;
    const marks = await prepareMarks(rows, flows, UNCLUSTERED, async () => void pauses++);
    expect(marks.count).toBe(PAIRS);
    expect(marksAt(rows, flows, UNCLUSTERED)).toBe(marks);
    expect(pauses).toBeGreaterThan(0);
  });

  it('yields every step of marks while building attributes, and of places while clustering', () => {
    const marks = marksAt(rows, flows, UNCLUSTERED);
    const built = countYields(flowMapSteps(1, marks, null, [], [0, 0, 0, 255]));
    expect(built.yields).toBeGreaterThanOrEqual(Math.floor(marks.count / ITEMS_PER_STEP));
    expect(built.value.arcs.length).toBe(PAIRS);
    const places = datasetPlaces(rows);
    const clustered = countYields(clusterSteps(places.positions, places.rowCounts, 8));
    // Weights, their order, the assignment to clusters and the member lists: each goes through the places in
    // steps (the member lists of two million places, done at the end in one go, were a step of their own).
    expect(clustered.yields).toBeGreaterThanOrEqual(6 * Math.floor(places.count / ITEMS_PER_STEP));
    expect(clustered.value.count).toBeLessThan(places.count);
  });

  it('orders places heaviest first, then first seen, by one numeric sort', () => {
    const weights = [3, 7, 3, 0, 7, 1];
    expect([...heaviestFirst(weights, weights.length)]).toEqual([1, 4, 0, 2, 5, 3]);
    expect([...heaviestFirst([0.5, 1.5, 0.5], 3)]).toEqual([1, 0, 2]);
  });
});
