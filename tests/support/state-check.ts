// Checks that a state read from outside (the URL) is one the app can draw: every field of the right type and range.
import { isLang } from '../../src/core/i18n/i18n.ts';
import { REGION_EXTENT } from '../../src/core/geodata.ts';
import { isIsoDay, isProvinceMetric } from '../../src/state/filters.ts';
import { periodsOverlap } from '../../src/state/compare-state.ts';
import { LAYER_GROUPS, type AppState } from '../../src/state/state.ts';
import { ZOOM_RANGE, type UrlCatalog } from '../../src/state/url-state.ts';

/** What is wrong with the state, one line per problem; empty when it is valid. */
export function stateProblems(state: AppState, catalog: UrlCatalog): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);

  if (!isLang(state.lang)) fail(`lang ${String(state.lang)}`);

  const { center, zoom } = state.view ?? {};
  const [[west, south], [east, north]] = REGION_EXTENT;
  if (!Array.isArray(center) || center.length !== 2 || !center.every(Number.isFinite))
    fail('view centre not two finite numbers');
  else if (center[0] < west || center[0] > east || center[1] < south || center[1] > north)
    fail(`view centre ${center.join(',')} outside the region`);
  if (typeof zoom !== 'number' || !Number.isFinite(zoom) || zoom < ZOOM_RANGE[0] || zoom > ZOOM_RANGE[1])
    fail(`zoom ${String(zoom)}`);

  const layerKeys = Object.keys(state.layers ?? {}).sort();
  if (
    layerKeys.join() !== [...LAYER_GROUPS].sort().join() ||
    !Object.values(state.layers).every((on) => typeof on === 'boolean')
  )
    fail('layers not one boolean per group');

  if (state.sectors !== null && !isIdSubset(state.sectors, catalog.sectorIds))
    fail(`sectors ${JSON.stringify(state.sectors)}`);
  if (!isIdSubset(state.corridors, catalog.corridorIds)) fail(`corridors ${JSON.stringify(state.corridors)}`);

  if (state.selection !== null) {
    const resolved = typeof state.selection?.id === 'string' ? catalog.resolve(state.selection.id) : null;
    if (!resolved || resolved.kind !== state.selection.kind)
      fail(`selection ${JSON.stringify(state.selection)} does not resolve`);
  }

  const time = state.time;
  const day = (d: unknown) => d === null || (typeof d === 'string' && isIsoDay(d));
  if (!time || !day(time.from) || !day(time.to) || typeof time.undated !== 'boolean')
    fail(`time ${JSON.stringify(time)}`);
  else if (time.from !== null && time.to !== null && time.from > time.to) fail(`time ${time.from} after ${time.to}`);

  if (!isProvinceMetric(state.metric)) fail(`metric ${String(state.metric)}`);

  const compare = state.compare;
  const period = (p: unknown) => {
    const { from, to } = (p ?? {}) as { from?: unknown; to?: unknown };
    return typeof from === 'string' && typeof to === 'string' && isIsoDay(from) && isIsoDay(to) && from <= to;
  };
  if (compare !== null && !(period(compare?.a) && period(compare?.b) && !periodsOverlap(compare.a, compare.b)))
    fail(`compare ${JSON.stringify(compare)}`);

  const story = state.story;
  if (story !== null && !(/^[a-z0-9-]{1,64}$/.test(story?.id) && Number.isSafeInteger(story.scene) && story.scene >= 1))
    fail(`story ${JSON.stringify(story)}`);
  return problems;
}

export function isValidState(state: AppState, catalog: UrlCatalog): boolean {
  return stateProblems(state, catalog).length === 0;
}

/** Known ids only, each once. */
function isIdSubset(ids: unknown, known: string[]): boolean {
  return (
    Array.isArray(ids) &&
    ids.every((id) => typeof id === 'string' && known.includes(id)) &&
    new Set(ids).size === ids.length
  );
}
