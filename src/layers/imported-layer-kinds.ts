// The three kinds of layer an imported dataset draws, and stand-ins of each that the map keeps from the
// start, empty. deck.gl makes a GPU pipeline per layer kind and attribute layout when a layer first draws,
// and reads it back from WebGL at once (luma.gl's introspection), which waits for everything the GPU has
// queued: in the frame after an import, behind the basemap's draws, that wait held the main thread
// 0.2–3.5 s under software WebGL. The stand-ins draw (nothing) once the map is up, so an import's layers
// find their pipelines cached. Hidden ones would not do: a pipeline is made on a layer's first draw.
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { beforeMapLayer } from './before-map-layer.ts';
import { POINT_DEFAULTS } from './point-layers.ts';
import type { RGBA } from '../core/colours.ts';
import type { BinaryData } from './imported-pick.ts';

const HIGHLIGHT: RGBA = [255, 200, 0, 255];

/** Arcs of pairs; `big` sets draw with fewer segments and no hover highlight. */
export function importedArcLayer(id: string, data: BinaryData, big: boolean, beforeId: string): Layer {
  return new ArcLayer(
    beforeMapLayer(
      {
        id,
        data: data as unknown as never,
        pickable: true,
        // Fewer segments for big sets: picking cost grows with them.
        numSegments: big ? 8 : 24,
        getHeight: 0.5,
        widthUnits: 'pixels',
        // A highlight costs a whole redraw per hovered arc; among thousands it shows little, and the
        // hover card already names the pair, so big sets hover without one.
        autoHighlight: !big,
        highlightColor: HIGHLIGHT,
      },
      beforeId,
    ),
  ) as unknown as Layer;
}

/** Dots at the places flows end at, sized and coloured per dot. */
export function importedNodeLayer(
  id: string,
  data: BinaryData,
  visible: boolean,
  highlight: boolean,
  beforeId: string,
): Layer {
  return new ScatterplotLayer(
    beforeMapLayer(
      { id, data: data as unknown as never, visible, ...POINT_DEFAULTS, getLineWidth: 1, autoHighlight: highlight },
      beforeId,
    ),
  ) as unknown as Layer;
}

/** Dots of rows with one end: positions per dot, one size and colour. */
export function importedPlaceLayer(id: string, data: BinaryData, fill: RGBA, beforeId: string): Layer {
  const many = data.length > 5000;
  return new ScatterplotLayer(
    beforeMapLayer(
      {
        id,
        data: data as unknown as never,
        ...POINT_DEFAULTS,
        getRadius: many ? 2.5 : 4,
        getFillColor: fill,
        getLineColor: [255, 255, 255, 255] as RGBA,
        getLineWidth: 1,
        autoHighlight: !many,
      },
      beforeId,
    ),
  ) as unknown as Layer;
}

const f32 = (size: number) => ({ value: new Float32Array(0), size });
const u8 = (size: number) => ({ value: new Uint8Array(0), size });
const none = (attributes: BinaryData['attributes']): BinaryData => ({
  length: 0,
  attributes,
  rowIndexes: new Uint32Array(0),
});

/**
 * One empty layer of each kind, with the attribute types the real ones get (src/layers/flow-map-data.ts),
 * so their pipelines are the ones an import will ask for.
 */
export function importedStandbyLayers(beforeId: string): Layer[] {
  const arcs = none({
    getSourcePosition: f32(3),
    getTargetPosition: f32(3),
    getSourceColor: u8(4),
    getTargetColor: u8(4),
    getWidth: f32(1),
  });
  const nodes = none({ getPosition: f32(3), getRadius: f32(1), getFillColor: u8(4), getLineColor: u8(4) });
  return [
    importedArcLayer('imported-standby-arcs', arcs, false, beforeId),
    importedNodeLayer('imported-standby-nodes', nodes, true, true, beforeId),
    importedPlaceLayer('imported-standby-places', none({ getPosition: f32(3) }), [0, 0, 0, 0], beforeId),
  ];
}
