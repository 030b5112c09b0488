// What a selection brings forward on the map: the selection and what the data says it connects to (its
// links and their pairs, the provinces, partners and Iran as a whole at their ends, corridors and Caspian
// routes through it or its ports), and the box that frames them. Everything else is drawn faded.
import type { AtlasData, CaspianRoute, Corridor, Link } from '../core/atlas.ts';
import type { LonLat } from '../core/geodata.ts';
import { pairId, subjectRef, type EntityKind, type EntityRef } from '../core/entities.ts';
import { memoLast } from '../core/memo.ts';
import { pairLinks } from './flow-pairs.ts';
import { parseImportedRef, UNCLUSTERED } from './imported-refs.ts';
import { entityBounds } from './selectors.ts';

/** Keys (`kind:id`) of the emphasised entities. */
export type Focus = ReadonlySet<string>;

export function focusKey(kind: EntityKind, id: string): string {
  return `${kind}:${id}`;
}

/** True when the entity is drawn at full strength: it is in focus, or nothing is selected (`focus` null). */
export function inFocus(focus: Focus | null, kind: EntityKind, id: string): boolean {
  return focus === null || focus.has(focusKey(kind, id));
}

/** A pair is in focus when it or any link it carries is. */
export function pairInFocus(focus: Focus | null, pair: { id: string; links: { id: string }[] }): boolean {
  return inFocus(focus, 'pair', pair.id) || pair.links.some((l) => inFocus(focus, 'link', l.id));
}

const focusFor = memoLast((kind: EntityKind, id: string, atlas: AtlasData): Focus | null =>
  collectFocus({ kind, id }, atlas),
);

/** The focus of a selection, memoised (hovering never recomputes it); null when nothing is selected or faded. */
export function focusOf(selection: EntityRef | null, atlas: AtlasData): Focus | null {
  return selection ? focusFor(selection.kind, selection.id, atlas) : null;
}

function collectFocus(ref: EntityRef, atlas: AtlasData): Focus | null {
  const keys = new Set<string>();
  const add = (kind: EntityKind, id: string) => keys.add(focusKey(kind, id));
  const find = <T extends { id: string }>(items: T[], id: string) => items.find((item) => item.id === id);
  const addSubject = (id: string) => {
    const subject = subjectRef(id, atlas);
    add(subject.kind, subject.id);
  };
  const addLink = (link: Link | undefined) => {
    if (!link) return;
    add('link', link.id);
    const pair = pairId(link, atlas.national.id);
    if (pair) add('pair', pair);
    addSubject(link.from);
    // Where the arc starts: the organisation's province, or Iran as a whole for national bodies.
    addSubject(link.fromProvince ?? atlas.national.id);
    addSubject(link.to);
    link.participants.forEach(addSubject);
  };
  const addLinks = (ids: string[]) => ids.forEach((id) => addLink(find(atlas.links, id)));
  const addRoute = (route: CaspianRoute) => {
    add('route', route.id);
    route.ports.forEach((port) => add('place', port));
  };
  const addPlaceSurroundings = (placeIds: Set<string>) => {
    atlas.caspianRoutes.filter((r) => r.ports.some((p) => placeIds.has(p))).forEach(addRoute);
  };

  switch (ref.kind) {
    case 'province': {
      const province = find(atlas.provinces, ref.id);
      if (!province) return null;
      add('province', province.id);
      addLinks(province.linkIds);
      province.corridorIds.forEach((id) => add('corridor', id));
      province.organisationIds.forEach((id) => add('organisation', id));
      const places = new Set(atlas.places.filter((p) => p.province === province.id).map((p) => p.id));
      places.forEach((id) => add('place', id));
      addPlaceSurroundings(places);
      break;
    }
    case 'partner': {
      const partner = find(atlas.partners, ref.id);
      if (!partner) return null;
      add('partner', partner.id);
      addLinks(partner.linkIds);
      partner.corridorIds.forEach((id) => add('corridor', id));
      atlas.caspianRoutes.filter((r) => partner.routeIds.includes(r.id)).forEach(addRoute);
      atlas.places.filter((p) => p.country === partner.id).forEach((p) => add('place', p.id));
      break;
    }
    case 'national':
      add('national', atlas.national.id);
      addLinks(atlas.national.linkIds);
      atlas.national.organisationIds.forEach((id) => add('organisation', id));
      break;
    case 'corridor': {
      const corridor = find(atlas.corridors, ref.id);
      if (!corridor) return null;
      add('corridor', corridor.id);
      // Only the provinces its sourced paths cross, as its panel lists them.
      corridor.provinces.forEach((id) => add('province', id));
      corridor.members.filter((id) => find(atlas.partners, id)).forEach((id) => add('partner', id));
      corridor.branches.flatMap((b) => b.nodes).forEach((id) => add('place', id));
      atlas.caspianRoutes.filter((r) => seaLegOf(corridor, r)).forEach(addRoute);
      break;
    }
    case 'route': {
      const route = find(atlas.caspianRoutes, ref.id);
      if (!route) return null;
      addRoute(route);
      for (const port of route.ports) {
        const place = find(atlas.places, port);
        if (place?.province) add('province', place.province);
        if (place?.country && find(atlas.partners, place.country)) add('partner', place.country);
      }
      atlas.corridors.filter((c) => seaLegOf(c, route)).forEach((c) => add('corridor', c.id));
      break;
    }
    case 'link': {
      const link = find(atlas.links, ref.id);
      if (!link) return null;
      addLink(link);
      break;
    }
    case 'pair': {
      const links = pairLinks(ref.id, atlas);
      if (links.length === 0) return null;
      add('pair', ref.id);
      links.forEach(addLink);
      break;
    }
    case 'organisation': {
      const organisation = find(atlas.organisations, ref.id);
      if (!organisation) return null;
      add('organisation', organisation.id);
      addSubject(organisation.seat);
      addLinks(organisation.linkIds);
      break;
    }
    case 'group': {
      const group = find(atlas.groups, ref.id);
      if (!group) return null;
      add('group', group.id);
      addLinks(group.linkIds);
      break;
    }
    case 'place': {
      const place = find(atlas.places, ref.id);
      if (!place) return null;
      add('place', place.id);
      if (place.province) add('province', place.province);
      if (place.country && find(atlas.partners, place.country)) add('partner', place.country);
      atlas.corridors
        .filter((c) => c.branches.some((b) => b.nodes.includes(place.id)))
        .forEach((c) => add('corridor', c.id));
      addPlaceSurroundings(new Set([place.id]));
      break;
    }
    case 'flow':
    case 'flow-pair':
      // Imported rows: the atlas's own marks are not their connections, so nothing of the atlas is faded.
      return null;
    case 'flow-place': {
      // An imported place that is a province, partner or atlas place (and not a cluster of several): the atlas
      // brings forward what goes through it, as when that place itself is chosen.
      const parts = parseImportedRef(ref);
      if (!parts || parts.level < UNCLUSTERED) return null;
      const kind = find(atlas.provinces, parts.origin)
        ? 'province'
        : find(atlas.partners, parts.origin)
          ? 'partner'
          : find(atlas.places, parts.origin)
            ? 'place'
            : null;
      return kind ? collectFocus({ kind, id: parts.origin }, atlas) : null;
    }
  }
  return keys;
}

/** True when one of the corridor's sea branches sails the route: its two ports are consecutive nodes. */
function seaLegOf(corridor: Corridor, route: CaspianRoute): boolean {
  const [a, b] = route.ports;
  return corridor.branches.some(
    (branch) =>
      branch.mode === 'sea' &&
      branch.nodes.some(
        (node, i) => (node === a && branch.nodes[i + 1] === b) || (node === b && branch.nodes[i + 1] === a),
      ),
  );
}

type Bounds = [west: number, south: number, east: number, north: number];
/** The least span (degrees) of a framed box, so a lone point is framed, not zoomed into without limit. */
const MIN_SPAN = 1;

/**
 * A box [west, south, east, north] covering the selection, both ends of every arc it brings into focus and the
 * provinces in focus, so the camera can frame what the selection connects to; null when it has no place on the map.
 */
export function focusBounds(ref: EntityRef, atlas: AtlasData): Bounds | null {
  const points: LonLat[] = [];
  const own = entityBounds(ref, atlas);
  if (own) points.push(...boxCorners(own));
  const focus = focusOf(ref, atlas);
  if (focus) {
    for (const link of atlas.links) {
      if (!focus.has(focusKey('link', link.id))) continue;
      points.push(link.sourcePosition);
      if (link.targetPosition) points.push(link.targetPosition);
    }
    for (const province of atlas.provinces)
      if (focus.has(focusKey('province', province.id))) points.push(...boxCorners(province.bbox));
  }
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return padded([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]);
}

function boxCorners(box: [number, number, number, number] | [number, number]): LonLat[] {
  return box.length === 2
    ? [box]
    : [
        [box[0], box[1]],
        [box[2], box[3]],
      ];
}

function padded([west, south, east, north]: Bounds): Bounds {
  const padLon = Math.max(0, MIN_SPAN - (east - west)) / 2;
  const padLat = Math.max(0, MIN_SPAN - (north - south)) / 2;
  return [west - padLon, south - padLat, east + padLon, north + padLat];
}

/**
 * The home view: Iran's provinces, both ends of every arc and the Caspian lanes. Corridors run on to
 * Europe and China; framing them too would shrink the region to a corner, so they leave the frame.
 */
export function homeBounds(atlas: AtlasData): Bounds {
  const points: LonLat[] = atlas.provinces.flatMap((province) => boxCorners(province.bbox));
  for (const link of atlas.links) {
    points.push(link.sourcePosition);
    if (link.targetPosition) points.push(link.targetPosition);
  }
  for (const route of atlas.caspianRoutes) points.push(...route.path);
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
