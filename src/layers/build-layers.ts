// One pure function from app state to the full, ordered list of deck.gl layers, and the way back
// from a picked object to the entity it stands for.
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { AppState, EntityRef } from '../state/state.ts';
import { arcLinks, groupLinks, provinceActivity } from '../model/selectors.ts';
import { memoLast } from '../core/memo.ts';
import type { CountryFeature, ProvinceFeature, Region } from '../core/region.ts';
import type { AtlasData, CaspianRoute, Link } from '../core/atlas.ts';
import type { Theme } from '../core/theme.ts';
import { BASEMAP_LAYER_IDS } from './basemap-style.ts';
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
const NONE: never[] = [];

export function buildLayers(state: Omit<AppState, 'view'>, { region, atlas, theme }: LayerContext): Layer[] {
  const selected = (kind: EntityRef['kind']) => (state.selection?.kind === kind ? state.selection.id : null);
  // Fills go under the basemap's borders; lines and points under its labels, which stay readable.
  const underBorders = BASEMAP_LAYER_IDS.provinceBorders;
  const underLabels = BASEMAP_LAYER_IDS.countryLabels;
  const { layers } = state;
  return [
    layers.provinces &&
      buildProvinceLayer({
        provinces: region.provinces,
        activity: provinceActivity(state, atlas),
        selectedId: selected('province'),
        theme,
        beforeId: underBorders,
      }),
    layers.partners && buildPartnerLayer(partnerShapes(region.countries), selected('partner'), theme, underBorders),
    layers.corridors &&
      buildCorridorLayer(visibleCorridorPaths(atlas.corridors, state.corridors), selected('corridor'), underLabels),
    layers.caspian && buildCaspianLayer(atlas.caspianRoutes, selected('route'), theme, underLabels),
    buildLinkLayer({
      links: arcLinks(state, atlas),
      sectors: atlas.sectors,
      activeSectors: state.sectors,
      selectedId: selected('link'),
      theme,
      beforeId: underLabels,
    }),
    buildForumLayer(groupLinks(state, atlas), selected('link'), theme, underLabels),
    buildPlaceLayer(layers.places ? points(atlas) : NONE, state.selection, theme, underLabels),
  ].filter((layer): layer is NonNullable<typeof layer> & Layer => Boolean(layer));
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
    case LINK_LAYER_ID:
    case FORUM_LAYER_ID:
      return { kind: 'link', id: (object as Link).id };
    case PLACE_LAYER_ID:
      return (object as MapPoint).ref;
    default:
      return null;
  }
}
