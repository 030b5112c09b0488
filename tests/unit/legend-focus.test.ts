// The legend fades with the focus: with a selection, entries for marks it does not connect to are faded
// (and say so in words); without one, nothing is.
import { describe, expect, it } from 'vitest';
import { legendModel, type LegendGroup } from '../../src/model/legend-model.ts';
import { initialState, type EntityRef } from '../../src/state/state.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import { t } from '../../src/core/i18n/i18n.ts';
import { builtAtlas } from './dataset/fixture.ts';

const { atlas } = builtAtlas();
const state = initialState(
  'en',
  atlas.corridors.map((c) => c.id),
);
const legend = (selection: EntityRef | null) => legendModel({ ...state, selection }, atlas, LIGHT_THEME);
const faded = (groups: LegendGroup[]) => groups.flatMap((g) => g.entries.filter((e) => e.faded).map((e) => e.label));
const entry = (groups: LegendGroup[], label: string) =>
  groups.flatMap((g) => g.entries).find((e) => e.label === label)!;

describe('the legend with a selection', () => {
  it('fades nothing without a selection (Esc restores it)', () => {
    expect(faded(legend(null))).toEqual([]);
  });

  it('with Kazakhstan selected, keeps its lanes, ports and arcs and fades the corridors that do not reach it', () => {
    const groups = legend({ kind: 'partner', id: 'KAZ' });
    const kaz = atlas.partners.find((p) => p.id === 'KAZ')!;
    expect(entry(groups, t('en', 'legend.caspian')).faded).toBeUndefined();
    expect(entry(groups, t('en', 'legend.port')).faded).toBeUndefined();
    expect(entry(groups, t('en', 'legend.capital')).faded).toBeUndefined();
    for (const corridor of atlas.corridors) {
      const e = entry(groups, corridor.shortName.en);
      expect(e.faded === undefined, corridor.id).toBe(kaz.corridorIds.includes(corridor.id));
    }
    expect(faded(groups).length).toBeGreaterThan(0);
    // Its links reach provinces of the two most active classes only; the other classes fade, with words saying so.
    const classes = groups[0]!.entries;
    expect(classes.filter((e) => !e.faded).length).toBeGreaterThan(0);
    expect(classes[0]!.faded).toBe(t('en', 'legend.notConnected'));
  });

  it('with a Caspian lane selected, fades the arcs of other pairs and keeps the lanes', () => {
    const route = atlas.caspianRoutes[0]!;
    const groups = legend({ kind: 'route', id: route.id });
    expect(entry(groups, t('en', 'legend.caspian')).faded).toBeUndefined();
    expect(entry(groups, t('en', 'legend.neutral')).faded).toBeDefined();
  });
});
