// Corridors that share a trunk are drawn side by side: each corridor has its own lane (a sideways offset in
// pixels), stable whatever else is shown, and no two corridors sharing a segment can land in one lane.
import { describe, expect, it } from 'vitest';
import { PathStyleExtension } from '@deck.gl/extensions';
import {
  buildCorridorLayer,
  CORRIDOR_WIDTH,
  corridorLanes,
  corridorPaths,
  PATH_DEFAULTS,
  type CorridorPath,
} from '../../src/layers/route-layers.ts';
import { builtAtlas } from './dataset/fixture.ts';

const { atlas } = builtAtlas();
const allIds = atlas.corridors.map((c) => c.id);

/** Corridors using each segment between two consecutive nodes (either direction), with the direction each runs. */
function sharedSegments(): Map<string, Map<string, 1 | -1>> {
  const segments = new Map<string, Map<string, 1 | -1>>();
  for (const corridor of atlas.corridors)
    for (const branch of corridor.branches)
      branch.nodes.slice(1).forEach((to, i) => {
        const from = branch.nodes[i]!;
        const key = [from, to].sort().join('|');
        if (!segments.has(key)) segments.set(key, new Map());
        segments.get(key)!.set(corridor.id, from < to ? 1 : -1);
      });
  return new Map([...segments].filter(([, users]) => users.size > 1));
}

describe('corridor lanes', () => {
  it('give each of the six corridors its own lane, a line width apart', () => {
    const lanes = corridorLanes(atlas.corridors);
    expect([...lanes.keys()]).toEqual(allIds);
    const offsets = [...lanes.values()];
    expect(new Set(offsets).size).toBe(6);
    const sorted = [...offsets].sort((a, b) => a - b);
    sorted.slice(1).forEach((o, i) => expect(o - sorted[i]!).toBeGreaterThanOrEqual(CORRIDOR_WIDTH));
  });

  it('stay put when other corridors are switched off', () => {
    const lane = (visible: string[], id: string) =>
      corridorPaths(atlas.corridors, visible).find((p) => p.corridorId === id)!.offsetPx;
    for (const id of allIds) expect(lane([id], id)).toBe(lane(allIds, id));
  });

  it('separate every trunk the data shares, whichever way each corridor runs along it', () => {
    const lanes = corridorLanes(atlas.corridors);
    const shared = sharedSegments();
    // Bandar Abbas–Tehran and Tehran–Qazvin are shared by four and five corridors.
    expect(Math.max(...[...shared.values()].map((users) => users.size))).toBeGreaterThanOrEqual(5);
    for (const [segment, users] of shared) {
      // An offset is to the right of the direction of travel: as seen along the segment's own direction.
      const sides = [...users].map(([id, direction]) => lanes.get(id)! * direction);
      const sorted = [...sides].sort((a, b) => a - b);
      sorted
        .slice(1)
        .forEach((side, i) =>
          expect(side - sorted[i]!, `${segment}: ${[...users.keys()].join(', ')}`).toBeGreaterThanOrEqual(
            CORRIDOR_WIDTH,
          ),
        );
    }
  });

  it('are drawn with the path style offset, the same in pixels for thin, thick and selected branches', () => {
    expect(PATH_DEFAULTS.extensions[0]).toBeInstanceOf(PathStyleExtension);
    expect((PATH_DEFAULTS.extensions[0] as unknown as { opts: { offset?: boolean } }).opts.offset).toBe(true);
    const paths = corridorPaths(atlas.corridors, allIds);
    const layer = buildCorridorLayer(paths, 'traceca', null, 'country-labels');
    const props = layer.props as unknown as {
      getOffset: (d: CorridorPath) => number;
      getWidth: (d: CorridorPath) => number;
    };
    const lanes = corridorLanes(atlas.corridors);
    const traceca = paths.filter((p) => p.corridorId === 'traceca');
    expect(new Set(traceca.map((p) => props.getWidth(p))).size).toBeGreaterThan(1); // selected, and feeders thinner
    for (const path of paths)
      expect(props.getOffset(path) * props.getWidth(path), path.branchId).toBeCloseTo(lanes.get(path.corridorId)!, 9);
  });
});
