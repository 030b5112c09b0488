// Casings: a band in the theme's casing colour under each corridor, Caspian route, arc and forum ring whose own
// colour does not reach the theme's contrast against every ground it may cross (`needsCasing` in theme.ts).
// The data colours stay as they are, so sectors and corridors stay apart under colour-vision deficiencies; the
// casing gives the line its contrast against water, land and the province fill alike. Each casing is a clone of
// its layer (same data, geometry, offsets and update triggers), not pickable, drawn just before it.
import type { Layer } from '@deck.gl/core';
import { ArcLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { RGBA } from '../core/colours.ts';
import { casingColour, type Theme } from '../core/theme.ts';
import { CASPIAN_LAYER_ID, CORRIDOR_LAYER_ID } from './route-layers.ts';
import { FORUM_LAYER_ID } from './point-layers.ts';
import { LINK_LAYER_ID } from './link-layer.ts';

/** How far the casing shows on each side of the line, in pixels. */
export const CASING_PX = 1.5;
/**
 * Arcs get a thinner casing: enough to give them 3:1 where their grey or sector colour, or their light start,
 * melts into the ground, without a heavy dark band making them the loudest marks on the map.
 */
export const ARC_CASING_PX = 1;

type Props = Record<string, unknown>;
type Info = { index: number };
type Accessor = (d: unknown, info: Info) => unknown;

const accessor =
  (value: unknown): Accessor =>
  (d, info) =>
    typeof value === 'function' ? (value as Accessor)(d, info) : value;

const rgba = (colour: unknown): RGBA => {
  const [r = 0, g = 0, b = 0, a = 255] = (colour ?? []) as ArrayLike<number> & number[];
  return [r, g, b, a];
};

/** Alpha of the lines as the data draws them, before any fading. */
const LINE_ALPHA = 235;

/**
 * The casing of a line colour: decided on the line as drawn in full, and faded with it, so a line
 * faded outside the focus does not leave its casing standing out.
 */
function casingFor(theme: Theme, [r, g, b, a]: RGBA): RGBA {
  const casing = casingColour(theme, [r, g, b, Math.max(a, LINE_ALPHA)]);
  return [casing[0], casing[1], casing[2], Math.round(casing[3] * Math.min(1, a / LINE_ALPHA))];
}

/** The layer's own update triggers for the accessors a casing accessor reads, plus the theme it is coloured by. */
function triggers(props: Props, theme: Theme, extra: Record<string, string[]>): Record<string, unknown> {
  const own = (props['updateTriggers'] ?? {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...own };
  for (const [key, values] of Object.entries(extra)) merged[key] = [...values.map((name) => own[name]), theme.id];
  return merged;
}

/** A dash pattern (in line widths) for a band `2 × CASING_PX` wider, so each dash is cased around its ends too. */
function casedDash(dash: unknown, width: number): [number, number] {
  const [on = 0, off = 0] = (dash ?? [0, 0]) as number[];
  if (off === 0) return [0, 0];
  const wide = width + 2 * CASING_PX;
  return [(on * width + 2 * CASING_PX) / wide, Math.max(0, (off * width - 2 * CASING_PX) / wide)];
}

/** The casing of a path, arc or stroked scatterplot layer, or null for any other layer. */
export function casingLayer(layer: Layer, theme: Theme): Layer | null {
  const props = layer.props as unknown as Props;
  const common = { id: `${layer.id}-casing`, pickable: false, autoHighlight: false };
  if (layer instanceof ArcLayer) {
    const source = accessor(props['getSourceColor']);
    const target = accessor(props['getTargetColor']);
    const width = accessor(props['getWidth']);
    const colour = (d: unknown, info: Info) => {
      const [a, b] = [casingFor(theme, rgba(source(d, info))), casingFor(theme, rgba(target(d, info)))];
      return a[3] >= b[3] ? a : b;
    };
    return layer.clone({
      ...common,
      getSourceColor: colour,
      getTargetColor: colour,
      getWidth: (d: unknown, info: Info) => Number(width(d, info)) + 2 * ARC_CASING_PX,
      // Arcs rise off the ground: a casing writing depth at the arc's own height z-fights with the arc drawn on it.
      parameters: { ...((props['parameters'] ?? {}) as object), depthWriteEnabled: false, depthCompare: 'always' },
      updateTriggers: triggers(props, theme, {
        getSourceColor: ['getSourceColor', 'getTargetColor'],
        getTargetColor: ['getSourceColor', 'getTargetColor'],
        getWidth: ['getWidth'],
      }),
    } as never);
  }
  if (layer instanceof PathLayer) {
    const colour = accessor(props['getColor']);
    const width = accessor(props['getWidth']);
    const dash = accessor(props['getDashArray']);
    const offset = accessor(props['getOffset'] ?? 0);
    const casedWidth = (d: unknown, info: Info) => Number(width(d, info)) + 2 * CASING_PX;
    return layer.clone({
      ...common,
      getColor: (d: unknown, info: Info) => casingFor(theme, rgba(colour(d, info))),
      getWidth: casedWidth,
      getDashArray: (d: unknown, info: Info) => casedDash(dash(d, info), Number(width(d, info))),
      // Offsets are in line widths: rescaled so the wider casing keeps its line's lane.
      getOffset: (d: unknown, info: Info) => (Number(offset(d, info)) * Number(width(d, info))) / casedWidth(d, info),
      updateTriggers: triggers(props, theme, {
        getColor: ['getColor'],
        getWidth: ['getWidth'],
        getDashArray: ['getDashArray', 'getWidth'],
        getOffset: ['getOffset', 'getWidth'],
      }),
    } as never);
  }
  if (layer instanceof ScatterplotLayer && props['stroked'] !== false) {
    const colour = accessor(props['getLineColor']);
    const width = accessor(props['getLineWidth']);
    return layer.clone({
      ...common,
      filled: false,
      getLineColor: (d: unknown, info: Info) => casingFor(theme, rgba(colour(d, info))),
      getLineWidth: (d: unknown, info: Info) => Number(width(d, info)) + 2 * CASING_PX,
      updateTriggers: triggers(props, theme, { getLineColor: ['getLineColor'], getLineWidth: ['getLineWidth'] }),
    } as never);
  }
  return null;
}

/**
 * Ids of the layers cased by default: corridors, Caspian routes, arcs and forum rings. Arcs are cased with a
 * thinner band (ARC_CASING_PX): no arc colour reaches 3:1 against every ground bare, since each starts light
 * (its lighter source end) and the mixed grey sits between the light land and the darkest province classes.
 */
export const CASED_LAYER_IDS: readonly string[] = [CORRIDOR_LAYER_ID, CASPIAN_LAYER_ID, LINK_LAYER_ID, FORUM_LAYER_ID];

/**
 * The layers with a casing drawn just before each layer whose id is in `ids` (by default the corridors, the
 * Caspian routes, the arcs and the forum rings). Falsy entries are dropped, as deck.gl would.
 */
export function withCasings(
  layers: readonly (Layer | null | false | undefined)[],
  theme: Theme,
  ids: readonly string[] = CASED_LAYER_IDS,
): Layer[] {
  return layers.flatMap((layer) => {
    if (!layer) return [];
    const casing = ids.includes(layer.id) ? casingLayer(layer, theme) : null;
    return casing ? [casing, layer] : [layer];
  });
}
