// The measure tool's legs and points, drawn with the layer types the map already uses (no new
// shaders to compile): a dashed path for great-circle legs, solid along a corridor or route.
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { MeasureLeg, MeasurePoint } from '../model/measure.ts';
import { beforeMapLayer } from './before-map-layer.ts';
import { PATH_DEFAULTS, type DashedPathProps } from './route-layers.ts';
import { POINT_DEFAULTS } from './point-layers.ts';
import type { RGBA } from '../core/colours.ts';

const INK: RGBA = [20, 20, 20, 255];

export function buildMeasureLayers(
  points: MeasurePoint[],
  legs: MeasureLeg[],
  beforeId: string,
): [PathLayer<MeasureLeg>, ScatterplotLayer<MeasurePoint>] {
  return [
    new PathLayer<MeasureLeg>(
      beforeMapLayer<DashedPathProps<MeasureLeg>>(
        {
          id: 'measure-legs',
          data: legs,
          ...PATH_DEFAULTS,
          pickable: false,
          getPath: (leg) => leg.path,
          getColor: INK,
          getWidth: 2.5,
          getDashArray: (leg) => (leg.along ? [0, 0] : [3, 2]),
        },
        beforeId,
      ),
    ),
    new ScatterplotLayer<MeasurePoint>(
      beforeMapLayer(
        {
          id: 'measure-points',
          data: points,
          ...POINT_DEFAULTS,
          pickable: false,
          getPosition: (p) => p.lonLat,
          getRadius: 5,
          getFillColor: [255, 255, 255, 255],
          getLineColor: INK,
          getLineWidth: 2,
        },
        beforeId,
      ),
    ),
  ];
}
