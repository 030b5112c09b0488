// The one rule for what an id names (province, partner, Iran as a whole, organisation, group, ...),
// shared by the data build, the URL, panels, the table and stories.
import type { AtlasData } from './atlas.ts';

/** `flow` is a row of an imported dataset, id `datasetId:rowIndex`; it never goes into the URL. */
export type EntityKind =
  'province' | 'partner' | 'corridor' | 'link' | 'route' | 'place' | 'organisation' | 'group' | 'national' | 'flow';

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

/** Finds what an id names: province (IR-03), partner (KAZ), Iran as a whole (IRN), corridor, link, route, place, organisation or group. */
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
  return null;
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
