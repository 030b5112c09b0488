import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { regionParts } from '../../src/layers/region-layer.ts';

const square = (x: number): number[][] => [
  [x, 0],
  [x + 1, 0],
  [x + 1, 1],
  [x, 0],
];
const hole = (x: number): number[][] => [
  [x + 0.2, 0.2],
  [x + 0.4, 0.2],
  [x + 0.4, 0.4],
  [x + 0.2, 0.2],
];

describe('regionParts', () => {
  it('splits a multipolygon into polygons and every ring into an outline, each keeping its feature and index', () => {
    const features: Feature<Polygon | MultiPolygon, { id: string }>[] = [
      { type: 'Feature', properties: { id: 'a' }, geometry: { type: 'Polygon', coordinates: [square(0), hole(0)] } },
      {
        type: 'Feature',
        properties: { id: 'b' },
        geometry: { type: 'MultiPolygon', coordinates: [[square(2)], [square(4), hole(4)]] },
      },
    ];
    const { polygons, rings } = regionParts(features, (row, feature, index) => ({
      row,
      id: feature.properties.id,
      index,
    }));
    expect(polygons.map((p) => [p.id, p.index])).toEqual([
      ['a', 0],
      ['b', 1],
      ['b', 1],
    ]);
    expect(polygons[2]!.row).toEqual({ polygon: [square(4), hole(4)] });
    expect(rings.map((r) => r.id)).toEqual(['a', 'a', 'b', 'b', 'b']);
    expect(rings[4]!.row).toEqual({ path: hole(4) });
  });
});
