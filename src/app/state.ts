// The one plain, serialisable app state. No map objects, layers or DOM nodes live here.
import type { Lang } from '../i18n/i18n.ts';
import type { LonLat } from '../model/geodata.ts';
import { ALL_TIME, type ProvinceMetric, type TimeFilter } from './filters.ts';

export interface ViewState {
  center: LonLat;
  zoom: number;
}

/** `flow` is a row of an imported dataset, id `datasetId:rowIndex`; it never goes into the URL. */
export type EntityKind = 'province' | 'partner' | 'corridor' | 'link' | 'route' | 'place' | 'organisation' | 'group' | 'national' | 'flow';

/** A pointer to one thing on the map, e.g. `{ kind: 'province', id: 'IR-03' }`. */
export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/** Layer groups the user can switch on and off, in drawing order. */
export const LAYER_GROUPS = ['provinces', 'partners', 'corridors', 'caspian', 'links', 'places'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

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

export const ALL_LAYERS_ON: Record<LayerGroup, boolean> = { provinces: true, partners: true, corridors: true, caspian: true, links: true, places: true };

export function initialState(lang: Lang, corridorIds: string[] = []): AppState {
  return { lang, view: DEFAULT_VIEW, selection: null, hover: null, layers: { ...ALL_LAYERS_ON }, corridors: corridorIds, sectors: null, time: ALL_TIME, metric: 'activity' };
}

export function sameRef(a: EntityRef | null, b: EntityRef | null): boolean {
  return a?.kind === b?.kind && a?.id === b?.id;
}
