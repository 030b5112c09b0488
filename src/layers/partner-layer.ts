// Partner countries as a pickable layer over the basemap's partner colouring: hover and select.
import { GeoJsonLayer } from '@deck.gl/layers';
import { beforeMapLayer } from './before-map-layer.ts';
import type { CountryFeature } from '../core/region.ts';
import type { Theme } from '../core/theme.ts';

export const PARTNER_LAYER_ID = 'partners';

export function buildPartnerLayer(
  partners: CountryFeature[],
  selectedId: string | null,
  theme: Theme,
  beforeId: string,
): GeoJsonLayer<CountryFeature['properties']> {
  return new GeoJsonLayer<CountryFeature['properties']>(
    beforeMapLayer(
      {
        id: PARTNER_LAYER_ID,
        data: partners,
        pickable: true,
        filled: true,
        stroked: true,
        getFillColor: theme.partnerFill,
        getLineColor: (f) => (f.properties.id === selectedId ? theme.selection : [0, 0, 0, 0]),
        getLineWidth: (f) => (f.properties.id === selectedId ? 3 : 0),
        lineWidthUnits: 'pixels',
        autoHighlight: true,
        highlightColor: theme.partnerHighlight,
        updateTriggers: { getLineColor: selectedId, getLineWidth: selectedId },
      },
      beforeId,
    ),
  );
}
