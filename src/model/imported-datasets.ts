// Imported datasets in the app: which rows pass the map's filters, the binary attributes deck.gl
// draws them from, and the words panels and the table use for a row. Pure; memoised per dataset.
import type { AppState, EntityRef, ImportedDataset } from '../state/state.ts';

export type { ImportedDataset } from '../state/state.ts';
import type { Gazetteer, ImportedRows } from '../core/import-types.ts';
import type { LonLat } from '../core/geodata.ts';
import { formatAmount } from '../core/i18n/format.ts';
import { tf, type Lang } from '../core/i18n/i18n.ts';
import type { SortFields, TableRecord } from './table-model.ts';
import { eachIndex, ITEMS_PER_STEP, runNow, runSliced, type Pause, type Steps } from '../core/work-slices.ts';

type Filters = Pick<AppState, 'sectors' | 'time'>;

/** Row indexes that pass the sector and time filters, split into flows (two ends) and places. */
export interface VisibleRows {
  flows: Uint32Array;
  places: Uint32Array;
}

const DAY_MS = 86_400_000;
const days = new Map<number, string>();
/** `yyyy-mm-dd` of a UTC midnight, remembered: a million rows share a few thousand days, and sorting asks again and again. */
function isoDay(ms: number): string | null {
  if (Number.isNaN(ms)) return null;
  let day = days.get(ms);
  if (day === undefined) {
    if (days.size > 100_000) days.clear();
    days.set(ms, (day = new Date(ms).toISOString().slice(0, 10)));
  }
  return day;
}

const visibleCache = new WeakMap<ImportedRows, { key: string; value: VisibleRows }>();

const filterKey = (filters: Filters) =>
  `${filters.sectors?.join(',') ?? '*'}|${filters.time.from}|${filters.time.to}|${filters.time.undated}`;

/** The rows `filters` keep; memoised per dataset for the latest filters. */
export function visibleRows(rows: ImportedRows, filters: Filters, sectorIds: string[]): VisibleRows {
  const hit = visibleCache.get(rows);
  if (hit?.key === filterKey(filters)) return hit.value;
  return remember(rows, filters, runNow(filterRows(rows, filters, sectorIds)));
}

/** `visibleRows` worked out between other tasks, into the same memo (a new dataset's first filtering). */
export async function visibleRowsSliced(
  rows: ImportedRows,
  filters: Filters,
  sectorIds: string[],
  pause: Pause,
): Promise<VisibleRows> {
  const hit = visibleCache.get(rows);
  if (hit?.key === filterKey(filters)) return hit.value;
  return remember(rows, filters, await runSliced(filterRows(rows, filters, sectorIds), pause));
}

function remember(rows: ImportedRows, filters: Filters, value: VisibleRows): VisibleRows {
  visibleCache.set(rows, { key: filterKey(filters), value });
  return value;
}

function* filterRows(rows: ImportedRows, filters: Filters, sectorIds: string[]): Steps<VisibleRows> {
  // Sector filter as a lookup by sector index; rows without a known sector show only when all sectors do.
  const allowed = sectorIds.map((id) => filters.sectors === null || filters.sectors.includes(id));
  const from = filters.time.from ? Date.parse(`${filters.time.from}T00:00:00Z`) : -Infinity;
  const to = filters.time.to ? Date.parse(`${filters.time.to}T00:00:00Z`) + DAY_MS - 1 : Infinity;
  const flows = new Uint32Array(rows.count);
  const places = new Uint32Array(rows.count);
  let nFlows = 0;
  let nPlaces = 0;
  for (let i = 0; i < rows.count; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const sector = rows.sectors[i]!;
    if (sector < 0 ? filters.sectors !== null : !allowed[sector]) continue;
    const date = rows.dates[i]!;
    if (Number.isNaN(date) ? !filters.time.undated : date < from || date > to) continue;
    if (Number.isNaN(rows.destinations[2 * i]!)) places[nPlaces++] = i;
    else flows[nFlows++] = i;
  }
  // Views, not copies: at a million rows, copying both in the last step made it the longest.
  return { flows: flows.subarray(0, nFlows), places: places.subarray(0, nPlaces) };
}

/** deck.gl binary attributes for the given rows: positions (lon, lat, 0) and RGBA colours. */
export interface FlowAttributes {
  length: number;
  sourcePositions: Float32Array;
  targetPositions: Float32Array;
  sourceColors: Uint8Array;
  targetColors: Uint8Array;
}

type RGBA = [number, number, number, number];

/** Run with `runNow` or `runSliced`. */
export function* flowAttributes(
  rows: ImportedRows,
  indexes: Uint32Array,
  sectorColours: RGBA[],
  neutral: RGBA,
): Steps<FlowAttributes> {
  const n = indexes.length;
  const out: FlowAttributes = {
    length: n,
    sourcePositions: new Float32Array(n * 3),
    targetPositions: new Float32Array(n * 3),
    sourceColors: new Uint8Array(n * 4),
    targetColors: new Uint8Array(n * 4),
  };
  for (let k = 0; k < n; k++) {
    if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const i = indexes[k]!;
    out.sourcePositions[3 * k] = rows.origins[2 * i]!;
    out.sourcePositions[3 * k + 1] = rows.origins[2 * i + 1]!;
    out.targetPositions[3 * k] = rows.destinations[2 * i]!;
    out.targetPositions[3 * k + 1] = rows.destinations[2 * i + 1]!;
    const colour = sectorColours[rows.sectors[i]!] ?? neutral;
    // Light where the flow leaves, full where it arrives, as for the atlas's own links. Written
    // element by element: a temporary array per row costs a million rows tens of milliseconds.
    const c = 4 * k;
    out.sourceColors[c] = out.targetColors[c] = colour[0];
    out.sourceColors[c + 1] = out.targetColors[c + 1] = colour[1];
    out.sourceColors[c + 2] = out.targetColors[c + 2] = colour[2];
    out.sourceColors[c + 3] = 90;
    out.targetColors[c + 3] = colour[3];
  }
  return out;
}

/** Run with `runNow` or `runSliced`. */
export function* placePositions(rows: ImportedRows, indexes: Uint32Array): Steps<Float32Array> {
  const out = new Float32Array(indexes.length * 3);
  yield* eachIndex(indexes.length, (k) => {
    out[3 * k] = rows.origins[2 * indexes[k]!]!;
    out[3 * k + 1] = rows.origins[2 * indexes[k]! + 1]!;
  });
  return out;
}

/** A row's words, in one language. Text from the file stays text. */
export interface RowSummary {
  title: string;
  where: string;
  origin: string;
  destination: string | null;
  originLonLat: LonLat;
  destinationLonLat: LonLat | null;
  value: number | null;
  unit: string;
  sector: string | null;
  date: string | null;
  amountText: string;
  source: string;
}

export function rowSummary(dataset: ImportedDataset, i: number, gazetteer: Gazetteer, lang: Lang): RowSummary {
  const { rows } = dataset;
  const text = rowText(dataset, gazetteer, lang);
  const origin = text.origin(i);
  const destination = text.destination(i);
  const value = Number.isNaN(rows.values[i]!) ? null : rows.values[i]!;
  const unit = rows.units[i]! >= 0 ? rows.unitNames[rows.units[i]!]! : '';
  const sectorIndex = rows.sectors[i]!;
  const hasDestination = destination !== null;
  return {
    title: text.title(i),
    where: text.where(i),
    origin,
    destination,
    originLonLat: [rows.origins[2 * i]!, rows.origins[2 * i + 1]!],
    destinationLonLat: hasDestination ? [rows.destinations[2 * i]!, rows.destinations[2 * i + 1]!] : null,
    value,
    unit,
    sector: sectorIndex >= 0 ? gazetteer.sectors[sectorIndex]!.id : null,
    date: isoDay(rows.dates[i]!),
    amountText: value === null ? '' : `${formatAmount(lang, value)}${unit ? ` ${unit}` : ''}`,
    source: text.source(i),
  };
}

/** A row's texts one at a time, without the rest of its summary: what sorting and filtering a million rows read. */
export interface RowText {
  origin(i: number): string;
  destination(i: number): string | null;
  where(i: number): string;
  title(i: number): string;
  source(i: number): string;
}

export function rowText(dataset: ImportedDataset, gazetteer: Gazetteer, lang: Lang): RowText {
  const { rows } = dataset;
  const names = entryNames(gazetteer);
  const nameOf = (raw: string) => names.get(raw)?.[lang] ?? raw;
  const origin = (i: number) => nameOf(rows.originNames.at(i)!);
  const destination = (i: number) =>
    Number.isNaN(rows.destinations[2 * i]!) ? null : nameOf(rows.destinationNames.at(i)!);
  const where = (i: number) => {
    const to = destination(i);
    return to ? `${origin(i)} → ${to}` : origin(i);
  };
  return {
    origin,
    destination,
    where,
    title: (i) => rows.labels.at(i) || where(i),
    source: (i) => tf(lang, 'import.rowSource', { file: dataset.name, row: rows.rowNumbers[i]! }),
  };
}

/** A place key's name: the gazetteer entry's in one language, else the key as the file wrote it (coordinates). */
export const placeName = (gazetteer: Gazetteer, key: string, lang: Lang): string =>
  entryNames(gazetteer).get(key)?.[lang] ?? key;

const namesCache = new WeakMap<Gazetteer, Map<string, { fa: string; en: string }>>();
function entryNames(gazetteer: Gazetteer): Map<string, { fa: string; en: string }> {
  let names = namesCache.get(gazetteer);
  if (!names) namesCache.set(gazetteer, (names = new Map(gazetteer.entries.map((e) => [e.id, e.name]))));
  return names;
}

/**
 * A table record of one imported row whose words are worked out when first read. The table reads
 * most of them only for the page it shows; made eagerly, a million rows' names, amounts and
 * sources held the page for some 25 seconds when the table was open as they arrived.
 */
class ImportedRecord implements TableRecord {
  /** Read by every comparison of the default sort: a plain field. */
  readonly date: string | null;
  /** The words, worked out on first read. */
  #words: { row: RowSummary; provinces: string[]; partners: string[] } | null = null;
  #ref: EntityRef | null = null;
  constructor(
    private readonly dataset: ImportedDataset,
    private readonly i: number,
    private readonly context: { gazetteer: Gazetteer; lang: Lang },
  ) {
    this.date = isoDay(dataset.rows.dates[i]!);
  }
  private get words() {
    if (!this.#words) {
      const { rows } = this.dataset;
      const ids = [rows.originNames.at(this.i)!, rows.destinationNames.at(this.i)!];
      this.#words = {
        row: rowSummary(this.dataset, this.i, this.context.gazetteer, this.context.lang),
        provinces: ids.filter((id) => id.startsWith('IR-')),
        partners: ids.filter((id) => /^[A-Z]{3}$/.test(id)),
      };
    }
    return this.#words;
  }
  get kind() {
    return 'flow' as const;
  }
  get key() {
    return `flow:${this.dataset.id}:${this.i}`;
  }
  get ref() {
    return (this.#ref ??= { kind: 'flow', id: `${this.dataset.id}:${this.i}` });
  } // compared on every selection
  get title() {
    return this.words.row.title;
  }
  get where() {
    return this.words.row.where;
  }
  get provinces() {
    return this.words.provinces;
  }
  get partners() {
    return this.words.partners;
  }
  get sectors() {
    return this.words.row.sector ? [this.words.row.sector] : [];
  }
  get amount() {
    const v = this.dataset.rows.values[this.i]!;
    return Number.isNaN(v) ? null : v;
  }
  get amountText() {
    return this.words.row.amountText;
  }
  get unit() {
    return this.words.row.unit;
  }
  get source() {
    return this.words.row.source;
  }
  get origin() {
    return { name: this.words.row.origin, lonLat: this.words.row.originLonLat };
  }
  get destination() {
    const { destination, destinationLonLat } = this.words.row;
    return destination && destinationLonLat ? { name: destination, lonLat: destinationLonLat } : null;
  }
}

/**
 * Reads one row's sortable fields without making its record: the same object answers for every
 * row (`at(i)` moves it), so sorting a million rows makes no million objects.
 */
export function rowFields(dataset: ImportedDataset, gazetteer: Gazetteer, lang: Lang): (i: number) => SortFields {
  const text = rowText(dataset, gazetteer, lang);
  const { values, dates } = dataset.rows;
  let i = 0;
  const fields: SortFields = {
    kind: 'flow',
    get title() {
      return text.title(i);
    },
    get where() {
      return text.where(i);
    },
    get source() {
      return text.source(i);
    },
    get amount() {
      return Number.isNaN(values[i]!) ? null : values[i]!;
    },
    get date() {
      return isoDay(dates[i]!);
    },
  };
  return (row) => {
    i = row;
    return fields;
  };
}

/** One imported row as a table record, its words filled in when read (the table makes those on screen). */
export function importedRecord(dataset: ImportedDataset, i: number, gazetteer: Gazetteer, lang: Lang): TableRecord {
  return new ImportedRecord(dataset, i, { gazetteer, lang });
}

/** The rows of each dataset that pass the map's filters, in the table's input order (flows, then places). */
export async function importedParts(
  datasets: ImportedDataset[],
  filters: Filters,
  gazetteer: Gazetteer,
  pause: Pause,
): Promise<{ dataset: ImportedDataset; rows: Uint32Array }[]> {
  const sectorIds = gazetteer.sectors.map((s) => s.id);
  const parts = [];
  for (const dataset of datasets) {
    const { flows, places } = await visibleRowsSliced(dataset.rows, filters, sectorIds, pause);
    const rows = new Uint32Array(flows.length + places.length);
    rows.set(flows);
    rows.set(places, flows.length);
    parts.push({ dataset, rows });
  }
  return parts;
}

/** Table records for the visible rows of every dataset; their words are filled in when read. */
export function importedRecords(
  datasets: ImportedDataset[],
  filters: Filters,
  gazetteer: Gazetteer,
  lang: Lang,
): TableRecord[] {
  const sectorIds = gazetteer.sectors.map((s) => s.id);
  const records: TableRecord[] = [];
  for (const dataset of datasets) {
    const { flows, places } = visibleRows(dataset.rows, filters, sectorIds);
    const context = { gazetteer, lang };
    for (const list of [flows, places]) for (const i of list) records.push(new ImportedRecord(dataset, i, context));
  }
  return records;
}
