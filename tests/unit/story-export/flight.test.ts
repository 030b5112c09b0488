// The video's timeline and camera flight: pure functions of time, so a video never depends on how
// fast the machine draws.
import { describe, expect, it } from 'vitest';
import { easeInOut, flightCamera, videoTimeline } from '../../../src/features/story-export/flight.ts';

describe('videoTimeline', () => {
  it('holds each scene and flies between consecutive ones, frame by frame', () => {
    const frames = videoTimeline({ scenes: 3, fps: 10, secondsPerScene: 2, flightSeconds: 1 });
    expect(frames).toHaveLength(3 * 20 + 2 * 10);
    expect(frames[0]).toEqual({ kind: 'hold', scene: 0, first: true });
    expect(frames.filter((f) => f.kind === 'hold' && f.first).map((f) => (f.kind === 'hold' ? f.scene : -1))).toEqual([
      0, 1, 2,
    ]);
    const flight = frames.filter((f) => f.kind === 'flight');
    expect(flight.every((f) => f.kind === 'flight' && f.t > 0 && f.t < 1)).toBe(true);
    expect(frames.at(-1)).toMatchObject({ kind: 'hold', scene: 2 });
  });
});

describe('flightCamera', () => {
  const from = { center: [46.3, 38.1] as [number, number], zoom: 5 };
  const to = { center: [71.4, 51.2] as [number, number], zoom: 4 };
  it('starts and ends at the two scenes, and passes through a wider view on the way', () => {
    const start = flightCamera(from, to, 1280, 0);
    const end = flightCamera(from, to, 1280, 1);
    expect(start.center[0]).toBeCloseTo(46.3, 5);
    expect(start.zoom).toBeCloseTo(5, 5);
    expect(end.center[0]).toBeCloseTo(71.4, 5);
    expect(end.center[1]).toBeCloseTo(51.2, 5);
    expect(end.zoom).toBeCloseTo(4, 5);
    expect(flightCamera(from, to, 1280, 0.5).zoom).toBeLessThan(4.5);
  });
  it('eases in and out', () => {
    expect([easeInOut(0), easeInOut(0.5), easeInOut(1)]).toEqual([0, 0.5, 1]);
    expect(easeInOut(0.1)).toBeLessThan(0.1);
  });
});
