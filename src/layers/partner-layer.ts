// Partner countries as a pickable layer over the basemap's partner colouring: hover and select. While a
// selection is focused, partners outside the focus are veiled in the land colour, fading the basemap's fill.
import { RegionLayer } from './region-layer.ts';
import { beforeMapLayer } from './before-map-layer.ts';
import type { CountryFeature } from '../core/region.ts';
import type { Theme } from '../core/theme.ts';
import { hexToRgba } from '../core/colours.ts';
import { inFocus, type Focus } from '../model/focus.ts';
import { FADED_OPACITY, focusTrigger } from './focus-style.ts';

export const PARTNER_LAYER_ID = 'partners';

export function buildPartnerLayer(
  partners: CountryFeature[],
  selectedId: string | null,
  focus: Focus | null,
  theme: Theme,
  beforeId: string,
): RegionLayer<CountryFeature['properties']> {
  // The basemap draws the partners' fill, so fading it means covering it: land at the opacity taken away.
  const veil = hexToRgba(theme.land, Math.round(255 * (1 - FADED_OPACITY)));
  return new RegionLayer<CountryFeature['properties']>(
    beforeMapLayer(
      {
        id: PARTNER_LAYER_ID,
        data: partners,
        pickable: true,
        getFillColor: (f) => (inFocus(focus, 'partner', f.properties.id) ? theme.partnerFill : veil),
        getLineColor: (f) => (f.properties.id === selectedId ? theme.selection : [0, 0, 0, 0]),
        getLineWidth: (f) => (f.properties.id === selectedId ? 3 : 0),
        lineWidthUnits: 'pixels',
        autoHighlight: true,
        highlightColor: theme.partnerHighlight,
        updateTriggers: { getFillColor: focusTrigger(focus), getLineColor: selectedId, getLineWidth: selectedId },
      },
      beforeId,
    ),
  );
}
