// Filled, outlined and pickable polygon features (provinces, partner countries): the part of deck.gl's
// GeoJsonLayer the atlas uses. GeoJsonLayer imports its point sub-layers (text, icons, font atlas)
// whether or not any point is drawn, about 19 KB gzip of the page's first load; this draws the same
// two sub-layers with the same ids and props. Parts of a multipolygon keep their feature's index
// (`__source`), so they pick, highlight and colour as one feature.
import {
  CompositeLayer,
  type Accessor,
  type Color,
  type DefaultProps,
  type Layer,
  type Position,
  type UpdateParameters,
} from '@deck.gl/core';
import { PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

type RegionFeature<P> = Feature<Polygon | MultiPolygon, P>;

export interface RegionLayerProps<P> {
  data: RegionFeature<P>[];
  getFillColor: Accessor<RegionFeature<P>, Color>;
  getLineColor: Accessor<RegionFeature<P>, Color>;
  getLineWidth: Accessor<RegionFeature<P>, number>;
  lineWidthUnits: 'pixels' | 'meters' | 'common';
}

interface PolygonPart {
  polygon: Position[][];
}
interface RingPart {
  path: Position[];
}

/** A multipolygon's polygons, one row each; every ring of them as an outline path. */
export function regionParts<P, R>(
  features: readonly RegionFeature<P>[],
  wrap: (row: PolygonPart | RingPart, feature: RegionFeature<P>, index: number) => R,
): { polygons: R[]; rings: R[] } {
  const polygons: R[] = [];
  const rings: R[] = [];
  features.forEach((feature, index) => {
    const { geometry } = feature;
    // GeoJSON positions are deck.gl positions; only their declared types differ.
    const coordinates = geometry.coordinates as unknown as Position[][] | Position[][][];
    const list = geometry.type === 'Polygon' ? [coordinates as Position[][]] : (coordinates as Position[][][]);
    for (const polygon of list) {
      polygons.push(wrap({ polygon }, feature, index));
      for (const path of polygon) rings.push(wrap({ path }, feature, index));
    }
  });
  return { polygons, rings };
}

const defaultProps: DefaultProps<RegionLayerProps<unknown>> = {
  getFillColor: { type: 'accessor', value: [0, 0, 0, 255] },
  getLineColor: { type: 'accessor', value: [0, 0, 0, 255] },
  getLineWidth: { type: 'accessor', value: 1 },
  lineWidthUnits: 'meters',
};

type Parts = ReturnType<typeof regionParts<unknown, unknown>>;

export class RegionLayer<P = unknown> extends CompositeLayer<RegionLayerProps<P>> {
  static override layerName = 'RegionLayer';
  static override defaultProps = defaultProps;
  declare state: { parts: Parts };

  override updateState({ changeFlags }: UpdateParameters<this>): void {
    if (changeFlags.dataChanged) {
      this.setState({
        parts: regionParts(this.props.data, (row, feature, index) => this.getSubLayerRow(row, feature, index)),
      });
    }
  }

  override renderLayers(): Layer[] {
    const { getFillColor, getLineColor, getLineWidth, lineWidthUnits, updateTriggers } = this.props;
    const { polygons, rings } = this.state.parts;
    return [
      new SolidPolygonLayer(
        this.getSubLayerProps({ id: 'polygons-fill', updateTriggers: { getFillColor: updateTriggers.getFillColor } }),
        {
          data: polygons,
          getPolygon: (part: PolygonPart) => part.polygon,
          getFillColor: this.getSubLayerAccessor(getFillColor),
        },
      ),
      new PathLayer(
        this.getSubLayerProps({
          id: 'polygons-stroke',
          updateTriggers: { getColor: updateTriggers.getLineColor, getWidth: updateTriggers.getLineWidth },
        }),
        {
          data: rings,
          getPath: (part: RingPart) => part.path,
          getColor: this.getSubLayerAccessor(getLineColor),
          getWidth: this.getSubLayerAccessor(getLineWidth),
          widthUnits: lineWidthUnits,
        },
      ),
    ];
  }
}
