import { describe, expect, it } from 'vitest';
import {
  UNCLUSTERED,
  clusterLevel,
  clusterMembers,
  clusterPlaces,
  zoomBucketOf,
} from '../../src/model/flow-clusters.ts';
import { PROVINCES } from './import/gazetteer-fixture.ts';

// Iran's 31 provinces (their capitals) and five partners' capitals.
const PARTNERS: [number, number][] = [
  [71.45, 51.17], // Astana
  [69.24, 41.31], // Tashkent
  [58.38, 37.96], // Ashgabat
  [74.59, 42.87], // Bishkek
  [68.77, 38.56], // Dushanbe
];
const lonLats = [...PROVINCES.map((p) => p.lonLat), ...PARTNERS];
const positions = Float64Array.from(lonLats.flat());
const weights = lonLats.map((_, i) => (i * 7919) % 31); // arbitrary but fixed

describe('clusterLevel', () => {
  it('clusters below zoom 3.5 by quarter levels; from the zoom the atlas opens at (3.6), nothing merges', () => {
    expect(clusterLevel(undefined)).toBe(UNCLUSTERED);
    expect(clusterLevel(zoomBucketOf(6))).toBe(UNCLUSTERED);
    expect(clusterLevel(zoomBucketOf(3.6))).toBe(UNCLUSTERED);
    expect(clusterLevel(zoomBucketOf(3.4))).toBe(13);
    expect(clusterLevel(zoomBucketOf(2))).toBe(8);
    expect(clusterLevel(-1)).toBe(0);
  });
});

describe('clusterPlaces', () => {
  it('keeps every place its own cluster at the opening zoom', () => {
    const clusters = clusterPlaces(positions, weights, clusterLevel(zoomBucketOf(3.6)));
    expect(clusters.count).toBe(lonLats.length);
    expect([...clusters.of]).toEqual(lonLats.map((_, i) => i));
  });

  it('merges nearby places at continent scale, fewer at each level out, each cluster led by its heaviest place', () => {
    const counts = [13, 8, 4].map((level) => clusterPlaces(positions, weights, level).count);
    expect(counts[0]).toBeLessThan(lonLats.length);
    expect(counts[0]).toBeGreaterThan(counts[1]!);
    expect(counts[1]).toBeGreaterThanOrEqual(counts[2]!);
    const clusters = clusterPlaces(positions, weights, 13);
    for (let c = 0; c < clusters.count; c++) {
      const members = [...clusterMembers(clusters, c)];
      expect(members[0]).toBe(clusters.leaders[c]);
      for (const m of members) {
        expect(clusters.of[m]).toBe(c);
        expect(weights[m]!).toBeLessThanOrEqual(weights[members[0]!]!);
      }
    }
    // Every place is in exactly one cluster.
    expect([...clusters.members].sort((a, b) => a - b)).toEqual(lonLats.map((_, i) => i));
  });

  it('is deterministic, and ties of weight go to the place seen first', () => {
    const a = clusterPlaces(positions, weights, 8);
    const b = clusterPlaces(Float64Array.from(positions), [...weights], 8);
    expect(b).toEqual(a);
    const twins = clusterPlaces(Float64Array.from([51.4, 35.7, 51.5, 35.8]), [1, 1], 8);
    expect(twins.count).toBe(1);
    expect(twins.leaders[0]).toBe(0);
  });

  it('does not merge places far apart on screen', () => {
    // Tehran and Astana, some 2,000 km apart: apart even at zoom 2 (radius 32 px ≈ 5.6°).
    const far = clusterPlaces(Float64Array.from([51.4, 35.7, 71.45, 51.17]), [5, 1], 8);
    expect(far.count).toBe(2);
  });
});
