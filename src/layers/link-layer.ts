// Links as arcs from an Iranian province or body to a partner: coloured by sector, light at the
// start and dark where the flow arrives, wider for weightier kinds, fanned apart when they share ends.
import { ArcLayer } from '@deck.gl/layers';
import { beforeMapLayer } from './before-map-layer.ts';
import type { Link, Sector } from '../core/atlas.ts';
import type { LonLat } from '../core/geodata.ts';
import { linkSector } from '../model/selectors.ts';
import { hexToRgba, lighten, type RGBA } from '../core/colours.ts';
import type { Theme } from '../core/theme.ts';

export const LINK_LAYER_ID = 'links';

/** Arc width in pixels by link kind: commitments drawn heavier than talks. */
export const LINK_WIDTH: Record<string, number> = {
  contract: 5,
  'purchase-intent': 5,
  'capacity-built-abroad': 5,
  visit: 4,
  meeting: 3.5,
  'target-market': 3,
  'proposed-cooperation': 2.5,
};

export interface LinkLayerInputs {
  links: Link[];
  sectors: Sector[];
  activeSectors: string[] | null;
  selectedId: string | null;
  theme: Theme;
  beforeId: string;
}

/** The colour where the flow arrives (target) and where it leaves (source, lighter). */
export function linkColours(
  link: Link,
  activeSectors: string[] | null,
  sectors: Sector[],
  theme: Theme,
): { source: RGBA; target: RGBA } {
  const sectorId = linkSector(link, activeSectors);
  const hex = sectors.find((s) => s.id === sectorId)?.colour;
  const target = hex ? hexToRgba(hex, 235) : theme.neutralLink;
  return { target, source: link.flow === 'both' ? target : lighten(target, 0.6) };
}

/** Ends of the arc in the direction of the flow: inbound links arrive in Iran. */
export function arcEnds(link: Link): [LonLat, LonLat] {
  const [iran, partner] = [link.sourcePosition, link.targetPosition!];
  return link.flow === 'inbound' ? [partner, iran] : [iran, partner];
}

/** Tilts (degrees) that fan out arcs sharing the same two ends, so each stays visible and pickable. */
export function arcTilts(links: Link[]): Map<string, number> {
  const groups = new Map<string, Link[]>();
  for (const link of links) {
    const key = [link.sourcePosition, link.targetPosition].map((p) => p!.join(',')).join('|');
    groups.set(key, [...(groups.get(key) ?? []), link]);
  }
  const tilts = new Map<string, number>();
  for (const group of groups.values()) {
    group.forEach((link, i) => tilts.set(link.id, group.length === 1 ? 0 : (i - (group.length - 1) / 2) * 14));
  }
  return tilts;
}

export function buildLinkLayer({
  links,
  sectors,
  activeSectors,
  selectedId,
  theme,
  beforeId,
}: LinkLayerInputs): ArcLayer<Link> {
  const tilts = arcTilts(links);
  const colourKey = activeSectors?.join(',') ?? '*';
  return new ArcLayer<Link>(
    beforeMapLayer(
      {
        id: LINK_LAYER_ID,
        data: links,
        pickable: true,
        // Few segments: smooth enough at this scale, and picking is several times faster.
        numSegments: 24,
        getSourcePosition: (l) => arcEnds(l)[0],
        getTargetPosition: (l) => arcEnds(l)[1],
        getSourceColor: (l) => linkColours(l, activeSectors, sectors, theme).source,
        getTargetColor: (l) => linkColours(l, activeSectors, sectors, theme).target,
        getWidth: (l) => (LINK_WIDTH[l.kind] ?? 3) + (l.id === selectedId ? 3 : 0),
        getTilt: (l) => tilts.get(l.id) ?? 0,
        getHeight: 0.6,
        widthUnits: 'pixels',
        autoHighlight: true,
        highlightColor: [255, 255, 255, 120],
        updateTriggers: { getSourceColor: colourKey, getTargetColor: colourKey, getWidth: selectedId },
      },
      beforeId,
    ),
  );
}
