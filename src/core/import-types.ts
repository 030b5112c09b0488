// Shapes shared by the import pipeline: the gazetteer it resolves against, mappings, results and failures.
import type { Bilingual, LonLat } from './geodata.ts';
import type { TextColumn } from './text-column.ts';

/** A place an imported row may name: a province, a country or another known place. */
export interface GazetteerEntry {
  id: string;
  kind: 'province' | 'country' | 'place';
  name: Bilingual;
  lonLat: LonLat;
  /** Other keys that name the entry: ISO codes (`IR-03`, `KZ`, `KAZ`) and other spellings. */
  aliases: string[];
}

/** Everything an import can resolve names against. */
export interface Gazetteer {
  entries: GazetteerEntry[];
  sectors: { id: string; name: Bilingual }[];
}

/**
 * The fields an imported row can carry, in the order a mapping guess prefers them. `id` names a
 * row; when a file has one, a second row with the same id is skipped as a duplicate.
 */
export const FLOW_FIELDS = ['origin', 'destination', 'value', 'unit', 'sector', 'date', 'label', 'id'] as const;
export type FlowField = (typeof FLOW_FIELDS)[number];

/**
 * Field → column index in the file's header row. origin is required; the rest optional. For a
 * workbook, `sheet` is the 0-based index of the sheet the columns are in (absent: the first).
 */
export type ColumnMapping = Partial<Record<FlowField, number>> & { sheet?: number };

/** Why one row of a file was skipped; each has a message `import.reason.<reason>` in both languages. */
export const ROW_ERROR_REASONS = [
  'origin-missing',
  'origin-unknown',
  'destination-unknown',
  'coordinates-out-of-range',
  'value-invalid',
  'date-invalid',
  'geometry-unsupported',
  'row-malformed',
  'duplicate-id',
  'property-invalid',
] as const;
export type RowErrorReason = (typeof ROW_ERROR_REASONS)[number];

/** A skipped row, for the report shown to the analyst. */
export interface RowError {
  /** 1-based row number, counted as in {@link ImportedRows.rowNumbers}. */
  row: number;
  reason: RowErrorReason;
  /** The offending text, at most 80 characters, never interpreted. */
  detail: string;
}

/**
 * An imported dataset, columnar so 1,000,000 rows stay compact and transferable between threads.
 * Row i is read from index i of every column (2i, 2i+1 for positions).
 */
export interface ImportedRows {
  count: number;
  /** 2·count numbers: lon, lat. */
  origins: Float64Array;
  /** 2·count numbers: lon, lat; NaN, NaN for a place (a row without a destination). */
  destinations: Float64Array;
  /** NaN when absent. */
  values: Float64Array;
  /** UTC ms at midnight of the day, NaN when undated. */
  dates: Float64Array;
  /** Index into `gazetteer.sectors`, -1 when absent or unknown. */
  sectors: Int16Array;
  /** Index into `unitNames`, -1 when absent. */
  units: Int32Array;
  unitNames: string[];
  /** '' when absent; plain text, truncated to 500 characters. */
  labels: TextColumn;
  /**
   * The gazetteer entry id when resolved by name or code, else the normalised coordinate text
   * ("lat, lon"). GeoJSON: a name property that does not resolve is kept as written.
   */
  originNames: TextColumn;
  /** As `originNames`; '' for a place. */
  destinationNames: TextColumn;
  /**
   * The same place keys numbered, made in the import worker so the page never hashes a million strings.
   * Absent in rows built elsewhere (a workspace, a test): `placeIdsOf` works them out on first use.
   */
  placeIds?: PlaceIds;
  /**
   * 1-based row number in the file. CSV: the header is row 1, so the first data row is 2;
   * GeoJSON: feature index + 1.
   */
  rowNumbers: Uint32Array;
}

/** Place keys numbered in first-seen order over both ends: `keys.at(origins[i])` is `originNames.at(i)`. */
export interface PlaceIds {
  keys: TextColumn;
  origins: Uint32Array;
  destinations: Uint32Array;
}

/** What a successful import yields: the good rows and a report on the rest. */
export interface ImportResult {
  rows: ImportedRows;
  errors: RowError[];
  /** Rows with an unrecognised sector name (kept, sector -1). */
  unknownSectors: number;
  /** Rows kept with a text cut to its limit (label 500, unit 100, place name 200 characters), ending in "…". */
  truncated: number;
}

/** Why a whole file was refused; each has a message `import.failure.<failure>` in both languages. */
export const IMPORT_FAILURES = [
  'empty',
  'too-large',
  'too-many-rows',
  'not-text',
  'not-csv-or-geojson',
  'no-origin-column',
  'invalid-geojson',
  'xlsx-invalid',
  'xlsx-too-large',
  'xlsx-merged-header',
] as const;
export type ImportFailure = (typeof IMPORT_FAILURES)[number];

/**
 * Text limits in UTF-16 units; a cut text ends in "…". `detail` is an error report's excerpt.
 * A label is the title of a hover card, the side panel and a table row: 500 characters is some
 * five lines of the panel, more than any title or note a trade sheet holds, while a cell of a
 * megabyte would push the card and the row off the screen.
 */
export const TEXT_LIMITS = { label: 500, unit: 100, name: 200, detail: 80 } as const;

/** Bounds that keep an import within a browser tab's memory. */
export const IMPORT_LIMITS = { maxBytes: 64 * 1024 * 1024, maxRows: 1_000_000 } as const;

/**
 * A workbook (.xlsx) is a zip: a 64 MB file may unpack to gigabytes (a "zip bomb"). The parts'
 * sizes as the zip declares them are checked before any is unpacked, and unpacking never writes
 * past a declared size, so these bound the memory an import can take.
 */
export const XLSX_LIMITS = { maxUnpackedBytes: 200 * 1024 * 1024, maxEntries: 1000 } as const;

/** Why an import gave nothing: the file's fault, or the worker stopped. */
export type ImportProblem = ImportFailure | 'worker';
