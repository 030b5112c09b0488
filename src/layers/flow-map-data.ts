// Binary attributes of a flow map: one arc per pair (or pair of clusters) with a width by its total, and one
// dot per place (or cluster) with an area by what passes through it; faded where a selection does not reach.
// Built once per filters, level, selection and theme; no per-mark accessor functions at 100,000 pairs.
import type { EntityRef } from '../core/entities.ts';
import type { RGBA } from '../core/colours.ts';
import { flowPairRef, flowPlaceRef, type FlowMarks } from '../model/imported-flows.ts';
import type { BinaryData } from './imported-pick.ts';
import { focusColour } from './focus-style.ts';
import { ITEMS_PER_STEP, runNow, type Steps } from '../core/work-slices.ts';

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
export function arcWidths(marks: FlowMarks): Float32Array {
  const measure = measuresTotals(marks) ? marks.totals : marks.rowCounts;
  const widest = crowdedMax(marks.count, MAX_ARC_PX, MIN_ARC_PX);
  let max = 0;
  for (let m = 0; m < marks.count; m++) max = Math.max(max, measure[m]!);
  return Float32Array.from({ length: marks.count }, (_, m) =>
    max > 0 ? Math.max(MIN_ARC_PX, (widest * measure[m]!) / max) : MIN_ARC_PX,
  );
}

/** Dot radii in pixels: area in proportion to what leaves and arrives (total or rows); smaller when crowded. */
export function nodeRadii(marks: FlowMarks): Float32Array {
  const { nodes } = marks;
  const n = nodes.clusters.length;
  const measure = (k: number) =>
    measuresTotals(marks) ? nodes.incoming[k]! + nodes.outgoing[k]! : nodes.rowCounts[k]!;
  const largest = crowdedMax(n, MAX_NODE_PX, MIN_NODE_PX);
  let max = 0;
  for (let k = 0; k < n; k++) max = Math.max(max, measure(k));
  return Float32Array.from({ length: n }, (_, k) =>
    max > 0 ? Math.max(MIN_NODE_PX, largest * Math.sqrt(measure(k) / max)) : MIN_NODE_PX,
  );
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
  const sourcePositions = new Float32Array(3 * n);
  const targetPositions = new Float32Array(3 * n);
  const sourceColors = new Uint8Array(4 * n);
  const targetColors = new Uint8Array(4 * n);
  for (let m = 0; m < n; m++) {
    if (m % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    position(marks, marks.originClusters[m]!, sourcePositions, 3 * m);
    position(marks, marks.destinationClusters[m]!, targetPositions, 3 * m);
    // Light where the flow leaves, full where it arrives, as the atlas's own arcs; a sector's colour when all
    // its rows share one, else the neutral grey.
    const colour = sectorColours[marks.sectors[m]!] ?? neutral;
    const strong = !strength || strength.arcs[m] === 1;
    sourceColors.set(focusColour([colour[0], colour[1], colour[2], 90], strong), 4 * m);
    targetColors.set(focusColour(colour, strong), 4 * m);
  }
  const k = marks.nodes.clusters.length;
  const nodePositions = new Float32Array(3 * k);
  const fill = new Uint8Array(4 * k);
  const line = new Uint8Array(4 * k);
  for (let i = 0; i < k; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    position(marks, marks.nodes.clusters[i]!, nodePositions, 3 * i);
    const strong = !strength || strength.nodes[i] === 1;
    fill.set(focusColour(neutral, strong), 4 * i);
    line.set(focusColour([255, 255, 255, 255], strong), 4 * i);
  }
  const key = (c: number) => marks.places.keys[marks.clusters.leaders[c]!]!;
  const arcRef = (m: number): EntityRef | null =>
    m < n
      ? flowPairRef(datasetId, marks.level, key(marks.originClusters[m]!), key(marks.destinationClusters[m]!))
      : null;
  const nodeRef = (i: number): EntityRef | null =>
    i < k ? flowPlaceRef(datasetId, marks.level, key(marks.nodes.clusters[i]!)) : null;
  const widths = arcWidths(marks);
  yield;
  const radii = nodeRadii(marks);
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
