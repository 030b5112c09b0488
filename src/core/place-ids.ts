// Place keys numbered once, so that pairing, clustering and totals work on integers in typed arrays: a
// million rows of scattered coordinates are two million distinct keys, and a string-keyed Map of that size
// held the page for 100–400 ms a step as it grew (each growth rehashes every entry at once).
import type { ImportedRows, PlaceIds } from './import-types.ts';
import type { TextColumn } from './text-column.ts';
import { ITEMS_PER_STEP, runNow, runSliced, type Pause, type Steps } from './work-slices.ts';

/** Numbers the rows' place keys (both ends, one numbering) in first-seen order. Run in the import worker. */
export function* numberPlaces(rows: Pick<ImportedRows, 'count' | 'originNames' | 'destinationNames'>): Steps<PlaceIds> {
  const seen = new Map<string, number>();
  const keys: string[] = [];
  const idOf = (key: string) => {
    let id = seen.get(key);
    if (id === undefined) seen.set(key, (id = keys.push(key) - 1));
    return id;
  };
  const origins = new Uint32Array(rows.count);
  const destinations = new Uint32Array(rows.count);
  for (let i = 0; i < rows.count; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    origins[i] = idOf(rows.originNames.at(i)!);
    destinations[i] = idOf(rows.destinationNames.at(i)!);
  }
  return { keys, origins, destinations };
}

const numbered = new WeakMap<ImportedRows, PlaceIds>();

/** The rows' numbered places: the worker's, or worked out here once for rows that came without them. */
export function placeIdsOf(rows: ImportedRows): PlaceIds {
  if (rows.placeIds) return rows.placeIds;
  let ids = numbered.get(rows);
  if (!ids) numbered.set(rows, (ids = runNow(numberPlaces(rows))));
  return ids;
}

/** `placeIdsOf` worked out between other tasks, for a large dataset that came without them (a workspace). */
export async function numberPlacesSliced(rows: ImportedRows, pause: Pause): Promise<void> {
  if (!rows.placeIds && !numbered.has(rows)) numbered.set(rows, await runSliced(numberPlaces(rows), pause));
}

/**
 * Keys read through a column of indexes: `at(i)` is `keys.at(ids[i])`. A million pairs or places name their keys
 * this way rather than in an array of a million strings of their own: building one pointer by pointer cost
 * the page 600 ms, most of it copying the growing array and collecting around it.
 */
export class KeyColumn implements TextColumn {
  /** `keys`: distinct, as numbered places are. */
  constructor(
    private readonly keys: TextColumn,
    private readonly ids: Uint32Array,
  ) {}

  get length(): number {
    return this.ids.length;
  }

  at(i: number): string {
    return this.keys.at(this.ids[i]!)!;
  }

  /** The first i with `at(i) === key`, else -1. */
  indexOf(key: string): number {
    const id = this.keys.indexOf(key);
    return id < 0 ? -1 : this.ids.indexOf(id);
  }
}
