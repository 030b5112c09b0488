// Derived data for layers, panels and legends: small pure functions of state and the dataset,
// memoised on the inputs that matter so hovering never recomputes them.
import type { AtlasData, Fact, Link } from '../core/atlas.ts';
import type { AppState, EntityRef } from '../state/state.ts';
import { pairId, subjectRef } from '../core/entities.ts';
import { memoLast } from '../core/memo.ts';
import { ALL_TIME, matchesTime, timeKey, type ProvinceMetric } from '../state/filters.ts';

type Filters = Pick<AppState, 'sectors' | 'time'>;

/** True when a record with these sectors passes the sector filter (null = all sectors). */
export function matchesSectors(recordSectors: string[], active: string[] | null): boolean {
  return active === null || recordSectors.some((s) => active.includes(s));
}

/** Caches one result per dataset for the latest key of the arguments, so repeated calls with equal inputs are free. */
function memoOnAtlas<A, R>(
  compute: (atlas: AtlasData, args: A) => R,
  keyOf: (args: A) => string,
): (atlas: AtlasData, args: A) => R {
  const cache = new WeakMap<AtlasData, { key: string; value: R }>();
  return (atlas, args) => {
    const key = keyOf(args);
    const hit = cache.get(atlas);
    if (hit && hit.key === key) return hit.value;
    const value = compute(atlas, args);
    cache.set(atlas, { key, value });
    return value;
  };
}

const sectorsKey = (sectors: string[] | null) => (sectors === null ? '*' : sectors.join(','));
/** One string for the filters, so memoised selectors recompute only when a filter changes. */
const filtersKey = (filters: Filters) => `${sectorsKey(filters.sectors)}|${timeKey(filters.time)}`;

/** True when a fact or link passes the sector and time filters. */
export function passesFilters(record: { sectors: string[]; date: string | null }, filters: Filters): boolean {
  return matchesSectors(record.sectors, filters.sectors) && matchesTime(record.date, filters.time);
}

const linksFor = memoOnAtlas(
  (atlas, filters: Filters) => atlas.links.filter((link) => passesFilters(link, filters)),
  filtersKey,
);

/** Links under the sector and time filters (whether or not the links layer is on). */
export function filteredLinks(state: Filters, atlas: AtlasData): Link[] {
  return linksFor(atlas, state);
}

const factsFor = memoOnAtlas(
  (atlas, filters: Filters) => atlas.facts.filter((fact) => passesFilters(fact, filters)),
  filtersKey,
);

/** Facts under the sector and time filters. */
export function filteredFacts(state: Filters, atlas: AtlasData): Fact[] {
  return factsFor(atlas, state);
}

const NO_LINKS: Link[] = [];
const withTarget = memoLast((links: Link[]) => links.filter((link) => link.targetPosition !== null));
const withoutTarget = memoLast((links: Link[]) => links.filter((link) => link.targetPosition === null));

/** Links drawn as arcs: filtered, with the layer on, and with a target on the map. */
export function arcLinks(state: Filters & Pick<AppState, 'layers'>, atlas: AtlasData): Link[] {
  return state.layers.links ? withTarget(filteredLinks(state, atlas)) : NO_LINKS;
}

/** Links to partner groups (no single target): drawn as rings at their origin. */
export function groupLinks(state: Filters & Pick<AppState, 'layers'>, atlas: AtlasData): Link[] {
  return state.layers.links ? withoutTarget(filteredLinks(state, atlas)) : NO_LINKS;
}

/** Facts about a province, including those of provincial bodies seated in it (national bodies are Iran as a whole's). */
export function provinceFacts(atlas: AtlasData, provinceId: string): Fact[] {
  const province = atlas.provinces.find((p) => p.id === provinceId);
  if (!province) return [];
  const subjects = new Set([provinceId, ...province.organisationIds]);
  return atlas.facts.filter((f) => subjects.has(f.subject));
}

/** Facts and/or links per province under the filters; not memoised (see provinceActivity). */
function computeActivity(atlas: AtlasData, filters: Filters, metric: ProvinceMetric = 'activity'): Map<string, number> {
  const linkById = new Map(atlas.links.map((l) => [l.id, l]));
  const counts = new Map<string, number>();
  for (const province of atlas.provinces) {
    const facts =
      metric === 'links' ? 0 : provinceFacts(atlas, province.id).filter((f) => passesFilters(f, filters)).length;
    const links =
      metric === 'facts' ? 0 : province.linkIds.filter((id) => passesFilters(linkById.get(id)!, filters)).length;
    counts.set(province.id, facts + links);
  }
  return counts;
}

type ActivityArgs = Filters & Pick<AppState, 'metric'>;
const activityFor = memoOnAtlas(
  (atlas, args: ActivityArgs) => computeActivity(atlas, args, args.metric),
  (args) => `${filtersKey(args)}|${args.metric}`,
);

/** Per province, what the metric counts (facts + links by default) under the sector and time filters. */
export function provinceActivity(state: ActivityArgs, atlas: AtlasData): Map<string, number> {
  return activityFor(atlas, state);
}

/** Class breaks of the activity scale: a class is the number of breaks a count reaches (0 = none). */
export const ACTIVITY_BREAKS = [1, 3, 6, 10, 15] as const;

export function activityClass(count: number): number {
  return ACTIVITY_BREAKS.filter((b) => count >= b).length;
}

export interface SectorCount {
  facts: number;
  links: number;
  provinces: number;
}

const countsFor = memoOnAtlas(
  (atlas: AtlasData) => {
    const counts = new Map<string, SectorCount>(atlas.sectors.map((s) => [s.id, { facts: 0, links: 0, provinces: 0 }]));
    for (const fact of atlas.facts) for (const s of fact.sectors) counts.get(s)!.facts += 1;
    for (const link of atlas.links) for (const s of link.sectors) counts.get(s)!.links += 1;
    for (const sector of atlas.sectors) {
      // Computed directly: going through activityFor would evict the current filter's cached Map.
      const activity = computeActivity(atlas, { sectors: [sector.id], time: ALL_TIME });
      counts.get(sector.id)!.provinces = atlas.provinces.filter((p) => (activity.get(p.id) ?? 0) > 0).length;
    }
    return counts;
  },
  () => '',
);

/** Per sector: how many facts, links and provinces it covers (whole dataset). */
export function sectorCounts(atlas: AtlasData): Map<string, SectorCount> {
  return countsFor(atlas, undefined);
}

/**
 * The sector a link is drawn in: its only sector, or the only one of its sectors the filter keeps;
 * null when several remain (drawn neutral).
 */
export function linkSector(link: Link, active: string[] | null): string | null {
  const kept = active === null ? link.sectors : link.sectors.filter((s) => active.includes(s));
  return kept.length === 1 ? kept[0]! : null;
}

export { resolveEntity } from '../core/entities.ts';

/** Where to fly for an entity: a bounding box, a point, or null when it has no place of its own. */
export function entityBounds(
  ref: EntityRef,
  atlas: AtlasData,
): [number, number, number, number] | [number, number] | null {
  switch (ref.kind) {
    case 'province':
      return atlas.provinces.find((p) => p.id === ref.id)?.bbox ?? null;
    case 'partner':
      return atlas.partners.find((p) => p.id === ref.id)?.bbox ?? null;
    case 'corridor':
      return atlas.corridors.find((c) => c.id === ref.id)?.bbox ?? null;
    case 'place':
      return atlas.places.find((p) => p.id === ref.id)?.lonLat ?? null;
    case 'route':
    case 'link':
    case 'pair': {
      const points =
        ref.kind === 'route'
          ? atlas.caspianRoutes.find((r) => r.id === ref.id)?.path
          : ref.kind === 'link'
            ? linkEnds(atlas.links.find((l) => l.id === ref.id))
            : atlas.links.filter((l) => pairId(l, atlas.national.id) === ref.id).flatMap((l) => linkEnds(l)!);
      if (!points || points.length === 0) return null;
      const lons = points.map((p) => p[0]);
      const lats = points.map((p) => p[1]);
      return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    }
    case 'national':
      return iranBounds(atlas);
    case 'organisation': {
      if (atlas.national.organisationIds.includes(ref.id)) return iranBounds(atlas);
      const seat = atlas.organisations.find((o) => o.id === ref.id)?.seat;
      return seat ? entityBounds(subjectRef(seat, atlas), atlas) : null;
    }
    default:
      return null;
  }
}

/** All of Iran: its provinces' extent. */
function iranBounds(atlas: AtlasData): [number, number, number, number] {
  const boxes = atlas.provinces.map((p) => p.bbox);
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

function linkEnds(link: Link | undefined): [number, number][] | undefined {
  if (!link) return undefined;
  return link.targetPosition ? [link.sourcePosition, link.targetPosition] : [link.sourcePosition];
}
