// The six corridors and the Caspian routes as paths: one colour per corridor, sea legs dashed,
// branches drawn by this project (no cited source draws them) finely dashed and thinner. Corridors that
// share a trunk (Bandar Abbas–Tehran carries four) are drawn side by side, each in its own lane.
import { PathLayer, type PathLayerProps } from '@deck.gl/layers';
import { beforeMapLayer } from './before-map-layer.ts';
import { PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import type { CaspianRoute, Corridor } from '../core/atlas.ts';
import { inFocus, type Focus } from '../model/focus.ts';
import { focusColour, focusTrigger } from './focus-style.ts';
import type { LonLat } from '../core/geodata.ts';
import { hexToRgba, type RGBA } from '../core/colours.ts';
import type { Theme } from '../core/theme.ts';

export const CORRIDOR_LAYER_ID = 'corridors';
export const CASPIAN_LAYER_ID = 'caspian-routes';

/** One drawn branch of a corridor. */
export interface CorridorPath {
  corridorId: string;
  branchId: string;
  mode: string;
  /** No cited source draws this branch: our assumption. */
  drawnByProject: boolean;
  path: LonLat[];
  colour: RGBA;
  /** Sideways shift from the drawn centre line, in pixels (`corridorLanes`). */
  offsetPx: number;
}

export type DashedPathProps<T> = PathLayerProps<T> & PathStyleExtensionProps<T>;

const DASH_SEA: [number, number] = [4, 3];
/** Branches drawn by this project: short dashes, unlike the sea legs' long ones. */
export const DASH_PROJECT: [number, number] = [1.5, 2];
const SOLID: [number, number] = [0, 0];
/**
 * Props both path layers share: pixel widths, dashes and sideways offsets (one shared extension instance, so
 * one shader variant; Caspian routes keep offset 0), hover.
 */
export const PATH_DEFAULTS = {
  pickable: true,
  dashJustified: true,
  widthUnits: 'pixels' as const,
  jointRounded: true,
  extensions: [new PathStyleExtension({ dash: true, offset: true })],
  autoHighlight: true,
  highlightColor: [255, 255, 255, 110] as RGBA,
};

/** Width of a corridor line, and the distance between the centres of neighbouring lanes, in pixels. */
export const CORRIDOR_WIDTH = 3.5;

/**
 * Each corridor's lane: its sideways offset in pixels, one line width per place in the dataset (so it never
 * moves when other corridors are switched off). Where a trunk is shared (Tehran–Qazvin carries five corridors)
 * the lines lie side by side like a metro map. An offset is to the right of the path's direction and flips
 * side where two paths run opposite ways, so every lane has its own distance from the line: two corridors
 * can never land in one lane, whichever way their paths were drawn.
 */
export function corridorLanes(corridors: Pick<Corridor, 'id'>[]): Map<string, number> {
  return new Map(corridors.map((c, i) => [c.id, i * CORRIDOR_WIDTH]));
}

export function corridorPaths(corridors: Corridor[], visible: string[]): CorridorPath[] {
  const lanes = corridorLanes(corridors);
  return corridors
    .filter((c) => visible.includes(c.id))
    .flatMap((c) =>
      c.branches.map((b) => ({
        corridorId: c.id,
        branchId: b.id,
        mode: b.mode,
        drawnByProject: b.drawnByProject === true,
        path: b.path,
        colour: hexToRgba(c.colour, 235),
        offsetPx: lanes.get(c.id)!,
      })),
    );
}

export function buildCorridorLayer(
  paths: CorridorPath[],
  selectedId: string | null,
  focus: Focus | null,
  beforeId: string,
): PathLayer<CorridorPath> {
  const width = (d: CorridorPath) =>
    (d.corridorId === selectedId ? 2 * CORRIDOR_WIDTH : CORRIDOR_WIDTH) * (d.drawnByProject ? 0.6 : 1);
  const focusKey = focusTrigger(focus);
  return new PathLayer<CorridorPath>(
    beforeMapLayer<DashedPathProps<CorridorPath>>(
      {
        id: CORRIDOR_LAYER_ID,
        data: paths,
        ...PATH_DEFAULTS,
        getPath: (d) => d.path,
        getColor: (d) => focusColour(d.colour, inFocus(focus, 'corridor', d.corridorId)),
        getWidth: width,
        // getOffset is in line widths: divided by the width, so every branch of a corridor keeps the same lane.
        getOffset: (d) => d.offsetPx / width(d),
        getDashArray: (d) => (d.drawnByProject ? DASH_PROJECT : d.mode === 'sea' ? DASH_SEA : SOLID),
        capRounded: true,
        updateTriggers: { getWidth: selectedId, getOffset: selectedId, getColor: focusKey },
      },
      beforeId,
    ),
  );
}

export function buildCaspianLayer(
  routes: CaspianRoute[],
  selectedId: string | null,
  focus: Focus | null,
  theme: Theme,
  beforeId: string,
): PathLayer<CaspianRoute> {
  return new PathLayer<CaspianRoute>(
    beforeMapLayer<DashedPathProps<CaspianRoute>>(
      {
        id: CASPIAN_LAYER_ID,
        data: routes,
        ...PATH_DEFAULTS,
        getPath: (r) => r.path,
        getColor: (r) => focusColour(theme.caspianRoute, inFocus(focus, 'route', r.id)),
        getWidth: (r) => (r.id === selectedId ? 5 : 2 + r.services.length * 0.5),
        getDashArray: DASH_SEA,
        updateTriggers: { getWidth: selectedId, getColor: focusTrigger(focus) },
      },
      beforeId,
    ),
  );
}
