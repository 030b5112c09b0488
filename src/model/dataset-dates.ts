// The date range of imported datasets, for the time slider. Worked out once per dataset: the chrome
// asks on every rebuild.
import type { ImportedDataset } from '../state/state.ts';

const extents = new WeakMap<Float64Array, [number, number]>();

/** Earliest and latest of a dataset's dates (Infinity, -Infinity when none). */
export function dateExtent(dates: Float64Array): [number, number] {
  let extent = extents.get(dates);
  if (!extent) {
    let [min, max] = [Infinity, -Infinity];
    for (let i = 0; i < dates.length; i++) {
      const ms = dates[i]!;
      if (ms < min) min = ms; // NaN compares false both ways, so undated rows are skipped
      if (ms > max) max = ms;
    }
    extents.set(dates, (extent = [min, max]));
  }
  return extent;
}

/** Earliest and latest dates of imported rows as ISO days (none when undated or nothing is imported). */
export function datasetDateRange(datasets: ImportedDataset[]): string[] {
  let min = Infinity;
  let max = -Infinity;
  for (const { rows } of datasets) {
    const [first, last] = dateExtent(rows.dates);
    min = Math.min(min, first);
    max = Math.max(max, last);
  }
  return min <= max ? [min, max].map((ms) => new Date(ms).toISOString().slice(0, 10)) : [];
}
