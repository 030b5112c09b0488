// The one file that reads and writes the page URL, so any view can be reloaded and shared.
// App state: lang, select, layers, sectors, corridors, time (from..to), metric, view (lon,lat,zoom), story,
// scene, theme, compare (two periods, compare-state.ts) and animate. Page options, read once: embed, title, legend, origins. A bad value falls back to its default and adds
// a notice; nothing here throws.
import { isLang, type Lang, type MessageKey } from '../core/i18n/i18n.ts';
import { REGION_EXTENT } from '../core/geodata.ts';
import { isThemeId } from '../core/theme.ts';
import { compareKey, parseCompare } from './compare-state.ts';
import { IMPORTED_KINDS } from '../core/entities.ts';
import { ALL_TIME, isAllTime, isProvinceMetric, parseTime, timeKey, type ProvinceMetric } from './filters.ts';
import {
  ALL_LAYERS_ON,
  DEFAULT_VIEW,
  LAYER_GROUPS,
  type AppState,
  type EntityRef,
  type LayerGroup,
  type StoryPosition,
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

/** How the page is shown: set by the embedding page's link, never written back. */
export interface PageOptions {
  /** Embed mode: no chrome, title and legend over the map. */
  embed: boolean;
  /** The embed's title (plain text, at most 120 characters). */
  title: string | null;
  /** The embed's legend, unless `legend=0`. */
  legend: boolean;
  /** Origins allowed to send commands (host-messages.ts); null is any. */
  origins: string[] | null;
}

export interface ParsedUrl {
  state: AppState;
  page: PageOptions;
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

  const story = parseStory(params.get('story'), params.get('scene'), () => note('notice.badStory'));

  const rawTheme = params.get('theme');
  const theme =
    rawTheme === null || rawTheme === '' ? null : isThemeId(rawTheme) ? rawTheme : (note('notice.badTheme'), null);

  const rawCompare = params.get('compare');
  const compare = rawCompare === null || rawCompare === '' ? null : parseCompare(rawCompare);
  if (rawCompare !== null && rawCompare !== '' && !compare) note('notice.badCompare');

  // "Animate flows": only `1` turns it on; `0` or nothing leaves it off, anything else is noticed.
  const rawAnimate = params.get('animate');
  const animate = rawAnimate === '1';
  if (rawAnimate !== null && !['', '0', '1'].includes(rawAnimate)) note('notice.badAnimate');

  return {
    state: { lang, selection, layers, sectors, corridors, time, metric, view, story, theme, compare, animate },
    page: parsePageOptions(params),
    hasView: parsedView !== null,
    notices,
  };
}

/** A story id as the data build writes them, and a 1-based scene (1 when absent or bad; clamped when opened). */
function parseStory(rawId: string | null, rawScene: string | null, onBad: () => void): StoryPosition | null {
  if (rawId === null || rawId.trim() === '') return null;
  const id = rawId.trim();
  if (!/^[a-z0-9-]{1,64}$/.test(id)) return (onBad(), null);
  const scene = rawScene === null ? 1 : Number(rawScene.trim());
  return { id, scene: Number.isSafeInteger(scene) && scene >= 1 ? Math.min(scene, 999) : 1 };
}

function parsePageOptions(params: URLSearchParams): PageOptions {
  const embed = params.get('embed') === '1';
  const title = embed ? (params.get('title')?.slice(0, 120) ?? '') : '';
  return {
    embed,
    title: title === '' ? null : title,
    legend: params.get('legend') !== '0',
    origins: allowedOrigins(params),
  };
}

/**
 * Allowed origins from the `origins` parameter, normalised as MessageEvent.origin writes them. null means any origin
 * (no parameter); an empty list means none (the parameter names no valid origin).
 */
export function allowedOrigins(search: string | URLSearchParams): string[] | null {
  const raw = new URLSearchParams(search).get('origins');
  if (raw === null || raw.trim() === '') return null;
  const origins = raw
    .split(',')
    .map((entry) => originOf(entry.trim()))
    .filter((origin): origin is string => origin !== null);
  return [...new Set(origins)];
}

/** `https://host[:port]` (a trailing `/` is tolerated) as its canonical origin, `null` as itself; anything else null. */
function originOf(entry: string): string | null {
  if (entry === 'null') return entry;
  if (!/^https?:\/\/[^/?#@\s\\]+\/?$/i.test(entry)) return null;
  try {
    const { origin } = new URL(entry);
    return origin === 'null' ? null : origin;
  } catch {
    return null; // e.g. a port out of range
  }
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

/** Returns `search` with the state's parameters set, keeping the page options and parameters it does not own. */
export function writeUrlState(search: string, state: AppState, allCorridors: string[]): string {
  const params = new URLSearchParams(search);
  params.set('lang', state.lang);
  // Imported rows are not in the URL: a shared link would not have the file.
  setOrDelete(
    params,
    'select',
    state.selection && !IMPORTED_KINDS.includes(state.selection.kind) ? state.selection.id : null,
  );
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
  setOrDelete(params, 'story', state.story?.id ?? null);
  setOrDelete(params, 'scene', state.story ? String(state.story.scene) : null);
  setOrDelete(params, 'theme', state.theme);
  setOrDelete(params, 'compare', state.compare ? compareKey(state.compare) : null);
  setOrDelete(params, 'animate', state.animate ? '1' : null);
  // Commas and tildes (`time=`, `compare=`) stay readable: both are safe in a query.
  return `?${params.toString().replace(/%2C/g, ',').replace(/%7E/g, '~')}`;
}

function setOrDelete(params: URLSearchParams, key: string, value: string | null): void {
  if (value === null) params.delete(key);
  else params.set(key, value);
}
