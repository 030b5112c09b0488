// "Animate flows": small dots travelling along each drawn arc, from origin to destination (both ways on
// two-way pairs), and both ways along the Caspian lanes. A dot's place is a pure function of the geometry and
// the phase (0–1), computed as deck.gl draws the line it rides on: an arc as ArcLayer's flat interpolation
// (arc-layer-vertex.glsl, `interpolateFlat`) in Web Mercator world units, a lane as PathLayer's straight
// segments between its vertices in the same units, so the dot lies on the very curve drawn.
import { ScatterplotLayer } from '@deck.gl/layers';
import { beforeMapLayer } from './before-map-layer.ts';
import type { AppState } from '../state/state.ts';
import type { AtlasData, CaspianRoute } from '../core/atlas.ts';
import { memoLast } from '../core/memo.ts';
import { arcLinks } from '../model/selectors.ts';
import { flowPairs } from '../model/flow-pairs.ts';
import type { LonLat } from '../core/geodata.ts';
import type { RGBA } from '../core/colours.ts';
import type { Theme } from '../core/theme.ts';
import type { FlowPair } from '../model/flow-pairs.ts';
import { focusOf, inFocus, pairInFocus, type Focus } from '../model/focus.ts';
import { focusColour } from './focus-style.ts';
import { ARC_HEIGHT, reverseTilts } from './link-layer.ts';

export const FLOW_MOTION_LAYER_ID = 'flow-motion';
/** The phase of still pictures (PNG, decks, video, the first frame): fixed, so an export is reproducible. */
export const STILL_PHASE = 0.35;
/** Seconds a dot takes from one end to the other. */
export const MOTION_PERIOD_S = 6;
/** Dots on each track at once, evenly spaced in phase. */
const DOTS_PER_TRACK = 2;

/** deck.gl's world size at zoom 0 and the Earth's circumference it assumes (@math.gl/web-mercator). */
const TILE_SIZE = 512;
const EARTH_CIRCUMFERENCE = 40.03e6;
const RAD = Math.PI / 180;

type World = [x: number, y: number];

/** Longitude and latitude to deck.gl's Web Mercator world units (y grows northwards), as `lngLatToWorld`. */
export function toWorld([lon, lat]: LonLat): World {
  return [
    (TILE_SIZE * (lon * RAD + Math.PI)) / (2 * Math.PI),
    (TILE_SIZE * (Math.PI + Math.log(Math.tan(Math.PI / 4 + lat * RAD * 0.5)))) / (2 * Math.PI),
  ];
}

export function fromWorld([x, y]: World): LonLat {
  const lon = ((x / TILE_SIZE) * 2 * Math.PI - Math.PI) / RAD;
  const lat = (2 * Math.atan(Math.exp((y / TILE_SIZE) * 2 * Math.PI - Math.PI)) - Math.PI / 2) / RAD;
  return [lon, lat];
}

/**
 * The point at ratio `r` (0 at the source, 1 at the target) of an ArcLayer arc of this height and tilt, as
 * [lon, lat, metres above ground]. The shader's paraboloid with both ends on the ground is
 * sqrt(r(1 − r)) × distance × height; the tilt turns it sideways about the chord. The height goes back to
 * metres as deck.gl's LNGLAT projection reads them (`project_size_at_latitude`: one metre is
 * 512 / circumference / cos(latitude) world units), so the dot sits on the drawn arc in any camera.
 */
export function arcPoint(
  source: LonLat,
  target: LonLat,
  r: number,
  height = ARC_HEIGHT,
  tiltDeg = 0,
): [number, number, number] {
  const [sx, sy] = toWorld(source);
  const [tx, ty] = toWorld(target);
  const distance = Math.hypot(tx - sx, ty - sy);
  const z = Math.sqrt(Math.max(0, r * (1 - r))) * distance * height;
  const tilt = tiltDeg * RAD;
  const [dx, dy] = distance === 0 ? [0, 0] : [(tx - sx) / distance, (ty - sy) / distance];
  const x = sx + (tx - sx) * r - dy * z * Math.sin(tilt);
  const y = sy + (ty - sy) * r + dx * z * Math.sin(tilt);
  const [lon, lat] = fromWorld([x, y]);
  const metres = (z * Math.cos(tilt) * EARTH_CIRCUMFERENCE * Math.cos(lat * RAD)) / TILE_SIZE;
  return [lon, lat, metres];
}

/** The point at fraction `f` of a path's length as PathLayer draws it: straight segments in Mercator world units. */
export function lanePoint(path: LonLat[], f: number): [number, number, number] {
  const points = path.map(toWorld);
  const lengths = points.slice(1).map((p, i) => Math.hypot(p[0] - points[i]![0], p[1] - points[i]![1]));
  const total = lengths.reduce((a, b) => a + b, 0);
  let left = Math.min(Math.max(f, 0), 1) * total;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    if (left <= length || i === lengths.length - 1) {
      const k = length === 0 ? 0 : Math.min(left / length, 1);
      const [a, b] = [points[i]!, points[i + 1]!];
      const [lon, lat] = fromWorld([a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k]);
      return [lon, lat, 0];
    }
    left -= length;
  }
  const [lon, lat] = path[0] ?? [0, 0];
  return [lon, lat, 0];
}

/** A moving dot: where it is, and whether what it rides on is in focus. */
export interface MotionDot {
  position: [number, number, number];
  focused: boolean;
}

/** The dots at `phase` (any real number; its fractional part counts) on every arc and lane. */
export function motionDots(pairs: FlowPair[], routes: CaspianRoute[], focus: Focus | null, phase: number): MotionDot[] {
  const dots: MotionDot[] = [];
  const tilts = reverseTilts(pairs);
  const steps = Array.from({ length: DOTS_PER_TRACK }, (_, i) => (((phase + i / DOTS_PER_TRACK) % 1) + 1) % 1);
  for (const pair of pairs) {
    const focused = pairInFocus(focus, pair);
    const tilt = tilts.get(pair.id) ?? 0;
    for (const r of steps) {
      dots.push({ position: arcPoint(pair.sourcePosition, pair.targetPosition, r, ARC_HEIGHT, tilt), focused });
      // A two-way pair's links run both ways: dots travel back too (on the same curve, from the target).
      if (pair.twoWay)
        dots.push({ position: arcPoint(pair.sourcePosition, pair.targetPosition, 1 - r, ARC_HEIGHT, tilt), focused });
    }
  }
  for (const route of routes) {
    const focused = inFocus(focus, 'route', route.id);
    // Services on a lane sail it both ways.
    for (const f of steps)
      dots.push({ position: lanePoint(route.path, f), focused }, { position: lanePoint(route.path, 1 - f), focused });
  }
  return dots;
}

/** The phase at a clock time (ms), one cycle per MOTION_PERIOD_S. */
export function phaseAt(ms: number): number {
  return (ms / 1000 / MOTION_PERIOD_S) % 1;
}

export interface MotionInputs {
  pairs: FlowPair[];
  /** Lanes drawn now (none when the Caspian layer is off). */
  routes: CaspianRoute[];
  focus: Focus | null;
  theme: Theme;
  phase: number;
  beforeId: string;
}

/**
 * The moving dots: filled in the ground's colour (`pointOutline`) and ringed in the casing colour, so a dot
 * stands out on its arc, on land and on water alike; faded with its arc or lane outside the focus.
 */
export function buildFlowMotionLayer({
  pairs,
  routes,
  focus,
  theme,
  phase,
  beforeId,
}: MotionInputs): ScatterplotLayer<MotionDot> {
  const fill: RGBA = theme.pointOutline;
  const ring: RGBA = [theme.lineCasing[0], theme.lineCasing[1], theme.lineCasing[2], 255];
  return new ScatterplotLayer<MotionDot>(
    beforeMapLayer(
      {
        id: FLOW_MOTION_LAYER_ID,
        data: motionDots(pairs, routes, focus, phase),
        pickable: false,
        stroked: true,
        radiusUnits: 'pixels',
        lineWidthUnits: 'pixels',
        getRadius: 3.5,
        getLineWidth: 1.5,
        getPosition: (d) => d.position,
        getFillColor: (d) => focusColour(fill, d.focused),
        getLineColor: (d) => focusColour(ring, d.focused),
      },
      beforeId,
    ),
  );
}

const motionPairs = memoLast(flowPairs);

/** The moving dots for a state at a phase: on the arcs drawn, and on the lanes while the Caspian layer is on. */
export function flowMotionLayer(
  state: Omit<AppState, 'view'>,
  atlas: AtlasData,
  theme: Theme,
  phase: number,
  beforeId: string,
): ScatterplotLayer<MotionDot> {
  return buildFlowMotionLayer({
    pairs: motionPairs(arcLinks(state, atlas), state.sectors, atlas.national.id),
    routes: state.layers.caspian ? atlas.caspianRoutes : [],
    focus: focusOf(state.selection, atlas),
    theme,
    phase,
    beforeId,
  });
}
