// Two periods of imported flows side by side: each period merged by origin–destination pair (and by place),
// and each pair or place classed as new (only in B), gone (only in A), more, less or the same. Pure.
//
// What is compared: a pair's total when every row of it in both periods carries a value in one unit;
// otherwise (mixed units, or rows without a value) its number of rows, and the result says so (`measure`).
// A place compares what leaves and arrives there, by the same rule over all its pairs. Undated rows fall
// in neither period. "Same" is a change within ±1 % of the larger of the two (SAME_TOLERANCE).
import type { ImportedRows } from '../core/import-types.ts';
import { runNow } from '../core/work-slices.ts';
import type { Period, PeriodPair } from '../state/compare-state.ts';
import { aggregatePairs, pairKey, placeTotals, type PairAggregate } from './flow-aggregate.ts';

export const CHANGE_CLASSES = ['new', 'more', 'same', 'less', 'gone'] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

/** Changes smaller than this share of the larger value count as "same": rounding in a source is not a change. */
export const SAME_TOLERANCE = 0.01;

/** A pair's or a place's two periods and how they differ. */
export interface Change {
  /** Totals, or row counts when `measure` is 'rows'. */
  a: number;
  b: number;
  measure: 'total' | 'rows';
  /** Why rows are counted instead of totals. */
  byRows: 'mixed-units' | 'unvalued' | null;
  /** The unit of the totals ('' when the rows name none); null when rows are counted. */
  unit: string | null;
  rowsA: number;
  rowsB: number;
  /** b − a. */
  change: number;
  /** (b − a) / a; null when a is 0 (new, or nothing to divide by). */
  relative: number | null;
  kind: ChangeClass;
}

export interface PairChange extends Change {
  originKey: string;
  destinationKey: string;
  /** lon, lat of the ends, as the first row of the pair has them. */
  origin: [number, number];
  destination: [number, number];
}

export interface PlaceChange extends Change {
  key: string;
  position: [number, number];
}

export interface PeriodComparison {
  pairs: PairChange[];
  places: PlaceChange[];
  /** Pairs and places in each class. */
  pairCounts: Record<ChangeClass, number>;
  placeCounts: Record<ChangeClass, number>;
  /** Pairs compared by row count (mixed units or rows without a value). */
  byRows: number;
  /** Each pair's change by `pairKey(origin, destination)`: the table looks rows up here. */
  byPair: Map<string, PairChange>;
}

const DAY_MS = 86_400_000;
const dayStart = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The rows among `flows` dated inside the period (inclusive days); undated rows are in no period. */
export function rowsInPeriod(rows: ImportedRows, flows: Uint32Array, period: Period): Uint32Array {
  const [from, to] = [dayStart(period.from), dayStart(period.to) + DAY_MS - 1];
  return flows.filter((i) => {
    const date = rows.dates[i]!;
    return date >= from && date <= to; // NaN (undated) fails both
  });
}

/** The class of a change from `a` to `b`, given which periods have rows at all. */
export function classify(a: number, b: number, inA: boolean, inB: boolean): ChangeClass {
  if (!inA) return 'new';
  if (!inB) return 'gone';
  if (Math.abs(b - a) <= SAME_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) return 'same';
  return b > a ? 'more' : 'less';
}

interface Tally {
  rowsA: number;
  rowsB: number;
  totalA: number;
  totalB: number;
  /** Unit index shared by every row so far; -3 before the first row, -2 once mixed, -4 once a row has no value. */
  unit: number;
}

const emptyTally = (): Tally => ({ rowsA: 0, rowsB: 0, totalA: 0, totalB: 0, unit: -3 });

function addRows(tally: Tally, rows: ImportedRows, indexes: Uint32Array, inA: boolean): void {
  for (const i of indexes) {
    const value = rows.values[i]!;
    if (inA) tally.rowsA++;
    else tally.rowsB++;
    if (Number.isNaN(value)) tally.unit = -4;
    else {
      if (inA) tally.totalA += value;
      else tally.totalB += value;
      const u = rows.units[i]!;
      if (tally.unit !== -4) tally.unit = tally.unit === -3 || tally.unit === u ? u : -2;
    }
  }
}

function changeOf(tally: Tally, rows: ImportedRows): Change {
  const total = tally.unit >= -1;
  const [a, b] = total ? [tally.totalA, tally.totalB] : [tally.rowsA, tally.rowsB];
  return {
    a,
    b,
    measure: total ? 'total' : 'rows',
    byRows: total ? null : tally.unit === -4 ? 'unvalued' : 'mixed-units',
    unit: total ? (tally.unit >= 0 ? rows.unitNames[tally.unit]! : '') : null,
    rowsA: tally.rowsA,
    rowsB: tally.rowsB,
    change: b - a,
    relative: a === 0 ? null : (b - a) / Math.abs(a),
    kind: classify(a, b, tally.rowsA > 0, tally.rowsB > 0),
  };
}

const countClasses = (changes: Change[]): Record<ChangeClass, number> => {
  const counts = Object.fromEntries(CHANGE_CLASSES.map((c) => [c, 0])) as Record<ChangeClass, number>;
  for (const c of changes) counts[c.kind]++;
  return counts;
};

const lonLat = (positions: Float64Array, k: number): [number, number] => [positions[2 * k]!, positions[2 * k + 1]!];

/**
 * Compares periods A and B over `flows` (row indexes with two ends, already through the sector filter).
 * Pairs come in the order they first appear in A, then those only in B; places likewise.
 */
export function comparePeriods(rows: ImportedRows, flows: Uint32Array, periods: PeriodPair): PeriodComparison {
  const inA = runNow(aggregatePairs(rows, rowsInPeriod(rows, flows, periods.a)));
  const inB = runNow(aggregatePairs(rows, rowsInPeriod(rows, flows, periods.b)));
  const pairs = new Map<string, { tally: Tally; from: PairAggregate; p: number }>();
  const tallyPairs = (aggregate: PairAggregate, isA: boolean) => {
    for (let p = 0; p < aggregate.count; p++) {
      const key = pairKey(aggregate.originKeys.at(p), aggregate.destinationKeys.at(p));
      let entry = pairs.get(key);
      if (!entry) pairs.set(key, (entry = { tally: emptyTally(), from: aggregate, p }));
      addRows(
        entry.tally,
        rows,
        aggregate.rowIndexes.subarray(aggregate.rowStarts[p]!, aggregate.rowStarts[p + 1]!),
        isA,
      );
    }
  };
  tallyPairs(inA, true);
  tallyPairs(inB, false);

  const places = new Map<string, { tally: Tally; position: [number, number] }>();
  // Place totals per period (what leaves plus what arrives), from the same pairs.
  const tallyPlaces = (aggregate: PairAggregate, isA: boolean) => {
    const totals = placeTotals(aggregate);
    totals.keys.forEach((key, k) => {
      let entry = places.get(key);
      if (!entry) places.set(key, (entry = { tally: emptyTally(), position: lonLat(totals.positions, k) }));
      const t = entry.tally;
      if (isA)
        [t.rowsA, t.totalA] = [t.rowsA + totals.rowCounts[k]!, t.totalA + totals.outgoing[k]! + totals.incoming[k]!];
      else [t.rowsB, t.totalB] = [t.rowsB + totals.rowCounts[k]!, t.totalB + totals.outgoing[k]! + totals.incoming[k]!];
    });
  };
  tallyPlaces(inA, true);
  tallyPlaces(inB, false);

  const pairChanges: PairChange[] = [];
  for (const { tally, from, p } of pairs.values()) {
    const originKey = from.originKeys.at(p);
    const destinationKey = from.destinationKeys.at(p);
    pairChanges.push({
      ...changeOf(tally, rows),
      originKey,
      destinationKey,
      origin: lonLat(from.origins, p),
      destination: lonLat(from.destinations, p),
    });
    // A place's unit rule: totals only when every pair through it has totals in one and the same unit.
    for (const key of originKey === destinationKey ? [originKey] : [originKey, destinationKey]) {
      const place = places.get(key)!.tally;
      place.unit = mergeUnit(place.unit, tally.unit);
    }
  }
  const placeChanges: PlaceChange[] = [...places].map(([key, { tally, position }]) => ({
    ...changeOf(tally, rows),
    key,
    position,
  }));
  return {
    pairs: pairChanges,
    places: placeChanges,
    pairCounts: countClasses(pairChanges),
    placeCounts: countClasses(placeChanges),
    byRows: pairChanges.filter((c) => c.measure === 'rows').length,
    byPair: new Map(pairChanges.map((c) => [pairKey(c.originKey, c.destinationKey), c])),
  };
}

/** Two tallies' unit state combined: unvalued wins over mixed, mixed over a unit; -3 means none yet. */
function mergeUnit(a: number, b: number): number {
  if (a === -4 || b === -4) return -4;
  if (a === -3) return b;
  if (b === -3) return a;
  return a === b ? a : -2;
}

/** The change of one pair, by its place keys (the table's change column for a pair). */
export function changeOfPair(
  comparison: PeriodComparison,
  originKey: string,
  destinationKey: string,
): PairChange | null {
  return comparison.byPair.get(pairKey(originKey, destinationKey)) ?? null;
}

/** The change of the pair row `i` belongs to (the table's change column for an imported row); null for a place row. */
export function changeOfRow(comparison: PeriodComparison, rows: ImportedRows, i: number): PairChange | null {
  if (Number.isNaN(rows.destinations[2 * i]!)) return null;
  return changeOfPair(comparison, rows.originNames.at(i)!, rows.destinationNames.at(i)!);
}
