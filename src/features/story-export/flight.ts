// The camera between two scenes of a video, and the frames of the whole video, as pure functions
// of time: a frame's camera never depends on how fast the machine draws. The flight is van Wijk and
// Nuij's smooth zoom and pan (the curve maplibre's flyTo and d3's interpolateZoom use), zooming out
// and back in on long moves, computed in Web Mercator at zoom 0 with maplibre's 512 px tiles.
import type { LonLat } from '../../core/geodata.ts';

export interface Camera {
  center: LonLat;
  zoom: number;
}

/** maplibre's flyTo default: how far the flight zooms out (√2 in van Wijk and Nuij's paper). */
const RHO = 1.42;
const TILE = 512;

const toMercator = ([lon, lat]: LonLat): [number, number] => [
  (lon + 180) / 360,
  (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360,
];
const fromMercator = ([x, y]: [number, number]): LonLat => [
  x * 360 - 180,
  (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90,
];

/** Smooth start and stop: the flight's pace over time (0..1 → 0..1). */
export function easeInOut(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}

/**
 * The camera at `t` (0..1, already eased) of the flight from `from` to `to`, for a view `width` CSS
 * pixels wide: the visible width w and the centre u follow the optimal path of the zoom-pan space.
 */
export function flightCamera(from: Camera, to: Camera, width: number, t: number): Camera {
  const [ux0, uy0] = toMercator(from.center);
  const [ux1, uy1] = toMercator(to.center);
  const w0 = width / (TILE * 2 ** from.zoom);
  const w1 = width / (TILE * 2 ** to.zoom);
  const dx = ux1 - ux0;
  const dy = uy1 - uy0;
  const d2 = dx * dx + dy * dy;
  let u: number;
  let w: number;
  if (d2 < 1e-18) {
    // Zoom in place.
    u = t;
    w = w0 * Math.exp(Math.log(w1 / w0) * t);
  } else {
    const rho2 = RHO * RHO;
    const d1 = Math.sqrt(d2);
    const b0 = (w1 * w1 - w0 * w0 + rho2 * rho2 * d2) / (2 * w0 * rho2 * d1);
    const b1 = (w1 * w1 - w0 * w0 - rho2 * rho2 * d2) / (2 * w1 * rho2 * d1);
    const r0 = Math.log(Math.sqrt(b0 * b0 + 1) - b0);
    const r1 = Math.log(Math.sqrt(b1 * b1 + 1) - b1);
    const r = r0 + (r1 - r0) * t;
    u = (w0 / (rho2 * d1)) * (Math.cosh(r0) * Math.tanh(r) - Math.sinh(r0));
    w = (w0 * Math.cosh(r0)) / Math.cosh(r);
  }
  if (t >= 1) return { center: to.center, zoom: to.zoom };
  return { center: fromMercator([ux0 + u * dx, uy0 + u * dy]), zoom: Math.log2(width / (TILE * w)) };
}

/** One frame of the video: a scene held still, or a step of the flight to the next scene. */
export type VideoFrameSpec =
  { kind: 'hold'; scene: number; first: boolean } | { kind: 'flight'; from: number; to: number; t: number };

export interface TimelineOptions {
  scenes: number;
  fps: number;
  secondsPerScene: number;
  flightSeconds: number;
}

/**
 * Every frame in order: each scene held `secondsPerScene`, with a flight of `flightSeconds`
 * between consecutive scenes (its frames strictly between the two scenes' cameras).
 */
export function videoTimeline({ scenes, fps, secondsPerScene, flightSeconds }: TimelineOptions): VideoFrameSpec[] {
  const hold = Math.max(1, Math.round(secondsPerScene * fps));
  const flight = Math.max(0, Math.round(flightSeconds * fps));
  const frames: VideoFrameSpec[] = [];
  for (let scene = 0; scene < scenes; scene++) {
    if (scene > 0)
      for (let k = 0; k < flight; k++)
        frames.push({ kind: 'flight', from: scene - 1, to: scene, t: (k + 1) / (flight + 1) });
    for (let k = 0; k < hold; k++) frames.push({ kind: 'hold', scene, first: k === 0 });
  }
  return frames;
}
