// The view state of a workspace file as the app may take it: each field checked for its type, then
// written to a query string and parsed back as a link would be (the URL parser is the one judge).
import { isLang } from '../../core/i18n/i18n.ts';
import { LAYER_GROUPS, type AppState, type EntityRef, type ImportedDataset } from '../../state/state.ts';
import { isProvinceMetric } from '../../state/filters.ts';
import { parseUrlState, writeUrlState, type UrlCatalog } from '../../state/url-state.ts';

/** What the parser of the page URL needs, and every corridor id (what "all corridors" means). */
export interface StateCatalog extends UrlCatalog {
  /** The state to take fields from when the file's are missing (fields this version does not write). */
  base: AppState;
}

/**
 * The file's view state as the app may take it: each field of the right type, then written to a query string and
 * parsed back as a link would be, so nothing the URL parser would refuse enters the store. A selected imported row
 * (never in a URL) is kept when it names a row of `datasets`. `reset` lists the fields that fell back to a default.
 */
export function validateWorkspaceState(
  raw: unknown,
  catalog: StateCatalog,
  datasets: readonly ImportedDataset[],
): { state: AppState; reset: string[] } {
  const r = isRecord(raw) ? raw : {};
  const base = catalog.base;
  const reset: string[] = [];
  const take = <T>(field: string, ok: boolean, value: () => T, fallback: T): T => {
    if (ok) return value();
    if (field in r) reset.push(field);
    return fallback;
  };
  const view = isRecord(r['view']) ? r['view'] : {};
  const center = Array.isArray(view['center']) ? view['center'] : [];
  const hasView =
    center.length === 2 && center.every((c) => typeof c === 'number' && Number.isFinite(c)) && isNumber(view['zoom']);
  const selection = isRecord(r['selection']) ? r['selection'] : null;
  const layers = isRecord(r['layers']) ? r['layers'] : null;
  const time = isRecord(r['time']) ? r['time'] : null;
  const story = isRecord(r['story']) ? r['story'] : null;
  // Two periods: as written, then checked by the URL round trip below like a link's `compare=`.
  const period = (v: unknown) =>
    isRecord(v) && typeof v['from'] === 'string' && typeof v['to'] === 'string'
      ? { from: v['from'].slice(0, 10), to: v['to'].slice(0, 10) }
      : null;
  const compare = isRecord(r['compare']) ? { a: period(r['compare']['a']), b: period(r['compare']['b']) } : null;
  const dayOrNull = (v: unknown) => v === null || (typeof v === 'string' && v.length <= 10);
  // Fields this code does not check itself (added to AppState later, like the theme): a plain value is handed to
  // the URL round trip below, which checks it as a link's; anything else keeps the current value.
  const others = Object.keys(base)
    .filter((key) => !CHECKED_FIELDS.includes(key) && key in r)
    .filter((key) => r[key] === null || ['string', 'number', 'boolean'].includes(typeof r[key]))
    .map((key) => [key, typeof r[key] === 'string' ? (r[key] as string).slice(0, 200) : r[key]]);
  const candidate: AppState = {
    ...base,
    ...(Object.fromEntries(others) as Partial<AppState>),
    lang: take('lang', isLang(r['lang']), () => r['lang'] as AppState['lang'], base.lang),
    view: take(
      'view',
      hasView,
      () => ({ center: [center[0] as number, center[1] as number], zoom: view['zoom'] as number }),
      base.view,
    ),
    selection: take(
      'selection',
      r['selection'] === null ||
        (selection !== null && typeof selection['kind'] === 'string' && typeof selection['id'] === 'string'),
      () =>
        selection
          ? { kind: selection['kind'] as EntityRef['kind'], id: (selection['id'] as string).slice(0, 200) }
          : null,
      null,
    ),
    layers: take(
      'layers',
      layers !== null && LAYER_GROUPS.every((g) => typeof layers[g] === 'boolean'),
      () => Object.fromEntries(LAYER_GROUPS.map((g) => [g, layers![g] as boolean])) as AppState['layers'],
      base.layers,
    ),
    corridors: take('corridors', isStringList(r['corridors']), () => r['corridors'] as string[], base.corridors),
    sectors: take(
      'sectors',
      r['sectors'] === null || isStringList(r['sectors']),
      () => r['sectors'] as string[] | null,
      null,
    ),
    time: take(
      'time',
      time !== null && dayOrNull(time['from']) && dayOrNull(time['to']) && typeof time['undated'] === 'boolean',
      () => ({
        from: time!['from'] as string | null,
        to: time!['to'] as string | null,
        undated: time!['undated'] as boolean,
      }),
      base.time,
    ),
    metric: take('metric', isProvinceMetric(r['metric']), () => r['metric'] as AppState['metric'], base.metric),
    story: take(
      'story',
      r['story'] === null || (story !== null && typeof story['id'] === 'string' && isNumber(story['scene'])),
      () => (story ? { id: (story['id'] as string).slice(0, 100), scene: Math.trunc(story['scene'] as number) } : null),
      null,
    ),
    compare: take(
      'compare',
      r['compare'] === null || (compare?.a != null && compare.b != null),
      () => (compare?.a && compare.b ? { a: compare.a, b: compare.b } : null),
      null,
    ),
  };
  // Imported rows are not in URLs: checked here against the datasets instead.
  const flow = candidate.selection?.kind === 'flow' ? candidate.selection : null;
  const parsed = parseUrlState(writeUrlState('', candidate, catalog.corridorIds), catalog);
  for (const notice of parsed.notices) reset.push(notice.replace(/^notice\.bad/, '').toLowerCase());
  const state: AppState = { ...base, ...parsed.state };
  // The URL rounds the camera (3 decimals, zoom 2); a valid view is kept exactly as saved.
  if (parsed.hasView && hasView && Math.abs(parsed.state.view.zoom - candidate.view.zoom) < 0.01)
    state.view = candidate.view;
  // The URL lists ids in the atlas's order; the saved order is kept when it names the same ids.
  state.sectors = sameSet(state.sectors, candidate.sectors) ? candidate.sectors : state.sectors;
  state.corridors = sameSet(state.corridors, candidate.corridors) ? candidate.corridors : state.corridors;
  if (flow) {
    const [datasetId, row] = flow.id.split(':').map(Number);
    const dataset = datasets.find((d) => d.id === datasetId);
    if (dataset && Number.isSafeInteger(row) && row! >= 0 && row! < dataset.rows.count && /^\d+:\d+$/.test(flow.id))
      state.selection = { kind: 'flow', id: flow.id };
    else reset.push('selection');
  }
  return { state, reset: [...new Set(reset)] };
}

const CHECKED_FIELDS = [
  'lang',
  'view',
  'selection',
  'layers',
  'corridors',
  'sectors',
  'time',
  'metric',
  'story',
  'compare',
];

const sameSet = (a: readonly string[] | null, b: readonly string[] | null): boolean =>
  a !== null && b !== null && a.length === b.length && new Set([...a, ...b]).size === a.length;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 1000 && value.every((v) => typeof v === 'string');

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
