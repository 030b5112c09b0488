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

/** A caption over the map at an opacity: the scene's (0..1). */
export interface PlannedCaption {
  scene: number;
  alpha: number;
}

/**
 * The captions at a flight's progress t (0..1): the old one fades out over the first half and the new one in
 * over the second, so two captions never overlap in the band (a cross-fade blurs two paragraphs into one).
 */
export function captionFade(from: number, to: number, t: number): PlannedCaption[] {
  return [
    { scene: from, alpha: 1 - easeInOut(Math.min(1, 2 * t)) },
    { scene: to, alpha: easeInOut(Math.max(0, 2 * t - 1)) },
  ];
}

/**
 * What one frame needs. A frame whose map would come out as the one before it is not drawn again:
 * its scene's layers and its camera are the same, and nothing in the map moves on its own (animated
 * flows are drawn at a fixed phase in exports), so the last drawing is still exact.
 */
export interface FrameStep {
  /** The scene whose layers (and selection) the map shows. */
  scene: number;
  /** Draw the map at this camera; null: the map drawn for an earlier frame is reused. */
  draw: Camera | null;
  /** Compose the frame from the map and these captions; null: the previous frame is encoded again as it is. */
  captions: PlannedCaption[] | null;
}

const sameCamera = (a: Camera | null, b: Camera): boolean =>
  !!a &&
  Math.abs(a.zoom - b.zoom) < 1e-9 &&
  Math.abs(a.center[0] - b.center[0]) < 1e-9 &&
  Math.abs(a.center[1] - b.center[1]) < 1e-9;

/**
 * The frames' plan: a held scene is drawn once, on its first frame, and its other frames repeat it; a flight
 * draws every frame its camera moves (eased), composing the captions (one fading out, then the next in) over it;
 * a flight whose camera does not move (two scenes with one view) draws once and only recomposes the fading captions.
 * `cameras` are the scenes' cameras; `width` is the map's width in CSS pixels (the flight's path depends on it).
 */
export function framePlan(frames: VideoFrameSpec[], cameras: Camera[], width: number): FrameStep[] {
  let drawn: Camera | null = null;
  let layers = -1;
  let composed = '';
  return frames.map((spec) => {
    const scene = spec.kind === 'hold' ? spec.scene : spec.to;
    let camera: Camera;
    let captions: PlannedCaption[];
    if (spec.kind === 'hold') {
      camera = cameras[spec.scene]!;
      captions = [{ scene: spec.scene, alpha: 1 }];
    } else {
      const eased = easeInOut(spec.t);
      camera = flightCamera(cameras[spec.from]!, cameras[spec.to]!, width, eased);
      captions = captionFade(spec.from, spec.to, spec.t);
    }
    const draw = scene !== layers || !sameCamera(drawn, camera);
    const key = JSON.stringify(captions);
    const compose = draw || key !== composed;
    if (draw) [drawn, layers] = [camera, scene];
    if (compose) composed = key;
    return { scene, draw: draw ? camera : null, captions: compose ? captions : null };
  });
}
