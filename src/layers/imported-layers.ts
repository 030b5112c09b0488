// Imported datasets as layers, as a flow map draws them: one arc per origin–destination pair (or pair of
// clusters at low zoom) with a width by its total, dots at the places flows end at sized by what passes
// through them, and dots for rows with one end. Binary attributes built once per filters, level, selection
// and theme (src/layers/flow-map-data.ts), so 100,000 rows draw without per-row accessors and hovering rebuilds nothing.
import type { Layer } from '@deck.gl/core';
import type { AppState } from '../state/state.ts';
import type { Gazetteer } from '../core/import-types.ts';
import { placePositions, visibleRows, visibleRowsSliced, type ImportedDataset } from '../model/imported-datasets.ts';
import { marksAt, prepareMarks, type FlowMarks } from '../model/imported-flows.ts';
import { BUCKETS_PER_ZOOM, meanSpacingPx, MIN_DOT_SPACING_PX, UNCLUSTERED } from '../model/flow-clusters.ts';
import { markStrength, type FlowFocus } from '../model/imported-through.ts';
import { nextTask, runNow, runSliced, type Pause } from '../core/work-slices.ts';
import { importedArcLayer, importedNodeLayer, importedPlaceLayer } from './imported-layer-kinds.ts';
import { hexToRgba, type RGBA } from '../core/colours.ts';
import type { Theme } from '../core/theme.ts';
import { flowMapData, flowMapSteps, type FlowMapData } from './flow-map-data.ts';
import { FLOWS, NODES, PLACES, type BinaryData } from './imported-pick.ts';

// Keyed by the memoised index arrays: the same filter gives the very same data object, so deck.gl
// keeps its buffers.
const dataCache = new WeakMap<Uint32Array, BinaryData>();

function cached(indexes: Uint32Array, make: () => BinaryData): BinaryData {
  let data = dataCache.get(indexes);
  if (!data) dataCache.set(indexes, (data = make()));
  return data;
}

// The flow map of a dataset's marks for the last focus and colours asked: a selection rebuilds colours only.
const mapCache = new WeakMap<
  FlowMarks,
  { focus: FlowFocus | null; palette: RGBA[]; neutral: RGBA; data: FlowMapData }
>();

/** The memoised flow map for these marks, focus and colours, or null. */
function flowMapHit(marks: FlowMarks, focus: FlowFocus | null, palette: RGBA[], neutral: RGBA): FlowMapData | null {
  const hit = mapCache.get(marks);
  return hit && hit.focus === focus && hit.palette === palette && hit.neutral === neutral ? hit.data : null;
}

function remember(marks: FlowMarks, focus: FlowFocus | null, palette: RGBA[], neutral: RGBA, data: FlowMapData) {
  mapCache.set(marks, { focus, palette, neutral, data });
  return data;
}

function flowMap(datasetId: number, marks: FlowMarks, focus: FlowFocus | null, palette: RGBA[], neutral: RGBA) {
  return (
    flowMapHit(marks, focus, palette, neutral) ??
    remember(
      marks,
      focus,
      palette,
      neutral,
      flowMapData(datasetId, marks, markStrength(marks, focus), palette, neutral),
    )
  );
}

/** `flowMap` with nothing selected, between other tasks, into the same memo. */
async function prepareFlowMap(datasetId: number, marks: FlowMarks, palette: RGBA[], neutral: RGBA, pause: Pause) {
  return (
    flowMapHit(marks, null, palette, neutral) ??
    remember(
      marks,
      null,
      palette,
      neutral,
      await runSliced(flowMapSteps(datasetId, marks, null, palette, neutral), pause),
    )
  );
}

const NO_MARKS: BinaryData = { length: 0, attributes: {}, rowIndexes: new Uint32Array(0) };

/**
 * Arcs per layer. The map hands a big layer's data to the GPU one layer a frame (src/map/upload-pacing.ts):
 * a million arcs' attributes (some 60 MB) in one layer held their first frame 250–350 ms in bufferSubData;
 * a layer of this many (about 4 MB) took 10–25 ms of a frame in traces, half what 131,072 took.
 */
export const ARCS_PER_LAYER = 65_536;

// Keyed by the whole flow map's arcs, so the same arcs give the very same pieces (deck.gl keeps their buffers).
const pieceCache = new WeakMap<BinaryData, BinaryData[]>();

/** `data` cut into consecutive pieces of at most `size` items: views on its arrays, refs offset to match. */
export function dataPieces(data: BinaryData, size = ARCS_PER_LAYER): BinaryData[] {
  if (data.length <= size) return [data];
  let pieces = pieceCache.get(data);
  if (pieces?.[0]?.length !== size) {
    pieces = [];
    for (let start = 0; start < data.length; start += size) {
      const end = Math.min(data.length, start + size);
      const view = <T extends Float32Array | Uint8Array | Uint32Array>(array: T, width: number) =>
        array.subarray(start * width, end * width) as T;
      const attributes: BinaryData['attributes'] = {};
      for (const [name, { value, size: width }] of Object.entries(data.attributes))
        attributes[name] = { value: view(value, width), size: width };
      const { refOf, rowCounts } = data;
      pieces.push({
        length: end - start,
        attributes,
        rowIndexes: data.rowIndexes.length > 0 ? view(data.rowIndexes, 1) : data.rowIndexes,
        ...(refOf ? { refOf: (i: number) => (i < end - start ? refOf(start + i) : null) } : {}),
        ...(rowCounts ? { rowCounts: view(rowCounts, 1) } : {}),
      });
    }
    pieceCache.set(data, pieces);
  }
  return pieces;
}

/** The id of piece `k` of a dataset's arcs: the first keeps the plain id (one piece is the usual case). */
export const arcLayerId = (datasetId: number, k: number) =>
  k === 0 ? `${FLOWS}${datasetId}` : `${FLOWS}${datasetId}/${k}`;

const placeData = (positions: Float32Array, places: Uint32Array): BinaryData => ({
  length: places.length,
  attributes: { getPosition: { value: positions, size: 3 } },
  rowIndexes: places,
});

const palettes = new Map<string, RGBA[]>();
/** Sector colours by sector index, the same array for the same colours (the flow map's cache compares it). */
function sectorPalette(sectorIds: string[], sectorColours: Map<string, string>): RGBA[] {
  const hexes = sectorIds.map((id) => sectorColours.get(id) ?? '#5a5a5a');
  const key = hexes.join();
  let palette = palettes.get(key);
  if (!palette) palettes.set(key, (palette = hexes.map((hex) => hexToRgba(hex, 235))));
  return palette;
}

/**
 * Works out a new dataset's rows, pairs and attributes for the current filters between other tasks, into
 * the caches `buildImportedLayers` reads: at a million rows, doing it in the redraw held the page
 * for a third of a second.
 */
export async function prepareImportedData(
  dataset: ImportedDataset,
  filters: Pick<AppState, 'sectors' | 'time'>,
  gazetteer: Gazetteer,
  sectorColours: Map<string, string>,
  theme: Theme,
  pause: Pause = nextTask,
  level = UNCLUSTERED,
): Promise<{ flows: BinaryData; places: BinaryData }> {
  const sectorIds = gazetteer.sectors.map((s) => s.id);
  const { flows, places } = await visibleRowsSliced(dataset.rows, filters, sectorIds, pause);
  const marks = await prepareMarks(dataset.rows, flows, level, pause);
  const palette = sectorPalette(sectorIds, sectorColours);
  const map = await prepareFlowMap(dataset.id, marks, palette, theme.neutralLink, pause);
  if (!dataCache.has(places))
    dataCache.set(places, placeData(await runSliced(placePositions(dataset.rows, places), pause), places));
  return { flows: map.arcs, places: dataCache.get(places)! };
}

export function buildImportedLayers(
  datasets: ImportedDataset[],
  filters: Pick<AppState, 'sectors' | 'time'>,
  gazetteer: Gazetteer,
  sectorColours: Map<string, string>,
  theme: Theme,
  beforeId: string,
  level = UNCLUSTERED,
  focus: FlowFocus | null = null,
  zoomBucket?: number,
): Layer[] {
  const sectorIds = gazetteer.sectors.map((s) => s.id);
  const palette = sectorPalette(sectorIds, sectorColours);
  return datasets.flatMap((dataset) => {
    const { flows, places } = visibleRows(dataset.rows, filters, sectorIds);
    const marks = marksAt(dataset.rows, flows, level);
    const map = flowMap(dataset.id, marks, focus, palette, theme.neutralLink);
    const big = map.arcs.length > 5000;
    // Clusters are 32 px apart by construction; single places only where they do not carpet the map.
    const dotsApart =
      level < UNCLUSTERED ||
      zoomBucket === undefined ||
      meanSpacingPx(marks.places.positions, map.nodes.length, zoomBucket / BUCKETS_PER_ZOOM) >= MIN_DOT_SPACING_PX;
    const placeLayerData = cached(places, () => placeData(runNow(placePositions(dataset.rows, places)), places));
    return [
      ...dataPieces(map.arcs).map((piece, k) => importedArcLayer(arcLayerId(dataset.id, k), piece, big, beforeId)),
      // Not handed over when hidden: deck.gl uploads a hidden layer's buffers all the same, and two
      // million dots doubled the first frame of a million scattered flows.
      importedNodeLayer(
        `${NODES}${dataset.id}`,
        dotsApart ? map.nodes : NO_MARKS,
        dotsApart,
        map.nodes.length <= 5000,
        beforeId,
      ),
      importedPlaceLayer(`${PLACES}${dataset.id}`, placeLayerData, theme.neutralLink, beforeId),
    ];
  });
}
