// Imported datasets as layers: flows as arcs and places as dots, from binary attributes built once
// per filter change, so 100,000 rows draw without per-row accessors and hovering rebuilds nothing.
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { AppState } from '../state/state.ts';
import type { Gazetteer } from '../core/import-types.ts';
import {
  flowAttributes,
  placePositions,
  visibleRows,
  visibleRowsSliced,
  type FlowAttributes,
  type ImportedDataset,
} from '../model/imported-datasets.ts';
import { nextTask, runNow, runSliced, type Pause } from '../core/work-slices.ts';
import { beforeMapLayer } from './before-map-layer.ts';
import { POINT_DEFAULTS } from './point-layers.ts';
import { hexToRgba, type RGBA } from '../core/colours.ts';
import type { Theme } from '../core/theme.ts';

import { FLOWS, PLACES, type BinaryData } from './imported-pick.ts';

// Keyed by the memoised index arrays: the same filter gives the very same data object, so deck.gl
// keeps its buffers.
const dataCache = new WeakMap<Uint32Array, BinaryData>();

function cached(indexes: Uint32Array, make: () => BinaryData): BinaryData {
  let data = dataCache.get(indexes);
  if (!data) dataCache.set(indexes, (data = make()));
  return data;
}

const flowData = (a: FlowAttributes, flows: Uint32Array): BinaryData => ({
  length: a.length,
  attributes: {
    getSourcePosition: { value: a.sourcePositions, size: 3 },
    getTargetPosition: { value: a.targetPositions, size: 3 },
    getSourceColor: { value: a.sourceColors, size: 4 },
    getTargetColor: { value: a.targetColors, size: 4 },
  },
  rowIndexes: flows,
});

const placeData = (positions: Float32Array, places: Uint32Array): BinaryData => ({
  length: places.length,
  attributes: { getPosition: { value: positions, size: 3 } },
  rowIndexes: places,
});

const sectorPalette = (sectorIds: string[], sectorColours: Map<string, string>) =>
  sectorIds.map((id) => hexToRgba(sectorColours.get(id) ?? '#5a5a5a', 235));

/**
 * Works out a new dataset's rows and attributes for the current filters between other tasks, into
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
): Promise<{ flows: BinaryData; places: BinaryData }> {
  const sectorIds = gazetteer.sectors.map((s) => s.id);
  const { flows, places } = await visibleRowsSliced(dataset.rows, filters, sectorIds, pause);
  if (!dataCache.has(flows)) {
    const attributes = await runSliced(
      flowAttributes(dataset.rows, flows, sectorPalette(sectorIds, sectorColours), theme.neutralLink),
      pause,
    );
    dataCache.set(flows, flowData(attributes, flows));
  }
  if (!dataCache.has(places))
    dataCache.set(places, placeData(await runSliced(placePositions(dataset.rows, places), pause), places));
  return { flows: dataCache.get(flows)!, places: dataCache.get(places)! };
}

export function buildImportedLayers(
  datasets: ImportedDataset[],
  filters: Pick<AppState, 'sectors' | 'time'>,
  gazetteer: Gazetteer,
  sectorColours: Map<string, string>,
  theme: Theme,
  beforeId: string,
): Layer[] {
  const sectorIds = gazetteer.sectors.map((s) => s.id);
  const palette = sectorPalette(sectorIds, sectorColours);
  return datasets.flatMap((dataset) => {
    const { flows, places } = visibleRows(dataset.rows, filters, sectorIds);
    const big = dataset.rows.count > 5000;
    const flowLayerData = cached(flows, () =>
      flowData(runNow(flowAttributes(dataset.rows, flows, palette, theme.neutralLink)), flows),
    );
    const placeLayerData = cached(places, () => placeData(runNow(placePositions(dataset.rows, places)), places));
    return [
      new ArcLayer(
        beforeMapLayer(
          {
            id: `${FLOWS}${dataset.id}`,
            data: flowLayerData as unknown as never,
            pickable: true,
            // Fewer segments for big sets: picking cost grows with them.
            numSegments: big ? 8 : 24,
            getWidth: big ? 1 : 2,
            getHeight: 0.5,
            widthUnits: 'pixels',
            // A highlight costs a whole redraw per hovered row; among thousands of 1 px arcs it shows
            // little, and the hover card already names the row, so big sets hover without one.
            autoHighlight: !big,
            highlightColor: [255, 200, 0, 255] as RGBA,
          },
          beforeId,
        ),
      ),
      new ScatterplotLayer(
        beforeMapLayer(
          {
            id: `${PLACES}${dataset.id}`,
            data: placeLayerData as unknown as never,
            ...POINT_DEFAULTS,
            getRadius: big ? 2.5 : 4,
            getFillColor: theme.neutralLink,
            getLineColor: [255, 255, 255, 255] as RGBA,
            getLineWidth: 1,
            autoHighlight: !big,
          },
          beforeId,
        ),
      ),
    ];
  });
}
