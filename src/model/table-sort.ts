// Sorting that a million rows can go through without holding the page: a stable merge sort that
// yields between steps, and per-dataset string indexes (each distinct text ranked once in the
// language's collation) so that a text column sorts by numbers. Pure; run with `runSliced`.
import { copiedSteps, type Steps } from '../core/work-slices.ts';

/**
 * A stable bottom-up merge sort of `items` by `compare`, yielding every `perStep` comparisons
 * (the collation compares text a thousand times slower than numbers compare). Returns a new array.
 */
export function* mergeSort(
  items: Uint32Array,
  compare: (a: number, b: number) => number,
  perStep = 8192,
): Steps<Uint32Array> {
  const n = items.length;
  let src: Uint32Array = yield* copiedSteps(items);
  let dst: Uint32Array = new Uint32Array(n);
  let work = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let [i, j, k] = [lo, mid, lo];
      while (i < mid && j < hi) {
        // The right run's item goes first only when strictly smaller: equal items keep their order.
        dst[k++] = compare(src[j]!, src[i]!) < 0 ? src[j++]! : src[i++]!;
        if (++work === perStep) {
          work = 0;
          yield;
        }
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/** Each row's rank among the distinct texts of a column (0 = first in the collation), and one row per rank. */
export interface TextIndex {
  rank: Uint32Array;
  /** A row with the rank's text: the text is made again from it when needed rather than kept. */
  sample: Uint32Array;
}

/** Ranks the texts `text(0 … count-1)` in `collator`'s order; equal texts share a rank. */
export function* textIndex(count: number, text: (i: number) => string, collator: Intl.Collator): Steps<TextIndex> {
  const ids = new Map<string, number>();
  const distinct: string[] = [];
  const firstRow: number[] = [];
  const rowDistinct = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const value = text(i);
    let id = ids.get(value);
    if (id === undefined) {
      ids.set(value, (id = distinct.length));
      distinct.push(value);
      firstRow.push(i);
    }
    rowDistinct[i] = id;
    if ((i & 4095) === 4095) yield;
  }
  ids.clear();
  const byText = yield* mergeSort(
    Uint32Array.from(distinct.keys()),
    (a, b) => collator.compare(distinct[a]!, distinct[b]!),
    1024,
  );
  const rankOfDistinct = new Uint32Array(distinct.length);
  const sample = new Uint32Array(distinct.length);
  byText.forEach((d, r) => {
    rankOfDistinct[d] = r;
    sample[r] = firstRow[d]!;
  });
  const rank = new Uint32Array(count);
  for (let i = 0; i < count; i++) rank[i] = rankOfDistinct[rowDistinct[i]!]!;
  return { rank, sample };
}

/** A list of distinct texts in collation order, read by rank. */
export interface RankedTexts {
  size: number;
  text(rank: number): string;
}

/**
 * Sort keys for several ranked lists at once, so texts from different lists compare: the largest
 * list keeps its ranks as keys; every text of the others is found in it by binary search and
 * keyed equal to an equal text, or between its neighbours. Returns a key per rank per list.
 */
export function* mergedKeys(lists: RankedTexts[], collator: Intl.Collator): Steps<Float64Array[]> {
  const baseIndex = lists.reduce((best, list, i) => (list.size > lists[best]!.size ? i : best), 0);
  const base = lists[baseIndex]!;
  const keys = lists.map((list) => new Float64Array(list.size));
  for (let r = 0; r < base.size; r++) keys[baseIndex]![r] = r;
  // The other lists' texts, each once, in order: equal texts get equal keys.
  const others: { list: number; rank: number; text: string }[] = [];
  lists.forEach((list, l) => {
    if (l !== baseIndex) for (let r = 0; r < list.size; r++) others.push({ list: l, rank: r, text: list.text(r) });
  });
  const sorted = yield* mergeSort(
    Uint32Array.from(others.keys()),
    (a, b) => collator.compare(others[a]!.text, others[b]!.text),
    1024,
  );
  // Position in the base list: the first base text not before it, and whether it is equal.
  const place: { at: number; equal: boolean }[] = [];
  for (const o of sorted) {
    place.push(lowerBound(base, others[o]!.text, collator));
    if ((place.length & 255) === 255) yield;
  }
  let k = 0;
  while (k < sorted.length) {
    const { at, equal } = place[k]!;
    // The run of texts that fall in the same gap of the base list, spread evenly inside it.
    let end = k;
    while (end < sorted.length && place[end]!.at === at && place[end]!.equal === equal) end++;
    let step = 0;
    for (let j = k; j < end; j++) {
      if (j > k && collator.compare(others[sorted[j - 1]!]!.text, others[sorted[j]!]!.text) !== 0) step++;
      const other = others[sorted[j]!]!;
      keys[other.list]![other.rank] = equal ? at : at - 1 + (step + 1) / (end - k + 1);
    }
    k = end;
    yield;
  }
  return keys;
}

function lowerBound(list: RankedTexts, text: string, collator: Intl.Collator): { at: number; equal: boolean } {
  let [lo, hi] = [0, list.size];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (collator.compare(list.text(mid), text) < 0) lo = mid + 1;
    else hi = mid;
  }
  return { at: lo, equal: lo < list.size && collator.compare(list.text(lo), text) === 0 };
}
