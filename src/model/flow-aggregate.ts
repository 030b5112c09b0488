// Imported origin–destination rows merged into one mark per pair, as flow maps draw them: a pair's
// total, its row count and the rows behind it, so hover and table can still reach every row.
// Pure; written as `Steps` so a million rows can be merged in slices (`runSliced`) or at once.
import type { ImportedRows } from '../core/import-types.ts';
import { copiedSteps, filledSteps, ITEMS_PER_STEP, type Steps } from '../core/work-slices.ts';
import { PairIds } from '../core/pair-ids.ts';
import { KeyColumn, placeIdsOf } from '../core/place-ids.ts';

/**
 * Pairs in first-seen order. A pair is keyed by the rows' place keys (`originNames`,
 * `destinationNames`: a gazetteer id, or the coordinate text), so two spellings of one place meet.
 */
export interface PairAggregate {
  count: number;
  /** The pair's place keys, as its rows' `originNames` and `destinationNames` read them. */
  originKeys: KeyColumn;
  destinationKeys: KeyColumn;
  /** 2·count numbers, lon, lat: the first row's ends. */
  origins: Float64Array;
  destinations: Float64Array;
  /** Sum of the rows' values; rows without a value add nothing to it (see `valued`). */
  totals: Float64Array;
  /** Rows in the pair, valued or not. */
  rowCounts: Uint32Array;
  /** Rows in the pair that carry a value. */
  valued: Uint32Array;
  /** The rows of pair p are `rowIndexes[rowStarts[p] .. rowStarts[p + 1])`, in file order. */
  rowStarts: Uint32Array;
  rowIndexes: Uint32Array;
  /**
   * Index into `rows.unitNames` when every valued row has the same unit; -1 when there are none,
   * -2 when they are mixed: then totals add different things and only counts may be shown.
   */
  unit: number;
}

/** Separates the two keys: a character no place key contains (names are normalised text). */
const SEP = '\u0000';

export const pairKey = (originKey: string, destinationKey: string): string => `${originKey}${SEP}${destinationKey}`;

/** Merges the rows `flows` (indexes of rows with two ends) by pair. Run with `runNow` or `runSliced`. */
export function* aggregatePairs(rows: ImportedRows, flows: Uint32Array): Steps<PairAggregate> {
  const places = placeIdsOf(rows);
  const byPlaces = yield* PairIds.sized(flows.length);
  const pairOfRow = new Uint32Array(flows.length);
  const firstRows = new Uint32Array(flows.length);
  let unit = -1;
  for (let k = 0; k < flows.length; k++) {
    if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const i = flows[k]!;
    const p = byPlaces.idOf(places.origins[i]!, places.destinations[i]!);
    if (p === byPlaces.size - 1) firstRows[p] = i;
    pairOfRow[k] = p;
    if (!Number.isNaN(rows.values[i]!)) {
      const u = rows.units[i]!;
      unit = unit === -1 ? u : unit === u ? unit : -2;
    }
  }
  const count = byPlaces.size;
  const firstRow = firstRows.subarray(0, count);
  // A million pairs' columns are tens of megabytes: allocated and filled over several steps.
  yield;
  const origins = new Float64Array(2 * count);
  const destinations = new Float64Array(2 * count);
  for (let p = 0; p < count; p++) {
    if (p % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const i = firstRow[p]!;
    origins[2 * p] = rows.origins[2 * i]!;
    origins[2 * p + 1] = rows.origins[2 * i + 1]!;
    destinations[2 * p] = rows.destinations[2 * i]!;
    destinations[2 * p + 1] = rows.destinations[2 * i + 1]!;
  }
  yield;
  const out: PairAggregate = {
    count,
    originKeys: new KeyColumn(places.keys, byPlaces.firsts.subarray(0, count)),
    destinationKeys: new KeyColumn(places.keys, byPlaces.seconds.subarray(0, count)),
    origins,
    destinations,
    // Written at random, by pair: their pages are written first, a step at a time.
    totals: yield* filledSteps(new Float64Array(count)),
    rowCounts: yield* filledSteps(new Uint32Array(count)),
    valued: yield* filledSteps(new Uint32Array(count)),
    rowStarts: new Uint32Array(count + 1),
    rowIndexes: yield* filledSteps(new Uint32Array(flows.length)),
    unit,
  };
  for (let k = 0; k < flows.length; k++) {
    if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const p = pairOfRow[k]!;
    const value = rows.values[flows[k]!]!;
    out.rowCounts[p]!++;
    if (!Number.isNaN(value)) {
      out.totals[p]! += value;
      out.valued[p]!++;
    }
  }
  // Counting sort of the rows by pair: offsets from the counts, then each row into its slot.
  for (let p = 0; p < count; p++) {
    if (p % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    out.rowStarts[p + 1] = out.rowStarts[p]! + out.rowCounts[p]!;
  }
  const next = yield* copiedSteps(out.rowStarts.subarray(0, count));
  for (let k = 0; k < flows.length; k++) {
    if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    out.rowIndexes[next[pairOfRow[k]!]!++] = flows[k]!;
  }
  return out;
}

/** The rows behind pair `p`, in file order. */
export const pairRows = (pairs: PairAggregate, p: number): Uint32Array =>
  pairs.rowIndexes.subarray(pairs.rowStarts[p]!, pairs.rowStarts[p + 1]!);

/** Totals at each place that ends a pair: what leaves it and what arrives, as flow maps show at nodes. */
export interface PlaceTotals {
  keys: string[];
  /** 2·count numbers, lon, lat. */
  positions: Float64Array;
  outgoing: Float64Array;
  incoming: Float64Array;
  /** Rows that start or end at the place. */
  rowCounts: Uint32Array;
}

export function placeTotals(pairs: PairAggregate): PlaceTotals {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const positions: number[] = [];
  const slot = (key: string, lonLat: Float64Array, p: number) => {
    let s = index.get(key);
    if (s === undefined) {
      index.set(key, (s = keys.length));
      keys.push(key);
      positions.push(lonLat[2 * p]!, lonLat[2 * p + 1]!);
    }
    return s;
  };
  const ends = Array.from({ length: pairs.count }, (_, p) => [
    slot(pairs.originKeys.at(p), pairs.origins, p),
    slot(pairs.destinationKeys.at(p), pairs.destinations, p),
  ]);
  const out: PlaceTotals = {
    keys,
    positions: Float64Array.from(positions),
    outgoing: new Float64Array(keys.length),
    incoming: new Float64Array(keys.length),
    rowCounts: new Uint32Array(keys.length),
  };
  ends.forEach(([from, to], p) => {
    out.outgoing[from!]! += pairs.totals[p]!;
    out.incoming[to!]! += pairs.totals[p]!;
    out.rowCounts[from!]! += pairs.rowCounts[p]!;
    if (to !== from) out.rowCounts[to!]! += pairs.rowCounts[p]!;
  });
  return out;
}
