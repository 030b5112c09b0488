// Distances for the measure tool: great-circle legs between clicked points, or, where two
// consecutive points lie on the same corridor branch or Caspian route, the length along it. Pure.
import { distance, greatCircle, length, lineSlice, lineString, nearestPointOnLine, point } from '@turf/turf';
import type { LonLat } from '../core/geodata.ts';
import type { MeasurePoint } from '../state/state.ts';

export type { MeasurePoint } from '../state/state.ts';

export interface MeasureLeg {
  /** What to draw: the great circle, or the stretch of the path. */
  path: LonLat[];
  km: number;
  along: boolean;
}

/** Snaps a click onto a path: the nearest point on it. */
export function snapToPath(lonLat: LonLat, key: string, path: LonLat[]): MeasurePoint {
  const nearest = nearestPointOnLine(lineString(path), point(lonLat));
  return { lonLat: nearest.geometry.coordinates as LonLat, along: { key, path } };
}

export function measureLegs(points: MeasurePoint[]): MeasureLeg[] {
  const legs: MeasureLeg[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (a.along && b.along && a.along.key === b.along.key) {
      const stretch = lineSlice(point(a.lonLat), point(b.lonLat), lineString(a.along.path));
      legs.push({
        path: stretch.geometry.coordinates as LonLat[],
        km: length(stretch, { units: 'kilometers' }),
        along: true,
      });
    } else {
      const km = distance(a.lonLat, b.lonLat, { units: 'kilometers' });
      // Short legs need no curve; long ones follow the great circle so the line matches the number.
      const path =
        km < 50
          ? [a.lonLat, b.lonLat]
          : (greatCircle(a.lonLat, b.lonLat, { npoints: 64 }).geometry.coordinates as LonLat[]);
      legs.push({ path, km, along: false });
    }
  }
  return legs;
}

export function totalKm(legs: MeasureLeg[]): number {
  return legs.reduce((sum, leg) => sum + leg.km, 0);
}
