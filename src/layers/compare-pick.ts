// From a pick on a change arc or dot back to what it stands for: the same imported pair or place that
// clicking its own arc or dot selects at full detail, so choosing a change keeps its panel and rows. Kept
// apart from the change layers (loaded with the comparison) so the map's picking code stays small.
import type { PickingInfo } from '@deck.gl/core';
import type { EntityRef } from '../core/entities.ts';
import type { PairChange, PlaceChange } from '../model/period-compare.ts';
import { flowPairRef, flowPlaceRef, UNCLUSTERED } from '../model/imported-refs.ts';

export const COMPARE_ARCS = 'compare-arcs-';
export const COMPARE_HALOS = 'compare-halos-';
export const COMPARE_PLACES = 'compare-places-';

/**
 * The `flow-pair` or `flow-place` ref of a picked change arc or dot; null for any other layer. Changes are
 * per place pair, never per cluster, so the ref names the unclustered level.
 */
export function compareEntityFromPick(info: Pick<PickingInfo, 'layer' | 'object'>): EntityRef | null {
  const id = info.layer?.id ?? '';
  const object = info.object as unknown;
  if (!object) return null;
  if (id.startsWith(COMPARE_ARCS)) {
    const pair = object as PairChange;
    return flowPairRef(Number(id.slice(COMPARE_ARCS.length)), UNCLUSTERED, pair.originKey, pair.destinationKey);
  }
  if (id.startsWith(COMPARE_PLACES))
    return flowPlaceRef(Number(id.slice(COMPARE_PLACES.length)), UNCLUSTERED, (object as PlaceChange).key);
  return null;
}
