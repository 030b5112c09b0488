// Links drawn as one arc per origin–destination pair: the links with the same two ends in the same
// direction share a mark whose width says how many links it carries, so no arc hides another.
import type { AtlasData, Link } from '../core/atlas.ts';
import type { LonLat } from '../core/geodata.ts';
import { pairId } from '../core/entities.ts';
import { linkSector } from './selectors.ts';

export interface FlowPair {
  /** `origin.to.destination` (see `pairId` in src/core/entities.ts). */
  id: string;
  /** Where the arc starts and ends, in the direction of the flow. */
  sourcePosition: LonLat;
  targetPosition: LonLat;
  /** The links it carries, in dataset order. */
  links: Link[];
  /** The one sector every link is drawn in, or null when they differ (drawn neutral). */
  sector: string | null;
  /** Every link goes both ways: drawn in one colour, without the light-to-dark direction. */
  twoWay: boolean;
  /** Arc width in pixels (`pairWidth`). */
  width: number;
}

/** Width of an arc carrying one link, and what each further link adds, in pixels: a linear scale, so counts read exactly. */
export const PAIR_WIDTH_ONE = 3;
export const PAIR_WIDTH_STEP = 2;

export function pairWidth(linkCount: number): number {
  return PAIR_WIDTH_ONE + PAIR_WIDTH_STEP * Math.max(0, linkCount - 1);
}

/** Ends of a link's arc in the direction of the flow: inbound links arrive in Iran. */
export function arcEnds(link: Link): [LonLat, LonLat] {
  const [iran, partner] = [link.sourcePosition, link.targetPosition!];
  return link.flow === 'inbound' ? [partner, iran] : [iran, partner];
}

/** Links with a foreign end, grouped by pair (in order of each pair's first link); `active` is the sector filter. */
export function flowPairs(links: Link[], active: string[] | null, nationalId: string): FlowPair[] {
  const groups = new Map<string, Link[]>();
  for (const link of links) {
    const id = pairId(link, nationalId);
    if (id !== null) groups.set(id, [...(groups.get(id) ?? []), link]);
  }
  return [...groups].map(([id, members]) => {
    const [sourcePosition, targetPosition] = arcEnds(members[0]!);
    const sectors = new Set(members.map((l) => linkSector(l, active)));
    return {
      id,
      sourcePosition,
      targetPosition,
      links: members,
      sector: sectors.size === 1 ? [...sectors][0]! : null,
      twoWay: members.every((l) => l.flow === 'both'),
      width: pairWidth(members.length),
    };
  });
}

/** Every link of the dataset in a pair, whatever the filters: what the pair's panel lists. */
export function pairLinks(id: string, atlas: Pick<AtlasData, 'links' | 'national'>): Link[] {
  return atlas.links.filter((link) => pairId(link, atlas.national.id) === id);
}
