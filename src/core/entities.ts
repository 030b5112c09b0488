// The one rule for what an id names (province, partner, Iran as a whole, organisation, group, ...),
// shared by the data build, the URL, panels, the table and stories.
import type { AtlasData, Link } from './atlas.ts';

/**
 * `flow` is a row of an imported dataset, id `datasetId:rowIndex`; `flow-pair` an arc of imported rows between
 * two places or clusters and `flow-place` an imported place or cluster, ids `datasetId:level:keys`
 * (`src/model/imported-flows.ts`). None of the three goes into the URL. `pair` is every
 * link drawn between the same two ends in the same direction, id `origin.to.destination` (`pairId`).
 */
export type EntityKind =
  | 'province'
  | 'partner'
  | 'corridor'
  | 'link'
  | 'pair'
  | 'route'
  | 'place'
  | 'organisation'
  | 'group'
  | 'national'
  | 'flow'
  | 'flow-pair'
  | 'flow-place';

/** The kinds that name imported data: they live in this tab only, never in the URL. */
export const IMPORTED_KINDS: readonly EntityKind[] = ['flow', 'flow-pair', 'flow-place'];

/** A pointer to one thing on the map, e.g. `{ kind: 'province', id: 'IR-03' }`. */
export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/** Layer groups the user can switch on and off, in drawing order. */
export const LAYER_GROUPS = ['provinces', 'partners', 'corridors', 'caspian', 'links', 'places'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export function sameRef(a: EntityRef | null, b: EntityRef | null): boolean {
  return a?.kind === b?.kind && a?.id === b?.id;
}

type Collections = Pick<
  AtlasData,
  | 'provinces'
  | 'partners'
  | 'corridors'
  | 'links'
  | 'caspianRoutes'
  | 'places'
  | 'organisations'
  | 'groups'
  | 'national'
>;

/** Finds what an id names: province (IR-03), partner (KAZ), Iran as a whole (IRN), corridor, link, route, place, organisation, group or pair (IR-15.to.KAZ). */
export function resolveEntity(id: string, atlas: Collections): EntityRef | null {
  if (id === atlas.national.id) return { kind: 'national', id };
  const collections: [EntityKind, { id: string }[]][] = [
    ['province', atlas.provinces],
    ['partner', atlas.partners],
    ['corridor', atlas.corridors],
    ['link', atlas.links],
    ['route', atlas.caspianRoutes],
    ['place', atlas.places],
    ['organisation', atlas.organisations],
    ['group', atlas.groups],
  ];
  for (const [kind, items] of collections) if (items.some((item) => item.id === id)) return { kind, id };
  if (id.includes(PAIR_SEPARATOR) && atlas.links.some((link) => pairId(link, atlas.national.id) === id))
    return { kind: 'pair', id };
  return null;
}

/** Between a pair's two ends; URL-safe (no percent-encoding), and in no other entity's id. */
const PAIR_SEPARATOR = '.to.';

/**
 * The pair a link is drawn in: where its arc starts and ends, in the direction of the flow (inbound links
 * start at the partner; two-way links are drawn from Iran). The Iranian end is the province the arc starts in,
 * or Iran as a whole for it and its national bodies. Null for a link with no foreign end on the map (a ring).
 */
export function pairId(
  link: Pick<Link, 'fromProvince' | 'to' | 'flow' | 'targetPosition'>,
  nationalId: string,
): string | null {
  if (link.targetPosition === null) return null;
  const iran = link.fromProvince ?? nationalId;
  const [origin, destination] = link.flow === 'inbound' ? [link.to, iran] : [iran, link.to];
  return `${origin}${PAIR_SEPARATOR}${destination}`;
}

/** A pair id's two ends (province, `IRN` or partner), origin first; null when the id is not a pair's. */
export function pairEnds(id: string): [origin: string, destination: string] | null {
  const parts = id.split(PAIR_SEPARATOR);
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : null;
}

/**
 * What a fact's subject, a link's end or an organisation's seat is: a province, a partner (or a
 * country outside the partner list, by its ISO alpha-3 code), Iran as a whole, a partner group or an
 * organisation.
 */
export function subjectRef(
  id: string,
  atlas: Pick<AtlasData, 'provinces' | 'groups' | 'organisations' | 'national'>,
): EntityRef {
  if (id === atlas.national.id) return { kind: 'national', id };
  if (atlas.provinces.some((p) => p.id === id)) return { kind: 'province', id };
  if (atlas.groups.some((g) => g.id === id)) return { kind: 'group', id };
  if (atlas.organisations.some((o) => o.id === id)) return { kind: 'organisation', id };
  return { kind: 'partner', id };
}
