// Imported datasets in the app: which rows pass the map's filters, the binary attributes deck.gl
// draws them from, and the words panels and the table use for a row. Pure; memoised per dataset.
import type { AppState } from '../app/state.ts';
import type { Gazetteer, ImportedRows, RowError } from '../import/types.ts';
import type { LonLat } from '../model/geodata.ts';
import { formatAmount } from '../i18n/format.ts';
import { tf, type Lang } from '../i18n/i18n.ts';
import type { TableRecord } from '../table/table-model.ts';

export interface ImportedDataset {
  /** Unique in the session; part of layer ids and row keys. */
  id: number;
  /** The file's name, shown as text. */
  name: string;
  rows: ImportedRows;
  errors: RowError[];
  unknownSectors: number;
}

type Filters = Pick<AppState, 'sectors' | 'time'>;

/** Row indexes that pass the sector and time filters, split into flows (two ends) and places. */
export interface VisibleRows {
  flows: Uint32Array;
  places: Uint32Array;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number): string | null => (Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10));

const visibleCache = new WeakMap<ImportedRows, { key: string; value: VisibleRows }>();

export function visibleRows(rows: ImportedRows, filters: Filters, sectorIds: string[]): VisibleRows {
  const key = `${filters.sectors?.join(',') ?? '*'}|${filters.time.from}|${filters.time.to}|${filters.time.undated}`;
  const hit = visibleCache.get(rows);
  if (hit?.key === key) return hit.value;
  // Sector filter as a lookup by sector index; rows without a known sector show only when all sectors do.
  const allowed = sectorIds.map((id) => filters.sectors === null || filters.sectors.includes(id));
  const from = filters.time.from ? Date.parse(`${filters.time.from}T00:00:00Z`) : -Infinity;
  const to = filters.time.to ? Date.parse(`${filters.time.to}T00:00:00Z`) + DAY_MS - 1 : Infinity;
  const flows = new Uint32Array(rows.count);
  const places = new Uint32Array(rows.count);
  let nFlows = 0;
  let nPlaces = 0;
  for (let i = 0; i < rows.count; i++) {
    const sector = rows.sectors[i]!;
    if (sector < 0 ? filters.sectors !== null : !allowed[sector]) continue;
    const date = rows.dates[i]!;
    if (Number.isNaN(date) ? !filters.time.undated : date < from || date > to) continue;
    if (Number.isNaN(rows.destinations[2 * i]!)) places[nPlaces++] = i;
    else flows[nFlows++] = i;
  }
  const value = { flows: flows.slice(0, nFlows), places: places.slice(0, nPlaces) };
  visibleCache.set(rows, { key, value });
  return value;
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

export function flowAttributes(rows: ImportedRows, indexes: Uint32Array, sectorColours: RGBA[], neutral: RGBA): FlowAttributes {
  const n = indexes.length;
  const out: FlowAttributes = {
    length: n,
    sourcePositions: new Float32Array(n * 3),
    targetPositions: new Float32Array(n * 3),
    sourceColors: new Uint8Array(n * 4),
    targetColors: new Uint8Array(n * 4),
  };
  for (let k = 0; k < n; k++) {
    const i = indexes[k]!;
    out.sourcePositions[3 * k] = rows.origins[2 * i]!;
    out.sourcePositions[3 * k + 1] = rows.origins[2 * i + 1]!;
    out.targetPositions[3 * k] = rows.destinations[2 * i]!;
    out.targetPositions[3 * k + 1] = rows.destinations[2 * i + 1]!;
    const colour = sectorColours[rows.sectors[i]!] ?? neutral;
    // Light where the flow leaves, full where it arrives, as for the atlas's own links.
    out.sourceColors.set([colour[0], colour[1], colour[2], 90], 4 * k);
    out.targetColors.set(colour, 4 * k);
  }
  return out;
}

export function placePositions(rows: ImportedRows, indexes: Uint32Array): Float32Array {
  const out = new Float32Array(indexes.length * 3);
  for (let k = 0; k < indexes.length; k++) {
    out[3 * k] = rows.origins[2 * indexes[k]!]!;
    out[3 * k + 1] = rows.origins[2 * indexes[k]! + 1]!;
  }
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
  const names = entryNames(gazetteer);
  const nameOf = (raw: string) => names.get(raw)?.[lang] ?? raw;
  const origin = nameOf(rows.originNames[i]!);
  const hasDestination = !Number.isNaN(rows.destinations[2 * i]!);
  const destination = hasDestination ? nameOf(rows.destinationNames[i]!) : null;
  const value = Number.isNaN(rows.values[i]!) ? null : rows.values[i]!;
  const unit = rows.units[i]! >= 0 ? rows.unitNames[rows.units[i]!]! : '';
  const sectorIndex = rows.sectors[i]!;
  const where = destination ? `${origin} → ${destination}` : origin;
  return {
    title: rows.labels[i] || where,
    where,
    origin,
    destination,
    originLonLat: [rows.origins[2 * i]!, rows.origins[2 * i + 1]!],
    destinationLonLat: hasDestination ? [rows.destinations[2 * i]!, rows.destinations[2 * i + 1]!] : null,
    value,
    unit,
    sector: sectorIndex >= 0 ? gazetteer.sectors[sectorIndex]!.id : null,
    date: isoDay(rows.dates[i]!),
    amountText: value === null ? '' : `${formatAmount(lang, value)}${unit ? ` ${unit}` : ''}`,
    source: tf(lang, 'import.rowSource', { file: dataset.name, row: rows.rowNumbers[i]! }),
  };
}

const namesCache = new WeakMap<Gazetteer, Map<string, { fa: string; en: string }>>();
function entryNames(gazetteer: Gazetteer): Map<string, { fa: string; en: string }> {
  let names = namesCache.get(gazetteer);
  if (!names) namesCache.set(gazetteer, (names = new Map(gazetteer.entries.map((e) => [e.id, e.name]))));
  return names;
}

/** Table records for the visible rows of every dataset. */
export function importedRecords(datasets: ImportedDataset[], filters: Filters, gazetteer: Gazetteer, lang: Lang): TableRecord[] {
  const sectorIds = gazetteer.sectors.map((s) => s.id);
  const records: TableRecord[] = [];
  for (const dataset of datasets) {
    const { flows, places } = visibleRows(dataset.rows, filters, sectorIds);
    for (const list of [flows, places]) {
      for (const i of list) {
        const row = rowSummary(dataset, i, gazetteer, lang);
        records.push({
          key: `flow:${dataset.id}:${i}`,
          kind: 'flow',
          ref: { kind: 'flow', id: `${dataset.id}:${i}` },
          title: row.title,
          where: row.where,
          provinces: [dataset.rows.originNames[i]!, dataset.rows.destinationNames[i]!].filter((id) => id.startsWith('IR-')),
          partners: [dataset.rows.originNames[i]!, dataset.rows.destinationNames[i]!].filter((id) => /^[A-Z]{3}$/.test(id)),
          sectors: row.sector ? [row.sector] : [],
          date: row.date,
          amount: row.value,
          amountText: row.amountText,
          unit: row.unit,
          source: row.source,
          origin: { name: row.origin, lonLat: row.originLonLat },
          destination: row.destination && row.destinationLonLat ? { name: row.destination, lonLat: row.destinationLonLat } : null,
        });
      }
    }
  }
  return records;
}
