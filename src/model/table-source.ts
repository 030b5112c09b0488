// The table's rows as numbers: the atlas's records (a few hundred) stay records, and the rows of
// imported datasets (up to a million) are row indexes, read only for what is asked of them. A
// query gives a Uint32Array of row ids in the table's order; a row's record is made when shown.
// Pure: the view runs the generators in slices and drops one that a newer query supersedes.
import type { Gazetteer } from '../core/import-types.ts';
import type { Lang } from '../core/i18n/i18n.ts';
import type { EntityRef, ImportedDataset } from '../state/state.ts';
import { copiedSteps, filledSteps, type Steps } from '../core/work-slices.ts';
import { normaliseForSearch } from './search.ts';
import {
  columnSpec,
  recordMatches,
  searchText,
  type TableColumn,
  type TableQuery,
  type TableRecord,
} from './table-model.ts';
import { importedRecord, rowFields, rowText } from './imported-datasets.ts';
import { changeOfRow, type PeriodComparison } from './period-compare.ts';
import type { SortFields } from './table-model.ts';
import { mergedKeys, mergeSort, textIndex, type RankedTexts, type TextIndex } from './table-sort.ts';

/** A dataset's rows that the map's filters keep, in the table's input order. */
export interface ImportedPart {
  dataset: ImportedDataset;
  rows: Uint32Array;
  /** While two periods are compared: the dataset's comparison, which the change column reads. */
  comparison?: PeriodComparison | null;
}

/**
 * Ids: 0 … atlas.length-1 are the atlas's records; then each part's rows in turn. Ascending ids
 * are the input order that today's stable sort keeps for equal keys.
 */
export interface TableSource {
  atlas: TableRecord[];
  parts: ImportedPart[];
  /** The first id of each part. */
  starts: number[];
  total: number;
  gazetteer: Gazetteer | null;
  lang: Lang;
  /** Two periods are compared: the change column shows. */
  comparing: boolean;
}

export function tableSource(
  atlas: TableRecord[],
  parts: ImportedPart[],
  gazetteer: Gazetteer | null,
  lang: Lang,
  comparing = false,
): TableSource {
  const starts: number[] = [];
  let total = atlas.length;
  for (const part of parts) {
    starts.push(total);
    total += part.rows.length;
  }
  return {
    atlas,
    parts: gazetteer ? parts : [],
    starts,
    total: gazetteer ? total : atlas.length,
    gazetteer,
    lang,
    comparing,
  };
}

/**
 * "Show these rows in the table": only the rows behind an imported arc or place (`importedRefRows`), no atlas
 * records; null when the ref names nothing loaded (the table then lists everything).
 */
export function refSource(
  behind: ImportedPart | null,
  gazetteer: Gazetteer | null,
  lang: Lang,
  comparing = false,
): TableSource | null {
  return behind && gazetteer ? tableSource([], [behind], gazetteer, lang, comparing) : null;
}

/** The part and dataset row of an imported id; null for an atlas record. */
export function locate(source: TableSource, id: number): { part: number; row: number } | null {
  if (id < source.atlas.length) return null;
  let p = source.starts.length - 1;
  while (p > 0 && source.starts[p]! > id) p--;
  return { part: p, row: source.parts[p]!.rows[id - source.starts[p]!]! };
}

/** The record of one row, made now (the view asks only for the rows on screen). */
export function recordAt(source: TableSource, id: number): TableRecord {
  const at = locate(source, id);
  if (!at) return source.atlas[id]!;
  const part = source.parts[at.part]!;
  const record: TableRecord = importedRecord(part.dataset, at.row, source.gazetteer!, source.lang);
  if (part.comparison) record.change = changeOfRow(part.comparison, part.dataset.rows, at.row);
  return record;
}

/** A part's sortable fields per row, with its pair's change while comparing (one object, moved per row). */
function partFields(source: TableSource, part: ImportedPart): (i: number) => SortFields {
  const fields = rowFields(part.dataset, source.gazetteer!, source.lang);
  const { comparison } = part;
  if (!comparison) return fields;
  let [row, current] = [0, fields(0)];
  const moved: SortFields = {
    kind: 'flow',
    get title() {
      return current.title;
    },
    get where() {
      return current.where;
    },
    get source() {
      return current.source;
    },
    get amount() {
      return current.amount;
    },
    get date() {
      return current.date;
    },
    get change() {
      return changeOfRow(comparison, part.dataset.rows, row);
    },
  };
  return (i) => {
    [row, current] = [i, fields(i)];
    return moved;
  };
}

/** The id of the row `ref` selects, if the source has one (the first such for an atlas entity). */
export function idOfRef(source: TableSource, ref: EntityRef): number | null {
  if (ref.kind === 'flow') {
    const [datasetId, row] = ref.id.split(':').map(Number);
    const p = source.parts.findIndex((part) => part.dataset.id === datasetId);
    if (p < 0) return null;
    const k = source.parts[p]!.rows.indexOf(row!);
    return k < 0 ? null : source.starts[p]! + k;
  }
  const i = source.atlas.findIndex((r) => r.ref?.kind === ref.kind && r.ref.id === ref.id);
  return i < 0 ? null : i;
}

/**
 * The ids that pass the table's filters, in the order given: all ids ascending, or `within` (the
 * rows of a query this one narrows: typing on in the filter box keeps their order and sort).
 */
export function* filterIds(source: TableSource, query: TableQuery, within?: Uint32Array): Steps<Uint32Array> {
  const matches = matcher(source, query);
  const n = within ? within.length : source.total;
  const out = new Uint32Array(n);
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const id = within ? within[k]! : k;
    if (matches(id)) out[kept++] = id;
    if ((k & 4095) === 4095) yield;
  }
  return yield* copiedSteps(out.subarray(0, kept));
}

/** Whether `next` only narrows `previous` (same filters, text that contains the earlier text). */
export function narrows(previous: TableQuery, next: TableQuery): boolean {
  return (
    previous.kind === next.kind &&
    previous.province === next.province &&
    previous.partner === next.partner &&
    previous.sort.column === next.sort.column &&
    previous.sort.descending === next.sort.descending &&
    normaliseForSearch(next.text).includes(normaliseForSearch(previous.text))
  );
}

function matcher(source: TableSource, query: TableQuery): (id: number) => boolean {
  const needle = normaliseForSearch(query.text);
  // Every imported row is a flow; its provinces are its ends named by an Iranian province code,
  // its partners those named by a three-letter country code (as an imported record lists them).
  const anyImported =
    (query.kind === '' || query.kind === 'flow') &&
    (query.province === '' || query.province.startsWith('IR-')) &&
    (query.partner === '' || /^[A-Z]{3}$/.test(query.partner));
  const texts = source.parts.map((part) => rowText(part.dataset, source.gazetteer!, source.lang));
  return (id) => {
    const at = locate(source, id);
    if (!at) return recordMatches(source.atlas[id]!, query, needle);
    if (!anyImported) return false;
    const { row: i, part: p } = at;
    if (query.province !== '' || query.partner !== '') {
      // Read only when asked: a packed place key is a new string per read, and this runs for every row.
      const { originNames, destinationNames } = source.parts[p]!.dataset.rows;
      const [from, to] = [originNames.at(i)!, destinationNames.at(i)!];
      if (query.province !== '' && from !== query.province && to !== query.province) return false;
      if (query.partner !== '' && from !== query.partner && to !== query.partner) return false;
    }
    if (needle === '') return true;
    const text = texts[p]!;
    return searchText({ title: text.title(i), where: text.where(i), source: text.source(i) }).includes(needle);
  };
}

// Sort keys per source and column, and text indexes per dataset, language and column: sorting
// again (the other direction, or after a filter) reuses them.
const keyCache = new WeakMap<TableSource, Map<TableColumn, Float64Array>>();
const textCache = new WeakMap<ImportedDataset['rows'], Map<string, TextIndex>>();

/** A key per id of `column` (NaN when missing): numbers as they are, texts as merged ranks. */
export function* sortKeys(source: TableSource, column: TableColumn): Steps<Float64Array> {
  let cached = keyCache.get(source);
  const hit = cached?.get(column);
  if (hit) return hit;
  const keys = new Float64Array(source.total);
  const spec = columnSpec(column).sort;
  if ('number' in spec) {
    source.atlas.forEach((record, id) => (keys[id] = spec.number(record)));
    for (const [p, part] of source.parts.entries()) {
      const fields = partFields(source, part);
      const start = source.starts[p]!;
      for (let k = 0; k < part.rows.length; k++) {
        keys[start + k] = spec.number(fields(part.rows[k]!));
        if ((k & 4095) === 4095) yield;
      }
    }
  } else {
    const collator = new Intl.Collator(source.lang === 'fa' ? 'fa' : 'en');
    // The atlas's texts: few, ranked directly.
    const atlasTexts = [...new Set(source.atlas.map((r) => spec.text(r)))].sort(collator.compare);
    const atlasRank = new Map(atlasTexts.map((text, r) => [text, r]));
    const indexes: TextIndex[] = [];
    const lists: RankedTexts[] = [{ size: atlasTexts.length, text: (r) => atlasTexts[r]! }];
    for (const part of source.parts) {
      const fields = partFields(source, part);
      const read = (i: number) => spec.text(fields(i));
      const index = yield* datasetTextIndex(part.dataset, `${source.lang}|${column}`, read, collator);
      indexes.push(index);
      lists.push({ size: index.sample.length, text: (r) => read(index.sample[r]!) });
    }
    const merged = yield* mergedKeys(lists, collator);
    source.atlas.forEach((record, id) => (keys[id] = merged[0]![atlasRank.get(spec.text(record))!]!));
    for (const [p, part] of source.parts.entries()) {
      const [rank, key, start] = [indexes[p]!.rank, merged[p + 1]!, source.starts[p]!];
      for (let k = 0; k < part.rows.length; k++) keys[start + k] = key[rank[part.rows[k]!]!]!;
      yield;
    }
  }
  if (!cached) keyCache.set(source, (cached = new Map()));
  cached.set(column, keys);
  return keys;
}

function* datasetTextIndex(
  dataset: ImportedDataset,
  name: string,
  text: (i: number) => string,
  collator: Intl.Collator,
): Steps<TextIndex> {
  let cached = textCache.get(dataset.rows);
  const hit = cached?.get(name);
  if (hit) return hit;
  const index = yield* textIndex(dataset.rows.count, text, collator);
  if (!cached) textCache.set(dataset.rows, (cached = new Map()));
  cached.set(name, index);
  return index;
}

/** `ids` (ascending) in the query's order: stable, missing values last in either direction. */
export function* sortIds(source: TableSource, ids: Uint32Array, sort: TableQuery['sort']): Steps<Uint32Array> {
  const keys = yield* sortKeys(source, sort.column);
  const order = sort.descending ? -1 : 1;
  return yield* mergeSort(ids, (a, b) => {
    const [x, y] = [keys[a]!, keys[b]!];
    if (x !== x || y !== y) return (x !== x ? 1 : 0) - (y !== y ? 1 : 0); // NaN: missing, last
    return x < y ? -order : x > y ? order : 0;
  });
}

/** Filter, then sort: the table's rows for a query. */
export function* queryIds(source: TableSource, query: TableQuery): Steps<Uint32Array> {
  return yield* sortIds(source, yield* filterIds(source, query), query.sort);
}

/** `ids` in ascending order (the input order a new sort starts from), without a blocking sort. */
export function* ascendingIds(ids: Uint32Array, total: number): Steps<Uint32Array> {
  const marked = yield* filledSteps(new Uint8Array(total));
  for (let k = 0; k < ids.length; k++) {
    marked[ids[k]!] = 1;
    if ((k & 65535) === 65535) yield;
  }
  const out = new Uint32Array(ids.length);
  let n = 0;
  for (let id = 0; id < total; id++) {
    if (marked[id]) out[n++] = id;
    if ((id & 65535) === 65535) yield;
  }
  return out;
}

/** Sorts rows already filtered for a query that differs only in its sort. */
export function* resortIds(source: TableSource, ids: Uint32Array, sort: TableQuery['sort']): Steps<Uint32Array> {
  return yield* sortIds(source, yield* ascendingIds(ids, source.total), sort);
}
