// The six corridors and the Caspian routes as paths: one colour per corridor, sea legs dashed,
// branches drawn by this project (no cited source draws them) finely dashed and thinner.
import { PathLayer, type PathLayerProps } from '@deck.gl/layers';
import { beforeMapLayer } from './before-map-layer.ts';
import { PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import type { CaspianRoute, Corridor } from '../core/atlas.ts';
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
}

export type DashedPathProps<T> = PathLayerProps<T> & PathStyleExtensionProps<T>;

const DASH_SEA: [number, number] = [4, 3];
/** Branches drawn by this project: short dashes, unlike the sea legs' long ones. */
export const DASH_PROJECT: [number, number] = [1.5, 2];
const SOLID: [number, number] = [0, 0];
/** Props both path layers share: pixel widths, dashes (one shared extension instance, so one shader variant), hover. */
export const PATH_DEFAULTS = {
  pickable: true,
  dashJustified: true,
  widthUnits: 'pixels' as const,
  jointRounded: true,
  extensions: [new PathStyleExtension({ dash: true })],
  autoHighlight: true,
  highlightColor: [255, 255, 255, 110] as RGBA,
};

export function corridorPaths(corridors: Corridor[], visible: string[]): CorridorPath[] {
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
      })),
    );
}

export function buildCorridorLayer(
  paths: CorridorPath[],
  selectedId: string | null,
  beforeId: string,
): PathLayer<CorridorPath> {
  return new PathLayer<CorridorPath>(
    beforeMapLayer<DashedPathProps<CorridorPath>>(
      {
        id: CORRIDOR_LAYER_ID,
        data: paths,
        ...PATH_DEFAULTS,
        getPath: (d) => d.path,
        getColor: (d) => d.colour,
        getWidth: (d) => (d.corridorId === selectedId ? 7 : 3.5) * (d.drawnByProject ? 0.6 : 1),
        getDashArray: (d) => (d.drawnByProject ? DASH_PROJECT : d.mode === 'sea' ? DASH_SEA : SOLID),
        capRounded: true,
        updateTriggers: { getWidth: selectedId },
      },
      beforeId,
    ),
  );
}

export function buildCaspianLayer(
  routes: CaspianRoute[],
  selectedId: string | null,
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
        getColor: theme.caspianRoute,
        getWidth: (r) => (r.id === selectedId ? 5 : 2 + r.services.length * 0.5),
        getDashArray: DASH_SEA,
        updateTriggers: { getWidth: selectedId },
      },
      beforeId,
    ),
  );
}
