// A small, readable text manifest of the deck.gl layers the app builds for a URL: layer ids in order, data
// length, every accessor's distinct values (counted) and the values for the first two data items, numbers
// rounded to 3 decimals. Built in Node from the same state the app derives from the URL, so a render test's
// layers can be reviewed, and diffed, as text.
import type { Layer } from '@deck.gl/core';
import type { AtlasData } from '../../src/core/atlas.ts';
import type { Region } from '../../src/core/region.ts';
import type { Story } from '../../src/core/stories.ts';
import { THEMES } from '../../src/core/theme.ts';
import { buildLayers } from '../../src/layers/build-layers.ts';
import { resolveEntity } from '../../src/model/selectors.ts';
import { sceneState } from '../../src/model/story-scene.ts';
import { LAYER_GROUPS, type AppState } from '../../src/state/state.ts';
import { parseUrlState } from '../../src/state/url-state.ts';

/** Accessors whose values are positions or paths: listed for the first items, not counted. */
const GEOMETRY = new Set(['getPosition', 'getPath', 'getSourcePosition', 'getTargetPosition', 'getPolygon']);
const FIRST_ITEMS = 2;
const MAX_DISTINCT = 8;

/** The app state for a scenario's query: parsed as the app parses it, then the story scene applied, if any. */
export function stateForQuery(query: string, atlas: AtlasData, stories: Story[]): AppState {
  const parsed = parseUrlState(query, {
    sectorIds: atlas.sectors.map((s) => s.id),
    corridorIds: atlas.corridors.map((c) => c.id),
    resolve: (id) => resolveEntity(id, atlas),
  });
  const state: AppState = parsed.state;
  if (!state.story) return state;
  // As src/features/presenter.ts opens it.
  const story = stories.find((s) => s.id === state.story!.id);
  if (!story) throw new Error(`unknown story ${state.story.id}`);
  return { ...state, ...sceneState(story, state.story.scene, atlas) };
}

/** A number rounded to 3 decimals, without trailing zeros or a negative zero. */
function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A value as short text: numbers rounded, arrays in brackets, long paths as their length and ends. */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return num(value);
  if (ArrayBuffer.isView(value)) return formatValue(Array.from(value as unknown as ArrayLike<number>));
  if (Array.isArray(value)) {
    if (value.length > 4 && value.every(Array.isArray))
      return `${value.length} points ${formatValue(value[0])}…${formatValue(value[value.length - 1])}`;
    return `[${value.map(formatValue).join(',')}]`;
  }
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The id a data item stands for (as window.__atlas.layerData does in the app). */
function itemId(item: unknown): string {
  const o = item as {
    id?: string;
    corridorId?: string;
    branchId?: string;
    ref?: { kind: string; id: string };
    properties?: { id: string };
  };
  if (o.properties?.id) return o.properties.id;
  if (o.corridorId) return `${o.corridorId}/${o.branchId}`;
  if (o.ref) return `${o.ref.kind}:${o.ref.id}`;
  return o.id ?? '?';
}

function describeLayer(layer: Layer): string[] {
  const props = layer.props as unknown as Record<string, unknown>;
  const data = (Array.isArray(props['data']) ? props['data'] : []) as unknown[];
  const accessors = Object.keys(props)
    .filter((key) => /^get[A-Z]/.test(key))
    .sort();
  const valueOf = (key: string, item: unknown, index: number) => {
    const accessor = props[key];
    return formatValue(typeof accessor === 'function' ? accessor(item, { index, data, target: [] }) : accessor);
  };
  const beforeId = (props as { beforeId?: string }).beforeId;
  const lines = [`${layer.id} (${layer.constructor.name}) data=${data.length} beforeId=${beforeId ?? '-'}`];
  for (const key of accessors.filter((k) => !GEOMETRY.has(k))) {
    if (typeof props[key] !== 'function') {
      lines.push(`  ${key}: ${formatValue(props[key])} (constant)`);
      continue;
    }
    const counts = new Map<string, number>();
    data.forEach((item, i) => {
      const text = valueOf(key, item, i);
      counts.set(text, (counts.get(text) ?? 0) + 1);
    });
    const sorted = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
    const shown = sorted.slice(0, MAX_DISTINCT).map(([text, count]) => `${text}×${count}`);
    if (sorted.length > MAX_DISTINCT) shown.push(`…${sorted.length - MAX_DISTINCT} more`);
    lines.push(`  ${key}: ${shown.join(' ') || '(no data)'}`);
  }
  data.slice(0, FIRST_ITEMS).forEach((item, i) => {
    lines.push(`  [${i}] ${itemId(item)}`);
    for (const key of accessors) lines.push(`    ${key}: ${valueOf(key, item, i)}`);
  });
  return lines;
}

/** The manifest text for a scenario: a header, then each layer in drawing order. */
export function layerManifest(
  name: string,
  query: string,
  context: { atlas: AtlasData; region: Region; stories: Story[] },
): string {
  const state = stateForQuery(query, context.atlas, context.stories);
  // The theme the link names (the render test's Chromium has a light system theme).
  const theme = THEMES[state.theme ?? 'light'];
  const layers = buildLayers(state, { region: context.region, atlas: context.atlas, theme });
  const on = LAYER_GROUPS.filter((g) => state.layers[g]);
  const header = [
    `# ${name}: ${query}`,
    `# lang=${state.lang} selection=${state.selection ? `${state.selection.kind}:${state.selection.id}` : '-'}` +
      ` layers=${on.join(',')} sectors=${state.sectors?.join(',') ?? '*'} corridors=${state.corridors.join(',')}`,
    `# layers in drawing order: ${layers.map((l) => l.id).join(', ')}`,
  ];
  return `${[...header, ...layers.flatMap(describeLayer)].join('\n')}\n`;
}
