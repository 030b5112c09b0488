// Writes rows as CSV or GeoJSON in the import format, so an exported file re-imports as the same rows.
import type { LonLat } from '../core/geodata.ts';
import { coordinateName, createPlaceResolver, type PlaceResolver } from './resolve-place.ts';
import type { Gazetteer } from '../core/import-types.ts';

/** One row to export: a flow (with a destination) or a place, with the source it comes from. */
export interface ExportRow {
  origin: string;
  /** '' for a place. */
  destination: string;
  originLonLat: LonLat;
  /** null for a place. */
  destinationLonLat: LonLat | null;
  value: number | null;
  unit: string;
  /** A sector id or name. */
  sector: string;
  /** ISO `yyyy-mm-dd`, or ''. */
  date: string;
  label: string;
  /** Where the row comes from: a citation or a file name. */
  source: string;
}

/** The CSV header, in the field names the importer guesses best. */
export const CSV_HEADER = ['origin', 'destination', 'value', 'unit', 'sector', 'date', 'label', 'source'] as const;

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const FORMULA_START = /^[=+\-@]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @) gets a
 * leading `'`, which spreadsheets hide and the importer strips; numbers keep their sign.
 */
/** One RFC 4180 cell, with text that a spreadsheet would run as a formula made inert. */
export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const samePoint = (a: LonLat, b: LonLat): boolean => Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(a[1] - b[1]) < 1e-6;

/**
 * How an end is written so it re-imports to the same point: its name when that resolves (with a
 * gazetteer: to this very point; without: any non-empty name is trusted), else "lat, lon".
 */
function placeText(name: string, lonLat: LonLat, resolve: PlaceResolver | null): string {
  if (name) {
    if (!resolve) return name;
    const resolved = resolve(name);
    if (!('error' in resolved) && samePoint(resolved.lonLat, lonLat)) return name;
  }
  return coordinateName(lonLat);
}

/** One exported row's cells in {@link CSV_HEADER} order: text, or the value as a number (null when absent). */
export type ExportCells = [string, string, number | null, string, string, string, string, string];

/**
 * The rows as the cells of an import-format table. Pass the gazetteer the file will be re-imported
 * against to have unresolvable names written as coordinates.
 */
export function exportCells(rows: ExportRow[], gazetteer?: Gazetteer): ExportCells[] {
  const resolve = gazetteer ? createPlaceResolver(gazetteer) : null;
  return rows.map((row) => [
    placeText(row.origin, row.originLonLat, resolve),
    row.destinationLonLat ? placeText(row.destination, row.destinationLonLat, resolve) : '',
    row.value === null || !Number.isFinite(row.value) ? null : row.value,
    row.unit,
    row.sector,
    row.date,
    row.label,
    row.source,
  ]);
}

/**
 * RFC 4180 CSV (CRLF line ends, quoted where needed) with a UTF-8 BOM so Excel reads Persian.
 * Pass the gazetteer the file will be re-imported against to have unresolvable names written as coordinates.
 */
export function toCsv(rows: ExportRow[], gazetteer?: Gazetteer): string {
  return `${CSV_START}${csvRows(rows, gazetteer)}`;
}

/** What a CSV export starts with: the BOM and the header line. */
export const CSV_START = `\uFEFF${CSV_HEADER.join(',')}\r\n`;

/** Rows as CSV lines, each ending in CRLF: an export written in pieces joins them after {@link CSV_START}. */
export function csvRows(rows: ExportRow[], gazetteer?: Gazetteer): string {
  let text = '';
  for (const cells of exportCells(rows, gazetteer))
    text += `${cells.map((cell) => (typeof cell === 'number' ? String(cell) : cell === null ? '' : csvCell(cell))).join(',')}\r\n`;
  return text;
}

/** A GeoJSON FeatureCollection: a LineString origin → destination per flow, a Point per place, every field in properties. */
export function toGeoJson(rows: ExportRow[]): string {
  return `${GEOJSON_START}${geoJsonFeatures(rows)}${GEOJSON_END}`;
}

export const GEOJSON_START = '{"type":"FeatureCollection","features":[';
export const GEOJSON_END = ']}';

/** Rows as GeoJSON features, comma-separated: an export written in pieces joins them with a comma. */
export function geoJsonFeatures(rows: ExportRow[]): string {
  const features = rows.map((row) => ({
    type: 'Feature',
    geometry: row.destinationLonLat
      ? { type: 'LineString', coordinates: [row.originLonLat, row.destinationLonLat] }
      : { type: 'Point', coordinates: row.originLonLat },
    properties: {
      origin: row.origin,
      destination: row.destinationLonLat ? row.destination : '',
      value: row.value !== null && Number.isFinite(row.value) ? row.value : null,
      unit: row.unit,
      sector: row.sector,
      date: row.date,
      label: row.label,
      source: row.source,
    },
  }));
  return JSON.stringify(features).slice(1, -1);
}
