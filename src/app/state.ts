// The one plain, serialisable app state. No map objects, layers or DOM nodes live here.
import type { Lang } from '../i18n/i18n.ts';
import type { LonLat } from '../model/geodata.ts';

export interface ViewState {
  center: LonLat;
  zoom: number;
}

export interface AppState {
  lang: Lang;
  view: ViewState;
  /** Id of the province or country under the pointer, if any. */
  hoveredId: string | null;
}

/** Iran and Central Asia: roughly lon 40–80, lat 22–52. */
export const REGION_BOUNDS: [LonLat, LonLat] = [
  [40, 22],
  [80, 52],
];

export const DEFAULT_VIEW: ViewState = { center: [58, 37.5], zoom: 3.6 };

export function initialState(lang: Lang): AppState {
  return { lang, view: DEFAULT_VIEW, hoveredId: null };
}
