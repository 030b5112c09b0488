// Places merged into clusters at low zoom, as flow maps do: at continent scale forty provinces are one
// smudge, and a pair arc between every two of them hides everything under it. A pure, deterministic
// function of the places (positions and weights) and an integer zoom level, so panning never rebuilds
// and only crossing a level does.

export { BUCKETS_PER_ZOOM, CLUSTER_BELOW_ZOOM, clusterLevel, UNCLUSTERED, zoomBucketOf } from './imported-refs.ts';
import { BUCKETS_PER_ZOOM, UNCLUSTERED } from './imported-refs.ts';
import { copiedSteps, filledSteps, ITEMS_PER_STEP, runNow, type Steps } from '../core/work-slices.ts';

/** Places closer than this on screen at the level's zoom join the heaviest place near them. */
export const CLUSTER_RADIUS_PX = 32;
/** Grid cells keyed x · CELLS_PER_ROW + y. */
const CELLS_PER_ROW = 2 ** 20;
/** maplibre's world width in pixels at zoom 0 (512 px tiles). */
const WORLD_PX = 512;

export interface Clusters {
  count: number;
  /** The cluster of each place. */
  of: Uint32Array;
  /** The place each cluster is named and drawn at: its heaviest. */
  leaders: Uint32Array;
  /** The places of cluster c are `members[memberStarts[c] .. memberStarts[c + 1])`, leader first. */
  memberStarts: Uint32Array;
  members: Uint32Array;
}

/** Web Mercator pixels at the zoom of `level` (its bucket's lowest zoom). */
function project(lon: number, lat: number, level: number): [number, number] {
  const size = WORLD_PX * 2 ** (level / BUCKETS_PER_ZOOM);
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * size, ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * size];
}

/**
 * Greedy clustering: places in order of weight (heaviest first, then first seen), each joining the nearest
 * leader within `CLUSTER_RADIUS_PX` at the level's zoom, or leading a cluster of its own. A grid of
 * radius-sized cells keeps it near linear. At `UNCLUSTERED` each place is its own cluster.
 * `positions` holds lon, lat per place.
 */
export function clusterPlaces(positions: Float64Array, weights: ArrayLike<number>, level: number): Clusters {
  return runNow(clusterSteps(positions, weights, level));
}

/** `clusterPlaces` as steps, so a new dataset's places are clustered between other tasks. */
export function* clusterSteps(positions: Float64Array, weights: ArrayLike<number>, level: number): Steps<Clusters> {
  const n = positions.length / 2;
  if (level >= UNCLUSTERED) return yield* eachAlone(n);
  // Written by place, in weight order (at random): pages written first, in steps.
  const of = yield* filledSteps(new Uint32Array(n));
  const leaders: number[] = [];
  const order = yield* heaviestFirstSteps(weights, n);
  // Cells by number (x · 2^20 + y: no level is 2^20 cells wide), so a lookup makes no string.
  const grid = new Map<number, number[]>();
  const points: [number, number][] = [];
  const r2 = CLUSTER_RADIUS_PX * CLUSTER_RADIUS_PX;
  for (let o = 0; o < n; o++) {
    if (o % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const i = order[o]!;
    const [x, y] = project(positions[2 * i]!, positions[2 * i + 1]!, level);
    const cx = Math.floor(x / CLUSTER_RADIUS_PX);
    const cy = Math.floor(y / CLUSTER_RADIUS_PX);
    let best = -1;
    let bestD = Infinity;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const c of grid.get((cx + dx) * CELLS_PER_ROW + cy + dy) ?? []) {
          const [lx, ly] = points[c]!;
          const d = (lx - x) ** 2 + (ly - y) ** 2;
          if (d <= r2 && (d < bestD || (d === bestD && c < best))) [best, bestD] = [c, d];
        }
    if (best < 0) {
      best = leaders.push(i) - 1;
      points.push([x, y]);
      const cell = grid.get(cx * CELLS_PER_ROW + cy);
      if (cell) cell.push(best);
      else grid.set(cx * CELLS_PER_ROW + cy, [best]);
    }
    of[i] = best;
  }
  return yield* withMembers(of, leaders);
}

/**
 * Place dots are drawn when places are on average at least this far apart on screen: the smallest dot with
 * its ring is 7 px across, and closer than this they pile into a carpet that hides the map and says nothing
 * a place could be read by (the arcs' ends still show where flows go). 20,000 scattered places at the
 * opening zoom are 4 px apart; 40 provinces about 60.
 */
export const MIN_DOT_SPACING_PX = 8;

// The box of a dataset's places at zoom 0 (pixels, width and height), once per positions array.
const boxes = new WeakMap<Float64Array, [number, number]>();

/** Mean spacing in pixels of `count` places spread over the box of `positions` (lon, lat pairs) at `zoom`. */
export function meanSpacingPx(positions: Float64Array, count: number, zoom: number): number {
  if (count < 2) return Infinity;
  let box = boxes.get(positions);
  if (!box) {
    // The box of the lon/lat extremes, projected: Mercator keeps their order. Nothing allocated per place (two
    // million [x, y] arrays held the page for 100 ms and more).
    let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < positions.length; i += 2) {
      west = Math.min(west, positions[i]!);
      east = Math.max(east, positions[i]!);
      south = Math.min(south, positions[i + 1]!);
      north = Math.max(north, positions[i + 1]!);
    }
    const [x0, y0] = project(west, north, 0);
    const [x1, y1] = project(east, south, 0);
    boxes.set(positions, (box = [x1 - x0, y1 - y0]));
  }
  return Math.sqrt((box[0] * box[1]) / count) * 2 ** zoom;
}

/**
 * Place indexes by weight, heaviest first, then first seen. Whole weights (row counts, never more than
 * twice the rows) go through a counting sort in steps: no comparisons, and nothing that cannot yield. A
 * native sort of two million keys held the page for 200 ms in one piece; a comparator sort of 200,000
 * places for tens of milliseconds. Other weights take the comparator sort.
 */
export function heaviestFirst(weights: ArrayLike<number>, n: number): Uint32Array {
  return runNow(heaviestFirstSteps(weights, n));
}

function* heaviestFirstSteps(weights: ArrayLike<number>, n: number): Steps<Uint32Array> {
  let max = 0;
  let whole = true;
  for (let i = 0; i < n; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    max = Math.max(max, weights[i]!);
    whole &&= Number.isInteger(weights[i]) && weights[i]! >= 0;
  }
  if (!whole || max > 2 * n + 1_000_000)
    return Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
  // Bucket b holds the weight max − b; `starts` becomes each bucket's first slot in the order.
  const starts = new Uint32Array(max + 2);
  for (let i = 0; i < n; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    starts[max - weights[i]! + 1]!++;
  }
  for (let b = 0; b <= max; b++) {
    if (b % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    starts[b + 1]! += starts[b]!;
  }
  const order = yield* filledSteps(new Uint32Array(n));
  for (let i = 0; i < n; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    order[starts[max - weights[i]!]!++] = i;
  }
  return order;
}

/** Every place its own cluster, in typed arrays shared between the fields (read only). */
function* eachAlone(n: number): Steps<Clusters> {
  const ids = new Uint32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    ids[i] = i;
  }
  const first = ids.subarray(0, n);
  return { count: n, of: first, leaders: first, memberStarts: ids, members: first };
}

/** The clusters' member lists, by a counting sort of the places by cluster (two million places: in steps). */
function* withMembers(of: Uint32Array, leaders: number[]): Steps<Clusters> {
  const count = leaders.length;
  const memberStarts = yield* filledSteps(new Uint32Array(count + 1));
  for (let i = 0; i < of.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    memberStarts[of[i]! + 1]!++;
  }
  for (let c = 0; c < count; c++) {
    if (c % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    memberStarts[c + 1]! += memberStarts[c]!;
  }
  const members = yield* filledSteps(new Uint32Array(of.length));
  const next = yield* copiedSteps(memberStarts.subarray(0, count));
  // The leader first, then the others in place order.
  for (let c = 0; c < count; c++) {
    if (c % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    members[next[c]!++] = leaders[c]!;
  }
  for (let i = 0; i < of.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const c = of[i]!;
    if (leaders[c] !== i) members[next[c]!++] = i;
  }
  return { count, of, leaders: Uint32Array.from(leaders), memberStarts, members };
}

/** The places of cluster `c`, leader first. */
export const clusterMembers = (clusters: Clusters, c: number): Uint32Array =>
  clusters.members.subarray(clusters.memberStarts[c]!, clusters.memberStarts[c + 1]!);
