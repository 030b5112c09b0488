import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import { visibleRows } from '../../src/model/imported-datasets.ts';
import {
  changeOfPair,
  changeOfRow,
  classify,
  comparePeriods,
  rowsInPeriod,
  SAME_TOLERANCE,
  type PeriodComparison,
} from '../../src/model/period-compare.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import { parseCompare } from '../../src/state/compare-state.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';

const rowsOf = (text: string) => (parseCsv(text, null, GAZETTEER) as ImportResult).rows;
const FIXTURE = readFileSync(new URL('../fixtures/compare/two-years.csv', import.meta.url), 'utf8');
const ROWS = rowsOf(FIXTURE);
const flows = visibleRows(
  ROWS,
  { sectors: null, time: ALL_TIME },
  GAZETTEER.sectors.map((s) => s.id),
).flows;
const YEARS = parseCompare('2024-01-01..2024-12-31~2025-01-01..2025-12-31')!;

/** "Origin → Destination: class" for each pair, by the gazetteer's English names. */
const named = (key: string) => GAZETTEER.entries.find((e) => e.id === key)?.name.en ?? key;
const classes = (c: PeriodComparison) =>
  Object.fromEntries(c.pairs.map((p) => [`${named(p.originKey)} → ${named(p.destinationKey)}`, p.kind]));
const pair = (c: PeriodComparison, from: string, to: string) =>
  c.pairs.find((p) => named(p.originKey) === from && named(p.destinationKey) === to)!;

describe('comparePeriods', () => {
  const result = comparePeriods(ROWS, flows, YEARS);

  it('classes every pair of the fixture: more, less, same, new, gone, and counts them', () => {
    expect(classes(result)).toEqual({
      'Tehran → Kazakhstan': 'more',
      'Fars → Uzbekistan': 'less',
      'Gilan → Russia': 'same',
      'Tehran → Uzbekistan': 'gone',
      'Razavi Khorasan → Kazakhstan': 'more',
      'East Azerbaijan → Turkmenistan': 'new',
    });
    expect(result.pairCounts).toEqual({ new: 1, more: 2, same: 1, less: 1, gone: 1 });
  });

  it('gives the absolute and relative change of totals in one unit', () => {
    expect(pair(result, 'Tehran', 'Kazakhstan')).toMatchObject({
      a: 100,
      b: 150,
      change: 50,
      relative: 0.5,
      measure: 'total',
      unit: 'tonnes',
      rowsA: 1,
      rowsB: 1,
    });
    expect(pair(result, 'Fars', 'Uzbekistan')).toMatchObject({ a: 200, b: 80, change: -120, relative: -0.6 });
    const gone = pair(result, 'Tehran', 'Uzbekistan');
    expect(gone).toMatchObject({ a: 40, b: 0, change: -40, relative: -1 });
    expect(pair(result, 'East Azerbaijan', 'Turkmenistan')).toMatchObject({ a: 0, b: 30, relative: null });
  });

  it('leaves undated rows and rows outside both periods out (the 999 and the 500 of Tehran → Kazakhstan)', () => {
    expect(rowsInPeriod(ROWS, flows, YEARS.a)).toHaveLength(5);
    expect(rowsInPeriod(ROWS, flows, YEARS.b)).toHaveLength(6); // 2025-12-31, the last day, is inside
  });

  it('compares row counts when a pair mixes units, and says so', () => {
    expect(pair(result, 'Razavi Khorasan', 'Kazakhstan')).toMatchObject({
      a: 1,
      b: 2,
      measure: 'rows',
      byRows: 'mixed-units',
      unit: null,
      kind: 'more',
    });
    expect(result.byRows).toBe(1);
  });

  it('compares row counts when a row has no value', () => {
    const rows = rowsOf(
      'origin,destination,value,date\nTehran,Kazakhstan,5,2024-01-02\nTehran,Kazakhstan,,2025-01-02\n',
    );
    const only = comparePeriods(rows, Uint32Array.from([0, 1]), YEARS).pairs[0]!;
    expect(only).toMatchObject({ measure: 'rows', byRows: 'unvalued', a: 1, b: 1, kind: 'same' });
  });

  it('classes places by what leaves and arrives there, counting rows where their pairs mix units', () => {
    const places = Object.fromEntries(result.places.map((p) => [named(p.key), [p.kind, p.a, p.b, p.measure]]));
    expect(places).toEqual({
      Tehran: ['more', 140, 150, 'total'],
      Kazakhstan: ['more', 2, 3, 'rows'],
      Fars: ['less', 200, 80, 'total'],
      Uzbekistan: ['less', 240, 80, 'total'],
      Gilan: ['same', 50, 50.3, 'total'],
      Russia: ['same', 50, 50.3, 'total'],
      'Razavi Khorasan': ['more', 1, 2, 'rows'],
      'East Azerbaijan': ['new', 0, 30, 'total'],
      Turkmenistan: ['new', 0, 30, 'total'],
    });
    expect(result.placeCounts).toEqual({ new: 2, more: 3, same: 2, less: 2, gone: 0 });
  });

  it('gives empty results for periods with no rows', () => {
    const empty = comparePeriods(ROWS, flows, parseCompare('2030-01-01..2030-12-31~2031-01-01..2031-12-31')!);
    expect(empty.pairs).toEqual([]);
    expect(empty.places).toEqual([]);
    expect(empty.pairCounts).toEqual({ new: 0, more: 0, same: 0, less: 0, gone: 0 });
    // One empty period: everything in the other is new (B) or gone (A).
    const onlyB = comparePeriods(ROWS, flows, parseCompare('2030-01-01..2030-12-31~2025-01-01..2025-12-31')!);
    expect(onlyB.pairs.every((p) => p.kind === 'new')).toBe(true);
  });

  it('looks up the change of a pair and of an imported row for the table', () => {
    const row = 4; // Fars → Uzbekistan, 200 in A
    expect(changeOfRow(result, ROWS, row)).toBe(pair(result, 'Fars', 'Uzbekistan'));
    expect(changeOfPair(result, ROWS.originNames.at(row)!, ROWS.destinationNames.at(row)!)?.kind).toBe('less');
    expect(changeOfRow(result, ROWS, ROWS.count - 1)).toBeNull(); // the place row
    expect(changeOfPair(result, 'nowhere', 'else')).toBeNull();
  });
});

describe('classify', () => {
  it(`calls a change within ±${SAME_TOLERANCE * 100} % of the larger value the same`, () => {
    expect(classify(100, 101, true, true)).toBe('same');
    expect(classify(100, 99, true, true)).toBe('same');
    expect(classify(100, 101.5, true, true)).toBe('more');
    expect(classify(100, 98.5, true, true)).toBe('less');
    expect(classify(0, 0, true, true)).toBe('same');
    expect(classify(0, 5, false, true)).toBe('new');
    expect(classify(5, 0, true, false)).toBe('gone');
  });
});

describe('parseCompare', () => {
  it('reads two inclusive periods in either order and refuses overlap, reversed or partial ones', () => {
    expect(parseCompare('2025-01-01..2025-12-31~2024-01-01..2024-12-31')).toEqual({
      a: { from: '2025-01-01', to: '2025-12-31' },
      b: { from: '2024-01-01', to: '2024-12-31' },
    });
    expect(parseCompare('2024-01-01..2024-06-30~2024-06-30..2024-12-31')).toBeNull(); // share a day
    expect(parseCompare('2024-12-31..2024-01-01~2025-01-01..2025-12-31')).toBeNull();
    expect(parseCompare('2024-01-01..~2025-01-01..2025-12-31')).toBeNull();
    expect(parseCompare('2024-01-01..2024-12-31')).toBeNull();
    expect(parseCompare('2024-02-30..2024-12-31~2025-01-01..2025-12-31')).toBeNull();
    expect(parseCompare('۲۰۲۴-۰۱-۰۱..2024-12-31~2025-01-01..2025-12-31')).toBeNull();
  });
});
