// The still map's projection and path data: the region fills the box, shapes keep their ends.
import { describe, expect, it } from 'vitest';
import { fitProjection, pathData, ringsOf } from '../../src/map/static-map.ts';
import type { LonLat } from '../../src/core/geodata.ts';

describe('fitProjection', () => {
  const projection = fitProjection(
    [
      [40, 22],
      [80, 52],
    ],
    1000,
  );

  it('puts the bounds on the corners of the box, north up', () => {
    expect(projection.project([40, 52])).toEqual([0, 0]);
    const [x, y] = projection.project([80, 22]);
    expect(x).toBeCloseTo(1000, 6);
    expect(y).toBeCloseTo(projection.height, 6);
  });

  it('is Web Mercator: a degree of latitude is taller in the north than in the south', () => {
    const step = (lat: number) => projection.project([60, lat])[1] - projection.project([60, lat + 1])[1];
    expect(step(50)).toBeGreaterThan(step(22) * 1.3);
    // 40° of longitude against 30° of latitude, stretched by Mercator: a little less tall than wide.
    expect(projection.height / projection.width).toBeGreaterThan(0.8);
    expect(projection.height / projection.width).toBeLessThan(1);
  });
});

describe('pathData', () => {
  const projection = fitProjection(
    [
      [0, -10],
      [10, 10],
    ],
    100,
  );

  it('writes closed rings and open lines', () => {
    const ring: LonLat[] = [
      [0, 0],
      [5, 0],
      [5, 5],
      [0, 0],
    ];
    expect(pathData([ring], projection, true)).toMatch(/^M[\d. ]+(L[\d. ]+){3}Z$/);
    expect(
      pathData(
        [
          [
            [0, 0],
            [10, 0],
          ],
        ],
        projection,
        false,
      ),
    ).toBe(`M0.0 ${projection.project([0, 0])[1].toFixed(1)}L100.0 ${projection.project([10, 0])[1].toFixed(1)}`);
  });

  it('drops points closer than a step to the last kept one, but never the last point', () => {
    const dense: LonLat[] = Array.from({ length: 101 }, (_, i) => [i * 0.01, 0]); // 0.1 units apart
    const d = pathData([dense], projection, false, 0.8);
    const points = d.split('L').length;
    expect(points).toBeLessThan(20);
    expect(d.endsWith(`L10.0 ${projection.project([1, 0])[1].toFixed(1)}`)).toBe(true);
  });

  it('leaves out lines that shrink to one point', () => {
    expect(
      pathData(
        [
          [
            [1, 1],
            [1.001, 1.001],
          ],
        ],
        projection,
        true,
      ),
    ).toMatch(/^M/);
    expect(pathData([[[1, 1]]], projection, true)).toBe('');
  });
});

describe('ringsOf', () => {
  it('flattens multipolygons and ignores other geometry', () => {
    const square: LonLat[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(ringsOf({ type: 'Polygon', coordinates: [square] })).toHaveLength(1);
    expect(ringsOf({ type: 'MultiPolygon', coordinates: [[square], [square, square]] })).toHaveLength(3);
    expect(ringsOf({ type: 'Point', coordinates: [0, 0] })).toEqual([]);
  });
});
