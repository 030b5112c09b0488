// One pure function from app state to the full, ordered list of deck.gl layers, and the way back
// from a picked object to the entity it stands for.
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { AppState, EntityRef } from '../state/state.ts';
import { arcLinks, groupLinks, provinceActivity } from '../model/selectors.ts';
import { memoLast } from '../core/memo.ts';
import { flowPairs, type FlowPair } from '../model/flow-pairs.ts';
import { focusOf } from '../model/focus.ts';
import type { CountryFeature, ProvinceFeature, Region } from '../core/region.ts';
import type { AtlasData, CaspianRoute, Link } from '../core/atlas.ts';
import type { Theme } from '../core/theme.ts';
import { BASEMAP_LAYER_IDS } from './basemap-style.ts';
import { withCasings } from './line-casing.ts';
import { buildProvinceLayer, PROVINCE_LAYER_ID } from './province-layer.ts';
import { buildPartnerLayer, PARTNER_LAYER_ID } from './partner-layer.ts';
import { buildLinkLayer, LINK_LAYER_ID } from './link-layer.ts';
import {
  buildCaspianLayer,
  buildCorridorLayer,
  CASPIAN_LAYER_ID,
  CORRIDOR_LAYER_ID,
  corridorPaths,
  type CorridorPath,
} from './route-layers.ts';
import { importedEntityFromPick } from './imported-pick.ts';
import {
  buildForumLayer,
  buildPlaceLayer,
  FORUM_LAYER_ID,
  mapPoints,
  PLACE_LAYER_ID,
  type MapPoint,
} from './point-layers.ts';

export interface LayerContext {
  region: Region;
  atlas: AtlasData;
  theme: Theme;
}

const partnerShapes = memoLast((countries: CountryFeature[]) => countries.filter((c) => c.properties.partner));
const visibleCorridorPaths = memoLast(corridorPaths);
const points = memoLast(mapPoints);
const pairs = memoLast(flowPairs);
const NONE: never[] = [];

export function buildLayers(state: Omit<AppState, 'view'>, { region, atlas, theme }: LayerContext): Layer[] {
  const selected = (kind: EntityRef['kind']) => (state.selection?.kind === kind ? state.selection.id : null);
  // Fills go under the basemap's borders; lines and points under its labels, which stay readable.
  const underBorders = BASEMAP_LAYER_IDS.provinceBorders;
  const underLabels = BASEMAP_LAYER_IDS.countryLabels;
  const { layers } = state;
  // With a selection, what it does not connect to is faded (memoised per selection: hovering reuses it).
  const focus = focusOf(state.selection, atlas);
  // Lines whose colour lacks contrast on what they cross get a casing in the theme's colour (line-casing.ts).
  return withCasings(
    [
      layers.provinces &&
        buildProvinceLayer({
          provinces: region.provinces,
          activity: provinceActivity(state, atlas),
          selectedId: selected('province'),
          focus,
          theme,
          beforeId: underBorders,
        }),
      layers.partners &&
        buildPartnerLayer(partnerShapes(region.countries), selected('partner'), focus, theme, underBorders),
      layers.corridors &&
        buildCorridorLayer(
          visibleCorridorPaths(atlas.corridors, state.corridors),
          selected('corridor'),
          focus,
          underLabels,
        ),
      layers.caspian && buildCaspianLayer(atlas.caspianRoutes, selected('route'), focus, theme, underLabels),
      buildLinkLayer({
        pairs: pairs(arcLinks(state, atlas), state.sectors, atlas.national.id),
        sectors: atlas.sectors,
        selected: { pairId: selected('pair'), linkId: selected('link') },
        focus,
        theme,
        beforeId: underLabels,
      }),
      buildForumLayer(groupLinks(state, atlas), selected('link'), focus, theme, underLabels),
      buildPlaceLayer(layers.places ? points(atlas) : NONE, state.selection, focus, theme, underLabels),
    ],
    theme,
  );
}

/** The entity a pick stands for, or null for empty map. */
export function entityFromPick(info: Pick<PickingInfo, 'layer' | 'object'> & { index?: number }): EntityRef | null {
  const object = info.object as unknown;
  if (info.layer && !object) return importedEntityFromPick(info); // binary data has no objects
  if (!object || !info.layer) return null;
  switch (info.layer.id) {
    case PROVINCE_LAYER_ID:
      return { kind: 'province', id: (object as ProvinceFeature).properties.id };
    case PARTNER_LAYER_ID:
      return { kind: 'partner', id: (object as CountryFeature).properties.id };
    case CORRIDOR_LAYER_ID:
      return { kind: 'corridor', id: (object as CorridorPath).corridorId };
    case CASPIAN_LAYER_ID:
      return { kind: 'route', id: (object as CaspianRoute).id };
    case LINK_LAYER_ID: {
      // An arc of one link stands for that link (its panel, its URL); an arc of several, for the pair.
      const pair = object as FlowPair;
      return pair.links.length === 1 ? { kind: 'link', id: pair.links[0]!.id } : { kind: 'pair', id: pair.id };
    }
    case FORUM_LAYER_ID:
      return { kind: 'link', id: (object as Link).id };
    case PLACE_LAYER_ID:
      return (object as MapPoint).ref;
    default:
      return null;
  }
}
