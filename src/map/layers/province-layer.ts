// The provinces of Iran as a pickable deck.gl layer with hover highlight.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { PickingInfo } from '@deck.gl/core';
import type { ProvinceFeature } from '../../geo/region.ts';
import type { Theme } from '../theme.ts';

export const PROVINCE_LAYER_ID = 'provinces';

export interface ProvinceLayerInputs {
  provinces: ProvinceFeature[];
  theme: Theme;
  onHover: (info: PickingInfo<ProvinceFeature>) => void;
}

export function buildProvinceLayer({ provinces, theme, onHover }: ProvinceLayerInputs): GeoJsonLayer<ProvinceFeature['properties']> {
  return new GeoJsonLayer<ProvinceFeature['properties']>({
    id: PROVINCE_LAYER_ID,
    data: provinces,
    pickable: true,
    stroked: false,
    filled: true,
    getFillColor: theme.provinceFill,
    // Highlighting on the GPU: hovering never re-runs accessors or rebuilds attributes.
    autoHighlight: true,
    highlightColor: theme.provinceHighlight,
    onHover: onHover as never,
  });
}
