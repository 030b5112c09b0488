// Binary attributes of a flow map: one arc per pair (or pair of clusters) with a width by its total, and one
// dot per place (or cluster) with an area by what passes through it; faded where a selection does not reach.
// Built once per filters, level, selection and theme; no per-mark accessor functions at 100,000 pairs.
import type { EntityRef } from '../core/entities.ts';
import type { RGBA } from '../core/colours.ts';
import { flowPairRef, flowPlaceRef, type FlowMarks } from '../model/imported-flows.ts';
import type { BinaryData } from './imported-pick.ts';
import { focusColour } from './focus-style.ts';
import { filledSteps, ITEMS_PER_STEP, runNow, type Steps } from '../core/work-slices.ts';

/** The widest arc, in pixels: the largest total (or row count) in view; the others in proportion, at least 1 px. */
export const MAX_ARC_PX = 8;
export const MIN_ARC_PX = 1;
/** The largest dot's radius, in pixels: dots are sized by area, so radius grows with the square root. */
export const MAX_NODE_PX = 14;
export const MIN_NODE_PX = 2.5;

/**
 * Up to this many marks of a kind draw at full size; beyond it the largest width and radius shrink with
 * the square root of the count, so the ink stays about constant. Twenty thousand dots of up to 14 px
 * covered the map several times over (and cost SwiftShader seconds a frame) while saying less than thin
 * ones: at that density the eye reads the pattern, not single sizes.
 */
export const FULL_SIZE_MARKS = 500;

/** The largest size for `count` marks: `max` up to FULL_SIZE_MARKS, then shrinking, never under `min`. */
export function crowdedMax(count: number, max: number, min: number): number {
  return count <= FULL_SIZE_MARKS ? max : Math.max(min, max * Math.sqrt(FULL_SIZE_MARKS / count));
}

/**
 * What widths measure: the total when every valued row has one unit, else the row count (totals of
 * different units are never added, and a file without values has only counts).
 */
export const measuresTotals = (marks: Pick<FlowMarks, 'unit'>): boolean => marks.unit >= 0;

/** Arc widths in pixels, linear in the measure and capped at MAX_ARC_PX (less when crowded). */
export const arcWidths = (marks: FlowMarks): Float32Array => runNow(arcWidthSteps(marks));

function* arcWidthSteps(marks: FlowMarks): Steps<Float32Array> {
  const measure = measuresTotals(marks) ? marks.totals : marks.rowCounts;
  const widest = crowdedMax(marks.count, MAX_ARC_PX, MIN_ARC_PX);
  const max = yield* largest(marks.count, (m) => measure[m]!);
  const widths = yield* filledSteps(new Float32Array(marks.count), MIN_ARC_PX);
  for (let m = 0; max > 0 && m < marks.count; m++) {
    if (m % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    widths[m] = Math.max(MIN_ARC_PX, (widest * measure[m]!) / max);
  }
  return widths;
}

/** Dot radii in pixels: area in proportion to what leaves and arrives (total or rows); smaller when crowded. */
export const nodeRadii = (marks: FlowMarks): Float32Array => runNow(nodeRadiusSteps(marks));

function* nodeRadiusSteps(marks: FlowMarks): Steps<Float32Array> {
  const { nodes } = marks;
  const n = nodes.clusters.length;
  const measure = measuresTotals(marks)
    ? (k: number) => nodes.incoming[k]! + nodes.outgoing[k]!
    : (k: number) => nodes.rowCounts[k]!;
  const biggest = crowdedMax(n, MAX_NODE_PX, MIN_NODE_PX);
  const max = yield* largest(n, measure);
  const radii = yield* filledSteps(new Float32Array(n), MIN_NODE_PX);
  for (let k = 0; max > 0 && k < n; k++) {
    if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    radii[k] = Math.max(MIN_NODE_PX, biggest * Math.sqrt(measure(k) / max));
  }
  return radii;
}

/** The largest of `measure(0 … n − 1)`, at least 0. */
function* largest(n: number, measure: (i: number) => number): Steps<number> {
  let max = 0;
  for (let i = 0; i < n; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    max = Math.max(max, measure(i));
  }
  return max;
}

/** Binary data with the ref each drawn item stands for (worked out on a pick, not per mark). */
export interface FlowMapData {
  arcs: BinaryData;
  nodes: BinaryData;
}

const position = (marks: FlowMarks, cluster: number, out: Float32Array, at: number) => {
  const leader = marks.clusters.leaders[cluster]!;
  out[at] = marks.places.positions[2 * leader]!;
  out[at + 1] = marks.places.positions[2 * leader + 1]!;
};

type Strength = { arcs: Uint8Array; nodes: Uint8Array } | null;

export function flowMapData(
  datasetId: number,
  marks: FlowMarks,
  strength: Strength,
  sectorColours: RGBA[],
  neutral: RGBA,
): FlowMapData {
  return runNow(flowMapSteps(datasetId, marks, strength, sectorColours, neutral));
}

/** `flowMapData` as steps, yielding every ITEMS_PER_STEP marks, for a new dataset's first drawing. */
export function* flowMapSteps(
  datasetId: number,
  marks: FlowMarks,
  strength: Strength,
  sectorColours: RGBA[],
  neutral: RGBA,
): Steps<FlowMapData> {
  const n = marks.count;
  // Light where the flow leaves, full where it arrives, as the atlas's own arcs; a sector's colour when all
  // its rows share one, else the neutral grey. Worked out once per sector and focus, not per mark (a million
  // marks made millions of arrays); slot 2 · (sector + 2) + strong, as sectors run from -2 (several).
  const arcPalette: [RGBA, RGBA][] = [];
  const arcColours = (sector: number, strong: boolean): [RGBA, RGBA] => {
    const colour = sectorColours[sector] ?? neutral;
    return (arcPalette[2 * (sector + 2) + Number(strong)] ??= [
      focusColour([colour[0], colour[1], colour[2], 90], strong),
      focusColour(colour, strong),
    ]);
  };
  const sourcePositions = new Float32Array(3 * n);
  const targetPositions = new Float32Array(3 * n);
  const sourceColors = new Uint8Array(4 * n);
  const targetColors = new Uint8Array(4 * n);
  for (let m = 0; m < n; m++) {
    if (m % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    position(marks, marks.originClusters[m]!, sourcePositions, 3 * m);
    position(marks, marks.destinationClusters[m]!, targetPositions, 3 * m);
    const [leaving, arriving] = arcColours(marks.sectors[m]!, !strength || strength.arcs[m] === 1);
    sourceColors.set(leaving, 4 * m);
    targetColors.set(arriving, 4 * m);
  }
  const k = marks.nodes.clusters.length;
  const nodePositions = new Float32Array(3 * k);
  const fill = new Uint8Array(4 * k);
  const line = new Uint8Array(4 * k);
  // Each as [faded, strong], picked by the focus.
  const [fills, lines] = [neutral, [255, 255, 255, 255] as RGBA].map((c) => [focusColour(c, false), c]);
  for (let i = 0; i < k; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    position(marks, marks.nodes.clusters[i]!, nodePositions, 3 * i);
    const strong = Number(!strength || strength.nodes[i] === 1);
    fill.set(fills![strong]!, 4 * i);
    line.set(lines![strong]!, 4 * i);
  }
  const key = (c: number) => marks.places.keys.at(marks.clusters.leaders[c]!);
  const arcRef = (m: number): EntityRef | null =>
    m < n
      ? flowPairRef(datasetId, marks.level, key(marks.originClusters[m]!), key(marks.destinationClusters[m]!))
      : null;
  const nodeRef = (i: number): EntityRef | null =>
    i < k ? flowPlaceRef(datasetId, marks.level, key(marks.nodes.clusters[i]!)) : null;
  const widths = yield* arcWidthSteps(marks);
  const radii = yield* nodeRadiusSteps(marks);
  return {
    arcs: {
      length: n,
      attributes: {
        getSourcePosition: { value: sourcePositions, size: 3 },
        getTargetPosition: { value: targetPositions, size: 3 },
        getSourceColor: { value: sourceColors, size: 4 },
        getTargetColor: { value: targetColors, size: 4 },
        getWidth: { value: widths, size: 1 },
      },
      rowIndexes: new Uint32Array(0),
      refOf: arcRef,
      rowCounts: marks.rowCounts,
    },
    nodes: {
      length: k,
      attributes: {
        getPosition: { value: nodePositions, size: 3 },
        getRadius: { value: radii, size: 1 },
        getFillColor: { value: fill, size: 4 },
        getLineColor: { value: line, size: 4 },
      },
      rowIndexes: new Uint32Array(0),
      refOf: nodeRef,
      rowCounts: marks.nodes.rowCounts,
    },
  };
}
