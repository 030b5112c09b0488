// The video's frame plan: which frames draw the map (a new camera or new layers), which only recompose
// the captions over the last drawing, and which repeat the frame before. A held scene costs one drawing.
import { describe, expect, it } from 'vitest';
import { captionFade, framePlan, videoTimeline, type Camera } from '../../../src/features/story-export/flight.ts';

const cameras: Camera[] = [
  { center: [46.6, 37.9], zoom: 6 },
  { center: [46, 38.5], zoom: 4.6 },
  { center: [58, 44], zoom: 3.5 },
  { center: [62, 46], zoom: 3.6 },
];

describe('framePlan', () => {
  it('draws each held scene once, on its first frame, and repeats it for the rest of the hold', () => {
    // The East Azerbaijan story's shape at 30 fps: 4 scenes held 3 s, flights of 2 s.
    const frames = videoTimeline({ scenes: 4, fps: 30, secondsPerScene: 3, flightSeconds: 2 });
    const plan = framePlan(frames, cameras, 1280);
    expect(plan).toHaveLength(540);
    frames.forEach((spec, i) => {
      const step = plan[i]!;
      if (spec.kind === 'hold') {
        expect(step.scene).toBe(spec.scene);
        // The first held frame is drawn at the scene's own camera; the others draw and compose nothing.
        if (spec.first) {
          expect(step.draw, `frame ${i}`).toEqual(cameras[spec.scene]);
          expect(step.captions).toEqual([{ scene: spec.scene, alpha: 1 }]);
        } else expect(step, `frame ${i}`).toEqual({ scene: spec.scene, draw: null, captions: null });
      } else {
        // Every flight frame moves the camera: drawn, with the old caption fading out and then the new one in.
        expect(step.scene).toBe(spec.to);
        expect(step.draw, `frame ${i}`).not.toBeNull();
        expect(step.captions!.map((c) => c.scene)).toEqual([spec.from, spec.to]);
        expect(Math.min(step.captions![0]!.alpha, step.captions![1]!.alpha), `frame ${i}`).toBe(0);
      }
    });
    // 4 held scenes and 3 flights of 60 frames: 184 drawings for 540 frames.
    expect(plan.filter((step) => step.draw).length).toBe(4 + 3 * 60);
    expect(plan.filter((step) => step.captions).length).toBe(4 + 3 * 60);
  });

  it('moves the camera smoothly through a flight, from the first scene towards the next', () => {
    const frames = videoTimeline({ scenes: 2, fps: 10, secondsPerScene: 1, flightSeconds: 1 });
    const plan = framePlan(frames, cameras, 1280);
    const flight = plan.slice(10, 20).map((step) => step.draw!);
    expect(flight[0]!.center[0]).toBeCloseTo(cameras[0]!.center[0], 1);
    expect(flight.at(-1)!.center[0]).toBeCloseTo(cameras[1]!.center[0], 1);
    for (let k = 1; k < flight.length; k++) expect(flight[k]!.center[0]).toBeLessThanOrEqual(flight[k - 1]!.center[0]);
  });

  it('draws a flight between two scenes with one view once (the new layers), then only recomposes the fading captions', () => {
    const same: Camera[] = [cameras[0]!, { center: [46.6, 37.9], zoom: 6 }];
    const frames = videoTimeline({ scenes: 2, fps: 10, secondsPerScene: 1, flightSeconds: 1 });
    const plan = framePlan(frames, same, 1280);
    const flight = plan.slice(10, 20);
    expect(flight[0]!.draw).not.toBeNull();
    expect(flight.slice(1).every((step) => step.draw === null && step.captions !== null)).toBe(true);
    // The next scene's hold: its caption alone at full opacity is a new composite, over the same drawing.
    expect(plan[20]).toMatchObject({ scene: 1, draw: null, captions: [{ scene: 1, alpha: 1 }] });
    expect(plan.slice(21).every((step) => step.draw === null && step.captions === null)).toBe(true);
  });

  it('draws a held scene again when its layers change even if the camera does not', () => {
    const same: Camera[] = [cameras[0]!, cameras[0]!];
    const frames = videoTimeline({ scenes: 2, fps: 10, secondsPerScene: 1, flightSeconds: 0 });
    const plan = framePlan(frames, same, 1280);
    expect(plan.filter((step) => step.draw).map((step) => step.scene)).toEqual([0, 1]);
  });
});

describe('captionFade', () => {
  it('fades the old caption out over the first half of a flight and the new one in over the second', () => {
    const steps = Array.from({ length: 61 }, (_, k) => captionFade(2, 3, k / 60));
    expect(steps[0]).toEqual([
      { scene: 2, alpha: 1 },
      { scene: 3, alpha: 0 },
    ]);
    expect(steps[60]).toEqual([
      { scene: 2, alpha: 0 },
      { scene: 3, alpha: 1 },
    ]);
    for (const [k, [out, into]] of steps.entries()) {
      // Never two captions at once; the old one is gone by the middle, and the new one only starts then.
      expect(Math.min(out!.alpha, into!.alpha)).toBe(0);
      if (k > 30) expect(out!.alpha).toBe(0);
      if (k < 30) expect(into!.alpha).toBe(0);
      if (k > 0) {
        expect(out!.alpha).toBeLessThanOrEqual(steps[k - 1]![0]!.alpha);
        expect(into!.alpha).toBeGreaterThanOrEqual(steps[k - 1]![1]!.alpha);
      }
    }
  });
});
