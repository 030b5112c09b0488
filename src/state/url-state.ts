// Reads app state from the page URL and writes it back, so any view can be reloaded and shared.
// Parameters: lang, select, layers, sectors, corridors, time (from..to), metric, view (lon,lat,zoom). A bad value falls back
// to its default and adds a notice; nothing here throws.
import { isLang, type Lang, type MessageKey } from '../core/i18n/i18n.ts';
import { REGION_EXTENT } from '../core/geodata.ts';
import { ALL_TIME, isAllTime, isProvinceMetric, parseTime, timeKey, type ProvinceMetric } from './filters.ts';
import {
  ALL_LAYERS_ON,
  DEFAULT_VIEW,
  LAYER_GROUPS,
  type AppState,
  type EntityRef,
  type LayerGroup,
  type ViewState,
} from './state.ts';

export const DEFAULT_LANG: Lang = 'fa';
/** Zoom levels the map allows. */
export const ZOOM_RANGE = [1.5, 10] as const;

/** What the parser needs to know about the dataset to check ids. */
export interface UrlCatalog {
  sectorIds: string[];
  corridorIds: string[];
  resolve(id: string): EntityRef | null;
}

export interface ParsedUrl {
  state: Omit<AppState, 'hover'>;
  /** True when the URL fixed the camera; otherwise the app fits the region to the window. */
  hasView: boolean;
  /** Message keys for values that were ignored; shown to the user in their language. */
  notices: MessageKey[];
}

/** The language alone, for the loading screen before the dataset is there. */
export function parseLang(search: string): Lang {
  const raw = new URLSearchParams(search).get('lang');
  return isLang(raw) ? raw : DEFAULT_LANG;
}

export function parseUrlState(search: string, catalog: UrlCatalog): ParsedUrl {
  const params = new URLSearchParams(search);
  const notices: MessageKey[] = [];
  const note = (key: MessageKey) => notices.includes(key) || notices.push(key);

  const rawLang = params.get('lang');
  const lang = rawLang === null ? DEFAULT_LANG : isLang(rawLang) ? rawLang : (note('notice.badLang'), DEFAULT_LANG);

  let selection: EntityRef | null = null;
  const rawSelect = params.get('select');
  if (rawSelect !== null && rawSelect !== '') {
    selection = catalog.resolve(rawSelect.trim());
    if (!selection) note('notice.badSelect');
  }

  const layers = { ...ALL_LAYERS_ON };
  const rawLayers = params.get('layers');
  if (rawLayers !== null) {
    const wanted = listParam(rawLayers);
    if (wanted.some((name) => !(LAYER_GROUPS as readonly string[]).includes(name))) note('notice.badLayers');
    for (const group of LAYER_GROUPS) layers[group] = wanted.includes(group);
  }

  const sectors = idListParam(params.get('sectors'), catalog.sectorIds, () => note('notice.badSectors'));
  const corridors =
    idListParam(params.get('corridors'), catalog.corridorIds, () => note('notice.badCorridors')) ?? catalog.corridorIds;

  const rawTime = params.get('time');
  const parsedTime = rawTime === null || rawTime === '' ? ALL_TIME : parseTime(rawTime);
  if (!parsedTime) note('notice.badTime');
  const time = parsedTime ?? ALL_TIME;

  const rawMetric = params.get('metric');
  const metric: ProvinceMetric =
    rawMetric === null ? 'activity' : isProvinceMetric(rawMetric) ? rawMetric : (note('notice.badMetric'), 'activity');

  let view: ViewState = DEFAULT_VIEW;
  const rawView = params.get('view');
  const parsedView = rawView === null ? null : parseView(rawView);
  if (rawView !== null && !parsedView) note('notice.badView');
  if (parsedView) view = parsedView;

  return {
    state: { lang, selection, layers, sectors, corridors, time, metric, view },
    hasView: parsedView !== null,
    notices,
  };
}

/** "lon,lat,zoom" inside the map's extent and zoom range, or null. */
export function parseView(raw: string): ViewState | null {
  const parts = raw.split(',');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p.trim()))) return null;
  const [lon, lat, zoom] = parts.map(Number) as [number, number, number];
  const [[west, south], [east, north]] = REGION_EXTENT;
  if (lon < west || lon > east || lat < south || lat > north || zoom < ZOOM_RANGE[0] || zoom > ZOOM_RANGE[1])
    return null;
  return { center: [lon, lat], zoom };
}

function listParam(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A comma list of known ids; `none` is the empty list; absent is null (everything). Unknown ids are dropped; a list
 * with no known id (`oil`, or just commas) falls back to everything with a notice, so only `none` hides them all.
 */
function idListParam(raw: string | null, known: string[], onUnknown: () => void): string[] | null {
  if (raw === null || raw.trim() === '') return null;
  if (raw.trim() === 'none') return [];
  const ids = listParam(raw);
  const kept = known.filter((id) => ids.includes(id));
  if (kept.length === 0 || ids.some((id) => !known.includes(id))) onUnknown();
  return kept.length === 0 ? null : kept;
}

/** Returns `search` with the state's parameters set, keeping parameters it does not own (embed, story, ...). */
export function writeUrlState(search: string, state: Omit<AppState, 'hover'>, allCorridors: string[]): string {
  const params = new URLSearchParams(search);
  params.set('lang', state.lang);
  // Imported rows are not in the URL: a shared link would not have the file.
  setOrDelete(params, 'select', state.selection && state.selection.kind !== 'flow' ? state.selection.id : null);
  const visible = (Object.keys(state.layers) as LayerGroup[]).filter((group) => state.layers[group]);
  setOrDelete(params, 'layers', visible.length === LAYER_GROUPS.length ? null : visible.join(','));
  setOrDelete(
    params,
    'sectors',
    state.sectors === null ? null : state.sectors.length === 0 ? 'none' : state.sectors.join(','),
  );
  const allOn = allCorridors.every((id) => state.corridors.includes(id));
  setOrDelete(params, 'corridors', allOn ? null : state.corridors.length === 0 ? 'none' : state.corridors.join(','));
  setOrDelete(params, 'time', isAllTime(state.time) ? null : timeKey(state.time));
  setOrDelete(params, 'metric', state.metric === 'activity' ? null : state.metric);
  const [lon, lat] = state.view.center;
  params.set('view', `${lon.toFixed(3)},${lat.toFixed(3)},${state.view.zoom.toFixed(2)}`);
  return `?${params.toString().replace(/%2C/g, ',')}`;
}

function setOrDelete(params: URLSearchParams, key: string, value: string | null): void {
  if (value === null) params.delete(key);
  else params.set(key, value);
}
