// A click on a change arc or dot selects what a click on the imported arc or dot of the same pair or place
// selects (`flow-pair` / `flow-place` at the unclustered level), rather than clearing the selection; hovering
// one still fills the comparison's own card (its layers' onHover answers first).
import { describe, expect, it } from 'vitest';
import type { PickingInfo } from '@deck.gl/core';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import { datasetComparisons } from '../../src/model/compare-selectors.ts';
import { parseCompareHoverId } from '../../src/model/compare-view.ts';
import type { PairChange, PlaceChange } from '../../src/model/period-compare.ts';
import { buildCompareLayers } from '../../src/layers/compare-layers.ts';
import { compareEntityFromPick } from '../../src/layers/compare-pick.ts';
import { buildImportedLayers } from '../../src/layers/imported-layers.ts';
import { importedEntityFromPick } from '../../src/layers/imported-pick.ts';
import { clickFromPick } from '../../src/features/map-mount.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import type { EntityRef } from '../../src/state/state.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';
import { compare, dataset, sectorIds } from './compare-fixture.ts';

const hovered: { what: string; index: number }[] = [];
const [, arcs, dots] = buildCompareLayers(datasetComparisons([dataset], { sectors: null, compare }, sectorIds), {
  theme: LIGHT_THEME,
  beforeId: 'labels',
  onHover: (_id, what, index) => (hovered.push({ what, index }), true),
});
// The dataset's own layers at full detail: what clicking its arcs and dots selects.
const [flows, nodes] = buildImportedLayers(
  [dataset],
  { sectors: null, time: ALL_TIME },
  GAZETTEER,
  new Map(),
  LIGHT_THEME,
  'labels',
);

const pick = (layer: typeof arcs, index: number) =>
  ({ layer, index, object: (layer!.props.data as unknown[])[index], x: 1, y: 1 }) as unknown as PickingInfo;
/** What a click on the imported layer's item with this ref selects (its binary data names its items). */
const importedRefs = (layer: typeof flows) => {
  const length = (layer!.props.data as { length: number }).length;
  return Array.from({ length }, (_, i) => importedEntityFromPick({ layer: layer!, index: i }));
};

/** What a click selects, through the map's click handler. */
function clicked(info: PickingInfo): EntityRef | null | undefined {
  let selected: EntityRef | null | undefined;
  clickFromPick({ mapClick: () => false }, (ref) => (selected = ref))(info, [0, 0]);
  return selected;
}

describe('picking the comparison', () => {
  it('a click on a change arc selects the imported pair it compares', () => {
    const pairs = arcs!.props.data as PairChange[];
    expect(pairs.length).toBe(6);
    const own = importedRefs(flows);
    pairs.forEach((_, i) => {
      const ref = clicked(pick(arcs, i));
      expect(ref?.kind).toBe('flow-pair');
      expect(ref).toEqual(compareEntityFromPick(pick(arcs, i)));
      // The dataset's own arcs (all dates) draw every pair: clicking one selects the very same ref.
      expect(own).toContainEqual(ref);
    });
  });

  it('a click on a change dot selects the imported place', () => {
    const places = dots!.props.data as PlaceChange[];
    const own = importedRefs(nodes);
    places.forEach((place, i) => {
      const ref = clicked(pick(dots, i));
      expect(ref?.kind).toBe('flow-place');
      expect(own).toContainEqual(ref);
      expect(ref!.id).toContain(encodeURIComponent(place.key));
    });
  });

  it('hovering a change arc still reports a change (its card), not the pair', () => {
    hovered.length = 0;
    const handled = (arcs!.props.onHover as (info: PickingInfo) => boolean)(pick(arcs, 2));
    expect(handled).toBe(true);
    expect(hovered).toEqual([{ what: 'pair', index: 2 }]);
    expect(parseCompareHoverId('cmp:4:pair:2')).toEqual({ datasetId: 4, what: 'pair', index: 2 });
  });

  it('a click elsewhere still selects as before', () => {
    expect(clicked({ layer: null, object: null, index: -1, x: 0, y: 0 } as unknown as PickingInfo)).toBeNull();
    expect(compareEntityFromPick({ layer: flows!, object: null })).toBeNull();
  });
});
