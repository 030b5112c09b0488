import { describe, expect, it } from 'vitest';
import { isRegionTopology } from '../../src/core/region.ts';

describe('isRegionTopology', () => {
  it.each([
    null,
    42,
    'Topology',
    {},
    { type: 'Topology', arcs: [], objects: {} },
    { type: 'Topology', arcs: [], objects: { countries: {} } },
  ])('rejects %j', (value) => expect(isRegionTopology(value)).toBe(false));

  it('accepts a topology with the three objects', () => {
    const empty = { type: 'GeometryCollection', geometries: [] };
    expect(
      isRegionTopology({ type: 'Topology', arcs: [], objects: { countries: empty, provinces: empty, labels: empty } }),
    ).toBe(true);
  });
});
