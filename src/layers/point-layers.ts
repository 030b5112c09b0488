// Points: ports, border crossings, capitals and the symbol of Iran as a whole (labels come from the
// basemap style, shaped by the browser), and rings for links with no foreign place to arc to.
import { ScatterplotLayer } from '@deck.gl/layers';
import { beforeMapLayer } from './before-map-layer.ts';
import type { AtlasData, Link } from '../core/atlas.ts';
import type { LonLat } from '../core/geodata.ts';
import type { EntityRef } from '../state/state.ts';
import type { RGBA } from '../core/colours.ts';
import type { Theme } from '../core/theme.ts';
import { inFocus, type Focus } from '../model/focus.ts';
import { focusColour, focusTrigger } from './focus-style.ts';

export const PLACE_LAYER_ID = 'places';
export const FORUM_LAYER_ID = 'forums';

export interface MapPoint {
  ref: EntityRef;
  lonLat: LonLat;
  kind: 'port' | 'border' | 'capital' | 'partner-capital' | 'national';
}

/** Ports and border crossings from the dataset, plus province and partner capitals. */
export function mapPoints(atlas: AtlasData): MapPoint[] {
  return [
    { ref: { kind: 'national', id: atlas.national.id }, lonLat: atlas.national.anchor, kind: 'national' },
    ...atlas.provinces.map((p): MapPoint => ({
      ref: { kind: 'province', id: p.id },
      lonLat: p.capital.lonLat,
      kind: 'capital',
    })),
    ...atlas.partners.map((p): MapPoint => ({
      ref: { kind: 'partner', id: p.id },
      lonLat: p.capital.lonLat,
      kind: 'partner-capital',
    })),
    ...atlas.places
      .filter((p) => p.kind === 'port' || p.kind === 'border')
      .map((p): MapPoint => ({
        ref: { kind: 'place', id: p.id },
        lonLat: p.lonLat,
        kind: p.kind as 'port' | 'border',
      })),
  ];
}

/** Props both point layers share: pixel sizes and the hover highlight. */
export const POINT_DEFAULTS = {
  pickable: true,
  stroked: true,
  radiusUnits: 'pixels' as const,
  lineWidthUnits: 'pixels' as const,
  autoHighlight: true,
  highlightColor: [255, 200, 0, 255] as RGBA,
};

const RADIUS: Record<MapPoint['kind'], number> = {
  port: 4.5,
  border: 4,
  capital: 3,
  'partner-capital': 3.5,
  national: 7,
};
/** Iran as a whole is a hollow ring, unlike any capital, so it never reads as a province's city. */
function pointColour(kind: MapPoint['kind'], theme: Theme): RGBA {
  return kind === 'port'
    ? theme.port
    : kind === 'border'
      ? theme.border
      : kind === 'national'
        ? theme.pointOutline
        : theme.capital;
}

export function buildPlaceLayer(
  points: MapPoint[],
  selected: EntityRef | null,
  focus: Focus | null,
  theme: Theme,
  beforeId: string,
): ScatterplotLayer<MapPoint> {
  const selectedKey = selected ? `${selected.kind}:${selected.id}` : '';
  const focused = (d: MapPoint) => inFocus(focus, d.ref.kind, d.ref.id);
  const focusKey = focusTrigger(focus);
  return new ScatterplotLayer<MapPoint>(
    beforeMapLayer(
      {
        id: PLACE_LAYER_ID,
        data: points,
        ...POINT_DEFAULTS,
        getPosition: (d) => d.lonLat,
        getRadius: (d) => RADIUS[d.kind] + (`${d.ref.kind}:${d.ref.id}` === selectedKey ? 3 : 0),
        getFillColor: (d) => focusColour(pointColour(d.kind, theme), focused(d)),
        getLineColor: (d) => focusColour(d.kind === 'national' ? theme.capital : theme.pointOutline, focused(d)),
        getLineWidth: (d) => (d.kind === 'national' ? 3 : 1.5),
        updateTriggers: { getRadius: selectedKey, getFillColor: focusKey, getLineColor: focusKey },
      },
      beforeId,
    ),
  );
}

export function buildForumLayer(
  links: Link[],
  selectedId: string | null,
  focus: Focus | null,
  theme: Theme,
  beforeId: string,
): ScatterplotLayer<Link> {
  return new ScatterplotLayer<Link>(
    beforeMapLayer(
      {
        id: FORUM_LAYER_ID,
        data: links,
        ...POINT_DEFAULTS,
        getPosition: (l) => l.sourcePosition,
        getRadius: (l) => (l.id === selectedId ? 20 : 15),
        filled: false,
        getLineColor: (l) => focusColour(theme.forum, inFocus(focus, 'link', l.id)),
        getLineWidth: 3,
        updateTriggers: { getRadius: selectedId, getLineColor: focusTrigger(focus) },
      },
      beforeId,
    ),
  );
}
