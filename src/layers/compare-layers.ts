// The two-period comparison on the map: one arc per origin–destination pair coloured by its change class
// (src/core/change-palette.ts), as wide as the larger of its two periods, and the places at the pairs' ends
// as dots by class. New and gone are drawn over a halo band, a cue that does not rest on hue.
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { RGBA } from '../core/colours.ts';
import { changePalette } from '../core/change-palette.ts';
import type { Theme } from '../core/theme.ts';
import type { Change, PairChange, PlaceChange } from '../model/period-compare.ts';
import type { DatasetComparison } from '../model/compare-selectors.ts';
import { beforeMapLayer } from './before-map-layer.ts';
import { POINT_DEFAULTS } from './point-layers.ts';

import { COMPARE_ARCS, COMPARE_HALOS, COMPARE_PLACES } from './compare-pick.ts';

export { COMPARE_ARCS, COMPARE_HALOS, COMPARE_PLACES };

export interface CompareLayerOptions {
  theme: Theme;
  beforeId: string;
  /** A pick on a change arc or dot (index -1: the pointer left it). Returns true: the app's hover is not asked. */
  onHover(datasetId: number, what: 'pair' | 'place', index: number, info: PickingInfo): boolean;
}

const MIN_WIDTH = 2;
const MAX_WIDTH = 12;
const ends = (kind: Change['kind']) => kind === 'new' || kind === 'gone';
/** A halo and its arc lie at the same depth: drawn in order, not depth-tested, or they interleave in stripes. */
const FLAT = { parameters: { depthCompare: 'always' as const, depthWriteEnabled: false } };
/** How far the halo shows on each side of a new or gone arc, in pixels. */
const HALO_PX = 1.5;

/**
 * Width in pixels, linear in the larger of the two periods, so widths compare like the numbers: scaled
 * within totals and within row counts apart (a pair counted by rows is never measured against tonnes).
 */
export function widthScale(changes: Change[]): (change: Change) => number {
  const max = { total: 0, rows: 0 };
  for (const c of changes) max[c.measure] = Math.max(max[c.measure], Math.abs(c.a), Math.abs(c.b));
  return (c) => {
    const top = max[c.measure];
    return top > 0 ? MIN_WIDTH + ((MAX_WIDTH - MIN_WIDTH) * Math.max(Math.abs(c.a), Math.abs(c.b))) / top : MIN_WIDTH;
  };
}

export function buildCompareLayers(datasets: DatasetComparison[], options: CompareLayerOptions): Layer[] {
  const { colours, halo } = changePalette(options.theme);
  const colourOf = (c: Change): RGBA => colours[c.kind];
  return datasets.flatMap(({ datasetId, comparison }) => {
    const width = widthScale(comparison.pairs);
    const arc = {
      getSourcePosition: (p: PairChange) => p.origin,
      getTargetPosition: (p: PairChange) => p.destination,
      getHeight: 0.3,
      widthUnits: 'pixels' as const,
      numSegments: 32,
      ...FLAT,
    };
    return [
      new ArcLayer<PairChange>(
        beforeMapLayer(
          {
            id: `${COMPARE_HALOS}${datasetId}`,
            data: comparison.pairs.filter((p) => ends(p.kind)),
            ...arc,
            pickable: false,
            getWidth: (p: PairChange) => width(p) + 2 * HALO_PX,
            getSourceColor: halo,
            getTargetColor: halo,
          },
          options.beforeId,
        ),
      ),
      new ArcLayer<PairChange>(
        beforeMapLayer(
          {
            id: `${COMPARE_ARCS}${datasetId}`,
            data: comparison.pairs,
            ...arc,
            pickable: true,
            autoHighlight: true,
            highlightColor: [255, 200, 0, 255] as RGBA,
            getWidth: width,
            getSourceColor: colourOf,
            getTargetColor: colourOf,
            onHover: (info: PickingInfo) => options.onHover(datasetId, 'pair', info.index, info),
          },
          options.beforeId,
        ),
      ),
      new ScatterplotLayer<PlaceChange>(
        beforeMapLayer(
          {
            id: `${COMPARE_PLACES}${datasetId}`,
            data: comparison.places,
            ...POINT_DEFAULTS,
            ...FLAT,
            getPosition: (p: PlaceChange) => p.position,
            getRadius: (p: PlaceChange) => (ends(p.kind) ? 6 : 5),
            getFillColor: colourOf,
            getLineColor: halo,
            getLineWidth: (p: PlaceChange) => (ends(p.kind) ? 3 : 1.5),
            onHover: (info: PickingInfo) => options.onHover(datasetId, 'place', info.index, info),
          },
          options.beforeId,
        ),
      ),
    ];
  });
}
