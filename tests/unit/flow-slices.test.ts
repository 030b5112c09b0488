// The flow map's preparation of a new file runs in slices (src/model/imported-flows.ts `placePairs`): between
// two yields it reads at most a step's worth of rows, however few pairs hold them. A file of a million rows in
// a handful of pairs once read every row's sector in one step (50 ms and more of one main-thread task).
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult, ImportedRows } from '../../src/core/import-types.ts';
import { ITEMS_PER_STEP } from '../../src/core/work-slices.ts';
import { visibleRows } from '../../src/model/imported-datasets.ts';
import { placePairs } from '../../src/model/imported-flows.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';

const ROWS = 5 * ITEMS_PER_STEP;
const lines = ['origin,destination,value,unit,sector,label'];
for (let i = 0; i < ROWS; i++) lines.push(`${i % 2 ? 'Tehran' : 'Gilan'},Kazakhstan,${i + 1},USD,food,row ${i}`);
const parsed = parseCsv(lines.join('\n'), null, GAZETTEER) as ImportResult;

/** The rows, with every read of a row's sector counted. */
function counting(rows: ImportedRows): { rows: ImportedRows; reads: () => number } {
  let reads = 0;
  const sectors = new Proxy(rows.sectors, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { rows: { ...rows, sectors }, reads: () => reads };
}

describe('preparing a flow map in slices', () => {
  it('reads at most a step of rows between yields, even when two pairs hold every row', () => {
    expect(parsed.rows.count).toBe(ROWS);
    const flows = visibleRows(
      parsed.rows,
      { sectors: null, time: ALL_TIME },
      GAZETTEER.sectors.map((s) => s.id),
    ).flows;
    const { rows, reads } = counting(parsed.rows);
    const steps = placePairs(rows, flows);
    let [longest, before] = [0, 0];
    for (let step = steps.next(); ; step = steps.next()) {
      longest = Math.max(longest, reads() - before);
      before = reads();
      if (step.done) {
        expect(step.value.count).toBe(2);
        expect([...step.value.sectors]).toEqual([step.value.sectors[0], step.value.sectors[0]]);
        expect(step.value.sectors[0]).toBeGreaterThanOrEqual(0);
        break;
      }
    }
    expect(reads()).toBeGreaterThanOrEqual(ROWS);
    expect(longest).toBeLessThanOrEqual(ITEMS_PER_STEP);
  });
});
