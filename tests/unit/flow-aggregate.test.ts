import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import { runNow } from '../../src/core/work-slices.ts';
import { visibleRows } from '../../src/model/imported-datasets.ts';
import { aggregatePairs, pairRows, placeTotals } from '../../src/model/flow-aggregate.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';

const rowsOf = (lines: string[]) => (parseCsv(lines.join('\n'), null, GAZETTEER) as ImportResult).rows;
const sectorIds = GAZETTEER.sectors.map((s) => s.id);
const all = { sectors: null, time: ALL_TIME };

const ROWS = rowsOf([
  'origin,destination,value,unit',
  'East Azerbaijan,Kazakhstan,100,USD',
  'Tehran,UZB,50,USD',
  'IR-03,KAZ,20,USD', // the same pair as row 1, by codes
  'East Azerbaijan,Kazakhstan,,USD', // no value: counted, not totalled
  'Kazakhstan,East Azerbaijan,5,USD', // the other direction is another pair
  'Razavi Khorasan,,,,', // a place, not a flow
]);

describe('aggregatePairs', () => {
  const { flows } = visibleRows(ROWS, all, sectorIds);
  const pairs = runNow(aggregatePairs(ROWS, flows));

  it('merges rows with the same ends, whatever the spelling, and keeps direction', () => {
    expect(pairs.count).toBe(3);
    expect([...pairs.rowCounts]).toEqual([3, 1, 1]);
    expect([...pairs.totals]).toEqual([120, 50, 5]);
    expect([...pairs.valued]).toEqual([2, 1, 1]);
    expect(pairs.originKeys.at(0)).toBe(pairs.destinationKeys.at(2));
  });

  it('reaches the rows behind each pair, in file order', () => {
    expect([...pairRows(pairs, 0)]).toEqual([0, 2, 3]);
    expect([...pairRows(pairs, 1)]).toEqual([1]);
    expect([...pairRows(pairs, 2)]).toEqual([4]);
  });

  it('says when the totals add different units', () => {
    expect(ROWS.unitNames[pairs.unit]).toBe('USD');
    const mixed = rowsOf(['origin,destination,value,unit', 'Tehran,UZB,1,USD', 'Fars,UZB,2,tonnes']);
    expect(runNow(aggregatePairs(mixed, visibleRows(mixed, all, sectorIds).flows)).unit).toBe(-2);
  });

  it('totals what leaves and arrives at each place', () => {
    const places = placeTotals(pairs);
    const ea = places.keys.indexOf(pairs.originKeys.at(0));
    expect(places.outgoing[ea]).toBe(120);
    expect(places.incoming[ea]).toBe(5);
    expect(places.rowCounts[ea]).toBe(4);
  });
});
