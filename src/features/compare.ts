// Two periods side by side on the map: while `compare=` is set, each imported dataset is drawn as change
// arcs and dots (layers/compare-layers.ts) in place of its own layers (imports.ts asks `comparing`), and a
// change arc or dot under the pointer gets its hover card. Place names come from the import gazetteer.
import type { PickingInfo } from '@deck.gl/core';
import type { Snapshot, Store } from '../state/store.ts';
import { comparing } from '../state/compare-state.ts';
import { memoLast } from '../core/memo.ts';
import { loadJson } from '../data/data-source.ts';
import { GAZETTEER_DATA_PATH, type AtlasData } from '../core/atlas.ts';
import type { Gazetteer } from '../core/import-types.ts';
import type { Lang } from '../core/i18n/i18n.ts';
import type { Theme } from '../core/theme.ts';
import { datasetComparisons, legendWithImports, type DatasetComparison } from '../model/compare-selectors.ts';
import { changeCard, compareHoverId, parseCompareHoverId } from '../model/compare-view.ts';
import { buildCompareLayers } from '../layers/compare-layers.ts';
import { renderHoverCard } from '../ui/panel-view.ts';
import type { RenderPart } from '../render/render.ts';

export interface CompareApi {
  atlas: AtlasData;
  store: Store;
  theme(now: Snapshot): Theme;
}

export type CompareFeature = RenderPart;

export function createCompare({ atlas, store, theme }: CompareApi): CompareFeature {
  const sectorIds = atlas.sectors.map((s) => s.id);
  let names: Map<string, { fa: string; en: string }> | null = null;
  const loadNames = () =>
    void (loadJson(GAZETTEER_DATA_PATH) as Promise<Gazetteer>)
      .then((g) => (names = new Map(g.entries.map((e) => [e.id, e.name]))))
      .catch((error: unknown) => console.error('place names for the comparison did not load', error));
  // A place key is a gazetteer id or the coordinate text ("lat, lon"): shown as written when not a known id.
  const nameOf = (key: string, lang: Lang) => names?.get(key)?.[lang] ?? key;

  const comparisonsOf = ({ app, session }: Snapshot) => datasetComparisons(session.datasets, app, sectorIds);
  const onHover = (datasetId: number, what: 'pair' | 'place', index: number, info: PickingInfo) => {
    const hover = index >= 0 ? { kind: 'flow' as const, id: compareHoverId(datasetId, what, index) } : null;
    store.updateSession({ hover, pointer: [info.x, info.y] });
    return true;
  };
  const layers = memoLast((comparisons: DatasetComparison[], drawnTheme: Theme, beforeId: string) =>
    buildCompareLayers(comparisons, { theme: drawnTheme, beforeId, onHover }),
  );
  const card = document.getElementById('hover-card')!;
  // While comparing, the classes and counts take the place of the datasets' own legend entry.
  const legend = memoLast(
    (app: Parameters<typeof legendWithImports>[0], datasets: Snapshot['session']['datasets'], drawnTheme: Theme) =>
      legendWithImports(app, atlas, drawnTheme, datasets),
  );

  return {
    legend: (groups, app, datasets, drawnTheme) =>
      app.compare && datasets.length > 0 ? legend(app, datasets, drawnTheme) : groups,
    layers(now, beforeId) {
      if (!comparing(now.app) || now.session.datasets.length === 0) return [];
      if (!names) loadNames();
      return layers(comparisonsOf(now), theme(now), beforeId);
    },
    view(now) {
      // The render's hover card knows no change ids (it hid the card); this one fills it after.
      const { hover, pointer } = now.session;
      const parsed = hover?.kind === 'flow' ? parseCompareHoverId(hover.id) : null;
      const compare = now.app.compare;
      if (!parsed || !compare) return;
      const found = comparisonsOf(now).find((c) => c.datasetId === parsed.datasetId)?.comparison;
      const lang = now.app.lang;
      if (parsed.what === 'pair') {
        const pair = found?.pairs[parsed.index];
        if (!pair) return;
        const title = `${nameOf(pair.originKey, lang)} → ${nameOf(pair.destinationKey, lang)}`;
        renderHoverCard(card, changeCard(lang, hover!, title, pair, compare), pointer);
      } else {
        const place = found?.places[parsed.index];
        if (place) renderHoverCard(card, changeCard(lang, hover!, nameOf(place.key, lang), place, compare), pointer);
      }
    },
  };
}
