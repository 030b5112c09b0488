// Which datasets are compared and how: each imported dataset's comparison for the state's periods and
// sector filter, memoised per dataset so the layers, the legend, the hover card and the table share one.
import type { AppState, ImportedDataset } from '../state/state.ts';
import { ALL_TIME } from '../state/filters.ts';
import { compareKey } from '../state/compare-state.ts';
import type { AtlasData } from '../core/atlas.ts';
import type { Theme } from '../core/theme.ts';
import { visibleRows } from './imported-datasets.ts';
import { comparePeriods, type PeriodComparison } from './period-compare.ts';
import { legendModel, type LegendGroup } from './legend-model.ts';
import { compareLegend } from './compare-view.ts';

/** A dataset's comparison, as the layers and the legend show it. */
export interface DatasetComparison {
  datasetId: number;
  comparison: PeriodComparison;
}

const cache = new WeakMap<ImportedDataset['rows'], { key: string; value: PeriodComparison }>();

/**
 * Every dataset's comparison; empty when not comparing. The periods take the place of the time filter (a row
 * is counted in the period its date falls in); the sector filter still applies. `sectorIds` are the
 * gazetteer's, which the data build writes in the atlas's order.
 */
export function datasetComparisons(
  datasets: ImportedDataset[],
  state: Pick<AppState, 'sectors' | 'compare'>,
  sectorIds: string[],
): DatasetComparison[] {
  const { compare } = state;
  if (!compare) return [];
  const key = `${state.sectors?.join(',') ?? '*'}|${compareKey(compare)}`;
  return datasets.map(({ id, rows }) => {
    let hit = cache.get(rows);
    if (hit?.key !== key) {
      const { flows } = visibleRows(rows, { sectors: state.sectors, time: ALL_TIME }, sectorIds);
      cache.set(rows, (hit = { key, value: comparePeriods(rows, flows, compare) }));
    }
    return { datasetId: id, comparison: hit.value };
  });
}

/**
 * The legend with imported datasets: while comparing, the comparison's classes and counts take the place of
 * the datasets' own entry (their own layers are hidden then). What the render and the layer panel show.
 */
export function legendWithImports(
  state: Omit<AppState, 'view'>,
  atlas: AtlasData,
  theme: Theme,
  datasets: ImportedDataset[],
): LegendGroup[] {
  if (!state.compare || datasets.length === 0)
    return legendModel(
      state,
      atlas,
      theme,
      datasets.map((d) => d.name),
    );
  const comparisons = datasetComparisons(
    datasets,
    state,
    atlas.sectors.map((s) => s.id),
  ).map((c) => c.comparison);
  // First: while comparing, the change is what the map is about.
  return [compareLegend(state.lang, theme, comparisons), ...legendModel(state, atlas, theme, [])];
}
