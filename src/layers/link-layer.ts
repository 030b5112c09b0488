// Links as arcs, one per origin–destination pair (src/model/flow-pairs.ts): wider the more links the pair
// carries, coloured by their shared sector (a calm grey when they differ), light at the start and dark where
// the flow arrives. Pairs running both ways between the same two places bow to opposite sides.
import { ArcLayer } from '@deck.gl/layers';
import { beforeMapLayer } from './before-map-layer.ts';
import type { Sector } from '../core/atlas.ts';
import type { FlowPair } from '../model/flow-pairs.ts';
import { pairInFocus, type Focus } from '../model/focus.ts';
import { hexToRgba, lighten, type RGBA } from '../core/colours.ts';
import type { Theme } from '../core/theme.ts';
import { focusColour, focusTrigger } from './focus-style.ts';

export const LINK_LAYER_ID = 'links';

/** Extra width of the selected arc, in pixels. */
const SELECTED_EXTRA_WIDTH = 3;
/** Tilt (degrees) of a pair whose reverse pair is drawn too: the two bow apart instead of covering each other. */
export const REVERSE_TILT = 12;
/** Arc height relative to its length: low, since in a top-down view a high arc is drawn as a tall loop (flow-motion.ts rides it). */
export const ARC_HEIGHT = 0.2;

export interface LinkLayerInputs {
  pairs: FlowPair[];
  sectors: Sector[];
  /** Pair id, or the id of a link, whose arc is selected. */
  selected: { pairId: string | null; linkId: string | null };
  focus: Focus | null;
  theme: Theme;
  beforeId: string;
}

/** The colour where the flow arrives (target) and where it leaves (source, lighter; the same for two-way pairs). */
export function pairColours(pair: FlowPair, sectors: Sector[], theme: Theme): { source: RGBA; target: RGBA } {
  const hex = pair.sector === null ? undefined : sectors.find((s) => s.id === pair.sector)?.colour;
  const target = hex ? hexToRgba(hex, 235) : theme.mixedLink;
  return { target, source: pair.twoWay ? target : lighten(target, 0.6) };
}

/** Tilts of pairs whose reverse is drawn too; ArcLayer tilts relative to the arc's direction, so both bow outwards. */
export function reverseTilts(pairs: FlowPair[]): Map<string, number> {
  const ends = (p: FlowPair, reverse = false) =>
    (reverse ? [p.targetPosition, p.sourcePosition] : [p.sourcePosition, p.targetPosition]).join('|');
  const drawn = new Set(pairs.map((p) => ends(p)));
  return new Map(pairs.filter((p) => drawn.has(ends(p, true))).map((p) => [p.id, REVERSE_TILT]));
}

export function buildLinkLayer({
  pairs,
  sectors,
  selected,
  focus,
  theme,
  beforeId,
}: LinkLayerInputs): ArcLayer<FlowPair> {
  const tilts = reverseTilts(pairs);
  const isSelected = (p: FlowPair) =>
    p.id === selected.pairId || (selected.linkId !== null && p.links.some((l) => l.id === selected.linkId));
  const colour = (p: FlowPair, end: 'source' | 'target') =>
    focusColour(pairColours(p, sectors, theme)[end], pairInFocus(focus, p));
  // Pairs carry their sector under the current filter, so a new filter gives new data; only focus needs a trigger.
  const colourKey = focusTrigger(focus);
  const selectedKey = `${selected.pairId ?? ''}|${selected.linkId ?? ''}`;
  return new ArcLayer<FlowPair>(
    beforeMapLayer(
      {
        id: LINK_LAYER_ID,
        data: pairs,
        pickable: true,
        // Few segments: smooth enough at this scale, and picking is several times faster.
        numSegments: 24,
        getSourcePosition: (p) => p.sourcePosition,
        getTargetPosition: (p) => p.targetPosition,
        getSourceColor: (p) => colour(p, 'source'),
        getTargetColor: (p) => colour(p, 'target'),
        getWidth: (p) => p.width + (isSelected(p) ? SELECTED_EXTRA_WIDTH : 0),
        getTilt: (p) => tilts.get(p.id) ?? 0,
        getHeight: ARC_HEIGHT,
        widthUnits: 'pixels',
        autoHighlight: true,
        highlightColor: [255, 255, 255, 120],
        updateTriggers: { getSourceColor: colourKey, getTargetColor: colourKey, getWidth: selectedKey },
      },
      beforeId,
    ),
  );
}
