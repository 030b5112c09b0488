// Imported flows as a flow map draws them: the visible rows merged by pair (`aggregatePairs`), the pairs
// merged again between clusters of places at low zoom (`flow-clusters.ts`), and the refs that name a
// drawn arc or dot so the panel, the focus and the table reach the rows behind it. Pure; memoised.
import type { ImportedRows } from '../core/import-types.ts';
import {
  copiedSteps,
  filledSteps,
  ITEMS_PER_STEP,
  runNow,
  runSliced,
  type Pause,
  type Steps,
} from '../core/work-slices.ts';
import { PairIds } from '../core/pair-ids.ts';
import { KeyColumn, numberPlacesSliced, placeIdsOf } from '../core/place-ids.ts';
import { aggregatePairs, type PairAggregate } from './flow-aggregate.ts';
import { clusterMembers, clusterPlaces, clusterSteps, type Clusters } from './flow-clusters.ts';

/**
 * Every place that ends a flow row of a dataset, whatever the filters: clusters are made from these, so
 * they stay put while the time slider moves. `rowCounts` weighs them (counts add across units; values may not).
 */
export interface DatasetPlaces {
  count: number;
  keys: KeyColumn;
  /** The place of each numbered key (`placeIdsOf(rows)`), -1 for one that ends no flow row. */
  ofId: Int32Array;
  /** 2·count numbers, lon, lat: the first row's. */
  positions: Float64Array;
  rowCounts: Float64Array;
}

function* collectPlaces(rows: ImportedRows): Steps<DatasetPlaces> {
  const ids = placeIdsOf(rows);
  // Tens of megabytes for two million keys. `ofId` is read by key at random: its pages are written first, in
  // steps; the others fill in order, a place at a time.
  const ofId = yield* filledSteps(new Int32Array(ids.keys.length), -1);
  const keyIds = new Uint32Array(ids.keys.length);
  const positions = new Float64Array(2 * ids.keys.length);
  const counts = new Float64Array(ids.keys.length);
  let count = 0;
  const add = (id: number, lonLat: Float64Array, i: number) => {
    let p = ofId[id]!;
    if (p < 0) {
      ofId[id] = p = count++;
      keyIds[p] = id;
      positions[2 * p] = lonLat[2 * i]!;
      positions[2 * p + 1] = lonLat[2 * i + 1]!;
    }
    counts[p]!++;
  };
  for (let i = 0; i < rows.count; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    if (Number.isNaN(rows.destinations[2 * i]!)) continue;
    add(ids.origins[i]!, rows.origins, i);
    add(ids.destinations[i]!, rows.destinations, i);
  }
  return {
    count,
    keys: new KeyColumn(ids.keys, keyIds.subarray(0, count)),
    ofId,
    positions: positions.subarray(0, 2 * count),
    rowCounts: counts.subarray(0, count),
  };
}

const placesCache = new WeakMap<ImportedRows, DatasetPlaces>();
export function datasetPlaces(rows: ImportedRows): DatasetPlaces {
  let places = placesCache.get(rows);
  if (!places) placesCache.set(rows, (places = runNow(collectPlaces(rows))));
  return places;
}

/** A key's memo of values by level, made on first use. */
function byLevelOf<K extends object, V>(cache: WeakMap<K, Map<number, V>>, key: K): Map<number, V> {
  let byLevel = cache.get(key);
  if (!byLevel) cache.set(key, (byLevel = new Map()));
  return byLevel;
}

const clustersCache = new WeakMap<DatasetPlaces, Map<number, Clusters>>();
/** The dataset's places clustered at `level`, memoised per level. */
export function clustersAt(places: DatasetPlaces, level: number): Clusters {
  const byLevel = byLevelOf(clustersCache, places);
  let clusters = byLevel.get(level);
  if (!clusters) byLevel.set(level, (clusters = clusterPlaces(places.positions, places.rowCounts, level)));
  return clusters;
}

/** Visible pairs with their ends as indexes into `DatasetPlaces`, and each pair's sector (-1 none, -2 mixed). */
export interface PlacedPairs extends PairAggregate {
  originPlaces: Uint32Array;
  destinationPlaces: Uint32Array;
  sectors: Int16Array;
}

export function* placePairs(rows: ImportedRows, flows: Uint32Array): Steps<PlacedPairs> {
  const pairs = yield* aggregatePairs(rows, flows);
  const places = datasetPlaces(rows);
  const out: PlacedPairs = {
    ...pairs,
    originPlaces: new Uint32Array(pairs.count),
    destinationPlaces: new Uint32Array(pairs.count),
    sectors: new Int16Array(pairs.count),
  };
  const ids = placeIdsOf(rows);
  for (let p = 0; p < pairs.count; p++) {
    if (p % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const first = pairs.rowIndexes[pairs.rowStarts[p]!]!;
    out.originPlaces[p] = places.ofId[ids.origins[first]!]!;
    out.destinationPlaces[p] = places.ofId[ids.destinations[first]!]!;
  }
  // Each pair's sector, over its rows in pair order: yielding by rows, not by pairs, as a few pairs may hold a
  // million rows (one pass of them held the page for 50 ms and more).
  for (let p = 0, k = 0; p < pairs.count; p++) {
    let sector = -3;
    for (const end = pairs.rowStarts[p + 1]!; k < end; k++) {
      if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
      const s = rows.sectors[pairs.rowIndexes[k]!]!;
      sector = sector === -3 ? s : sector === s ? sector : -2;
    }
    out.sectors[p] = sector;
  }
  return out;
}

// Keyed by the memoised visible-row arrays: the same filters give the very same pairs.
const pairsCache = new WeakMap<Uint32Array, PlacedPairs>();
export function visiblePairs(rows: ImportedRows, flows: Uint32Array): PlacedPairs {
  let pairs = pairsCache.get(flows);
  if (!pairs) pairsCache.set(flows, (pairs = runNow(placePairs(rows, flows))));
  return pairs;
}

/** `datasetPlaces` and `visiblePairs` between other tasks (a new dataset), into the same memos. */
export async function preparePairs(rows: ImportedRows, flows: Uint32Array, pause: Pause): Promise<PlacedPairs> {
  await numberPlacesSliced(rows, pause);
  if (!placesCache.has(rows)) placesCache.set(rows, await runSliced(collectPlaces(rows), pause));
  if (!pairsCache.has(flows)) pairsCache.set(flows, await runSliced(placePairs(rows, flows), pause));
  return pairsCache.get(flows)!;
}

/**
 * What is drawn at a level: one mark per pair of clusters (a pair of places where nothing merges), and one
 * node per cluster that ends a visible row. Rows whose two ends fall in one cluster draw no arc; they count in
 * that cluster's node.
 */
export interface FlowMarks {
  level: number;
  pairs: PlacedPairs;
  places: DatasetPlaces;
  clusters: Clusters;
  count: number;
  originClusters: Uint32Array;
  destinationClusters: Uint32Array;
  totals: Float64Array;
  rowCounts: Uint32Array;
  /** Per mark: -1 no sector, -2 several, else the sector index. */
  sectors: Int16Array;
  /** The pairs behind mark m are `pairIndexes[pairStarts[m] .. pairStarts[m + 1])`. */
  pairStarts: Uint32Array;
  pairIndexes: Uint32Array;
  /** As `PairAggregate.unit`: an index into `rows.unitNames`, -1 none, -2 mixed. */
  unit: number;
  nodes: { clusters: Uint32Array; incoming: Float64Array; outgoing: Float64Array; rowCounts: Uint32Array };
}

export function flowMarks(pairs: PlacedPairs, places: DatasetPlaces, clusters: Clusters, level: number): FlowMarks {
  return runNow(flowMarkSteps(pairs, places, clusters, level));
}

/** `flowMarks` as steps, yielding every ITEMS_PER_STEP pairs, for a new dataset's first drawing. */
function* flowMarkSteps(
  pairs: PlacedPairs,
  places: DatasetPlaces,
  clusters: Clusters,
  level: number,
): Steps<FlowMarks> {
  // Sized for the most there can be (a mark per pair, a node per cluster) rather than grown; what is written
  // at random has its pages written first, in steps (`filledSteps`).
  const byClusters = yield* PairIds.sized(pairs.count);
  const markOf = yield* filledSteps(new Int32Array(pairs.count), -1);
  const nodeOf = yield* filledSteps(new Int32Array(clusters.count), -1);
  const nodeClusters = new Uint32Array(clusters.count);
  let nodeCount = 0;
  const node = (c: number) => {
    if (nodeOf[c]! < 0) nodeClusters[(nodeOf[c] = nodeCount++)] = c;
  };
  for (let p = 0; p < pairs.count; p++) {
    if (p % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const oc = clusters.of[pairs.originPlaces[p]!]!;
    const dc = clusters.of[pairs.destinationPlaces[p]!]!;
    node(oc);
    node(dc);
    if (oc === dc) continue;
    markOf[p] = byClusters.idOf(oc, dc);
  }
  const count = byClusters.size;
  const totals = yield* filledSteps(new Float64Array(count));
  const rowCounts = yield* filledSteps(new Uint32Array(count));
  const sectors = yield* filledSteps(new Int16Array(count), -3);
  const pairStarts = yield* filledSteps(new Uint32Array(count + 1));
  const nodes = {
    clusters: nodeClusters.subarray(0, nodeCount),
    incoming: yield* filledSteps(new Float64Array(nodeCount)),
    outgoing: yield* filledSteps(new Float64Array(nodeCount)),
    rowCounts: yield* filledSteps(new Uint32Array(nodeCount)),
  };
  for (let p = 0; p < pairs.count; p++) {
    if (p % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const from = nodeOf[clusters.of[pairs.originPlaces[p]!]!]!;
    const to = nodeOf[clusters.of[pairs.destinationPlaces[p]!]!]!;
    nodes.outgoing[from]! += pairs.totals[p]!;
    nodes.incoming[to]! += pairs.totals[p]!;
    nodes.rowCounts[from]! += pairs.rowCounts[p]!;
    if (to !== from) nodes.rowCounts[to]! += pairs.rowCounts[p]!;
    const m = markOf[p]!;
    if (m < 0) continue;
    totals[m]! += pairs.totals[p]!;
    rowCounts[m]! += pairs.rowCounts[p]!;
    pairStarts[m + 1]!++;
    const s = pairs.sectors[p]!;
    sectors[m] = sectors[m] === -3 ? s : sectors[m] === s ? s : -2;
  }
  for (let m = 0; m < count; m++) {
    if (m % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    pairStarts[m + 1]! += pairStarts[m]!;
  }
  const pairIndexes = yield* filledSteps(new Uint32Array(pairStarts[count]!));
  const next = yield* copiedSteps(pairStarts.subarray(0, count));
  for (let p = 0; p < pairs.count; p++) {
    if (p % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    if (markOf[p]! >= 0) pairIndexes[next[markOf[p]!]!++] = p;
  }
  return {
    level,
    pairs,
    places,
    clusters,
    count,
    originClusters: byClusters.firsts.subarray(0, count),
    destinationClusters: byClusters.seconds.subarray(0, count),
    totals,
    rowCounts,
    sectors,
    pairStarts,
    pairIndexes,
    unit: pairs.unit,
    nodes,
  };
}

const marksCache = new WeakMap<PlacedPairs, Map<number, FlowMarks>>();
/** The marks of a dataset's visible rows at a level, memoised: the same filters and level give the same object. */
export function marksAt(rows: ImportedRows, flows: Uint32Array, level: number): FlowMarks {
  const pairs = visiblePairs(rows, flows);
  const byLevel = byLevelOf(marksCache, pairs);
  let marks = byLevel.get(level);
  if (!marks) {
    const places = datasetPlaces(rows);
    byLevel.set(level, (marks = flowMarks(pairs, places, clustersAt(places, level), level)));
  }
  return marks;
}

/** `marksAt` between other tasks (a new dataset, a million rows), into the same memos. */
export async function prepareMarks(
  rows: ImportedRows,
  flows: Uint32Array,
  level: number,
  pause: Pause,
): Promise<FlowMarks> {
  const pairs = await preparePairs(rows, flows, pause);
  const places = datasetPlaces(rows);
  const clusters = byLevelOf(clustersCache, places);
  if (!clusters.has(level))
    clusters.set(level, await runSliced(clusterSteps(places.positions, places.rowCounts, level), pause));
  const marks = byLevelOf(marksCache, pairs);
  if (!marks.has(level))
    marks.set(level, await runSliced(flowMarkSteps(pairs, places, clusters.get(level)!, level), pause));
  return marks.get(level)!;
}

/** The pairs behind mark `m`. */
export const markPairs = (marks: FlowMarks, m: number): Uint32Array =>
  marks.pairIndexes.subarray(marks.pairStarts[m]!, marks.pairStarts[m + 1]!);

export { flowPairRef, flowPlaceRef, parseImportedRef, type ImportedRefParts } from './imported-refs.ts';

/** The place keys of the cluster `leader` leads at `level` in a dataset; null when it leads none. */
export function clusterKeys(rows: ImportedRows, level: number, leader: string): string[] | null {
  const places = datasetPlaces(rows);
  const p = places.keys.indexOf(leader);
  if (p < 0) return null;
  const clusters = clustersAt(places, level);
  const c = clusters.of[p]!;
  if (clusters.leaders[c] !== p) return null;
  return [...clusterMembers(clusters, c)].map((i) => places.keys.at(i));
}
