// Imported datasets as layers: flows as arcs and places as dots, from binary attributes built once
// per filter change, so 100,000 rows draw without per-row accessors and hovering rebuilds nothing.
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { AppState } from '../../app/state.ts';
import type { Gazetteer } from '../../import/types.ts';
import { flowAttributes, placePositions, visibleRows, type ImportedDataset } from '../../imported/datasets.ts';
import { beforeMapLayer } from './before-map-layer.ts';
import { POINT_DEFAULTS } from './point-layers.ts';
import { hexToRgba, type RGBA } from '../colours.ts';
import type { Theme } from '../theme.ts';

import { FLOWS, PLACES, type BinaryData } from './imported-pick.ts';

// Keyed by the memoised index arrays: the same filter gives the very same data object, so deck.gl
// keeps its buffers.
const dataCache = new WeakMap<Uint32Array, BinaryData>();

function cached(indexes: Uint32Array, make: () => BinaryData): BinaryData {
  let data = dataCache.get(indexes);
  if (!data) dataCache.set(indexes, (data = make()));
  return data;
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
  const palette = sectorIds.map((id) => hexToRgba(sectorColours.get(id) ?? '#5a5a5a', 235));
  return datasets.flatMap((dataset) => {
    const { flows, places } = visibleRows(dataset.rows, filters, sectorIds);
    const big = dataset.rows.count > 5000;
    const flowData = cached(flows, () => {
      const a = flowAttributes(dataset.rows, flows, palette, theme.neutralLink);
      return {
        length: a.length,
        attributes: {
          getSourcePosition: { value: a.sourcePositions, size: 3 },
          getTargetPosition: { value: a.targetPositions, size: 3 },
          getSourceColor: { value: a.sourceColors, size: 4 },
          getTargetColor: { value: a.targetColors, size: 4 },
        },
        rowIndexes: flows,
      };
    });
    const placeData = cached(places, () => ({ length: places.length, attributes: { getPosition: { value: placePositions(dataset.rows, places), size: 3 } }, rowIndexes: places }));
    return [
      new ArcLayer(beforeMapLayer({
        id: `${FLOWS}${dataset.id}`,
        data: flowData as unknown as never,
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
      }, beforeId)),
      new ScatterplotLayer(beforeMapLayer({
        id: `${PLACES}${dataset.id}`,
        data: placeData as unknown as never,
        ...POINT_DEFAULTS,
        getRadius: big ? 2.5 : 4,
        getFillColor: theme.neutralLink,
        getLineColor: [255, 255, 255, 255] as RGBA,
        getLineWidth: 1,
        autoHighlight: !big,
      }, beforeId)),
    ];
  });
}
