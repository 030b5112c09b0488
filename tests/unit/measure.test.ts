import { describe, expect, it } from 'vitest';
import { measureLegs, snapToPath, totalKm } from '../../src/model/measure.ts';
import type { LonLat } from '../../src/core/geodata.ts';

const TEHRAN: LonLat = [51.389, 35.689];
const MASHHAD: LonLat = [59.606, 36.297];
const ASTANA: LonLat = [71.446, 51.18];

describe('measure', () => {
  it('measures great-circle legs and sums them', () => {
    const legs = measureLegs([{ lonLat: TEHRAN }, { lonLat: MASHHAD }, { lonLat: ASTANA }]);
    expect(legs).toHaveLength(2);
    // Tehran–Mashhad is about 740 km as the crow flies.
    expect(legs[0]!.km).toBeGreaterThan(720);
    expect(legs[0]!.km).toBeLessThan(760);
    expect(legs[1]!.path.length).toBeGreaterThan(10); // drawn as a curve
    expect(totalKm(legs)).toBeCloseTo(legs[0]!.km + legs[1]!.km, 6);
  });

  it('measures along a path between two points snapped onto it', () => {
    // An L-shaped path: 1° east then 1° north at the equator, about 111 km each.
    const path: LonLat[] = [
      [50, 0],
      [51, 0],
      [51, 1],
    ];
    const a = snapToPath([50.02, 0.01], 'corridor:x', path);
    const b = snapToPath([51.01, 0.99], 'corridor:x', path);
    expect(a.lonLat[1]).toBeCloseTo(0, 6);
    const [leg] = measureLegs([a, b]);
    expect(leg!.along).toBe(true);
    expect(leg!.km).toBeGreaterThan(215); // along the L, not the ~155 km diagonal
    expect(leg!.km).toBeLessThan(225);
  });

  it('falls back to the great circle between points on different paths', () => {
    const a = snapToPath([50, 0], 'route:a', [
      [50, 0],
      [51, 0],
    ]);
    const b = snapToPath([51, 1], 'route:b', [
      [51, 1],
      [52, 1],
    ]);
    const [leg] = measureLegs([a, b]);
    expect(leg!.along).toBe(false);
    expect(leg!.km).toBeGreaterThan(150);
    expect(leg!.km).toBeLessThan(160);
  });

  it('has no legs for fewer than two points', () => {
    expect(measureLegs([])).toEqual([]);
    expect(measureLegs([{ lonLat: TEHRAN }])).toEqual([]);
  });
});
