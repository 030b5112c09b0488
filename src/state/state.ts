// The one plain, serialisable app state. No map objects, layers or DOM nodes live here.
import type { Lang } from '../core/i18n/i18n.ts';
import type { LonLat } from '../core/geodata.ts';
import { ALL_TIME, type ProvinceMetric, type TimeFilter } from './filters.ts';

export interface ViewState {
  center: LonLat;
  zoom: number;
}

import type { EntityRef, LayerGroup } from '../core/entities.ts';

export { LAYER_GROUPS, sameRef, type EntityKind, type EntityRef, type LayerGroup } from '../core/entities.ts';

export interface AppState {
  lang: Lang;
  view: ViewState;
  /** What the side panel shows; also outlined on the map. */
  selection: EntityRef | null;
  /** What is under the pointer (never in the URL). */
  hover: EntityRef | null;
  layers: Record<LayerGroup, boolean>;
  /** Visible corridors, by id. */
  corridors: string[];
  /** Active sector ids; null means every sector. */
  sectors: string[] | null;
  /** Dates drawn and listed. */
  time: TimeFilter;
  /** What the province fill counts. */
  metric: ProvinceMetric;
}

/** Iran and Central Asia: roughly lon 40–80, lat 22–52. */
export const REGION_BOUNDS: [LonLat, LonLat] = [
  [40, 22],
  [80, 52],
];

export const DEFAULT_VIEW: ViewState = { center: [58, 37.5], zoom: 3.6 };

export const ALL_LAYERS_ON: Record<LayerGroup, boolean> = {
  provinces: true,
  partners: true,
  corridors: true,
  caspian: true,
  links: true,
  places: true,
};

export function initialState(lang: Lang, corridorIds: string[] = []): AppState {
  return {
    lang,
    view: DEFAULT_VIEW,
    selection: null,
    hover: null,
    layers: { ...ALL_LAYERS_ON },
    corridors: corridorIds,
    sectors: null,
    time: ALL_TIME,
    metric: 'activity',
  };
}
