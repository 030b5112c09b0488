// Reads a GeoJSON FeatureCollection of points (places) and lines (flows) into columnar rows.
import type { LonLat } from '../model/geodata.ts';
import { guessMapping } from './columns.ts';
import { parseDate, parseNumber, toPlainText } from './normalise.ts';
import { createRowBuilder } from './parse-csv.ts';
import { coordinateName, createPlaceResolver, createSectorMatcher } from './resolve-place.ts';
import {
  IMPORT_LIMITS,
  type ColumnMapping,
  type Gazetteer,
  type ImportFailure,
  type ImportResult,
  type RowError,
  type RowErrorReason,
} from './types.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A position's lon/lat, or null when it is not two finite numbers. */
function position(value: unknown): LonLat | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [lon, lat] = value as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}

/** Where a geometry starts and ends (a point ends where it starts), or why it cannot be read. */
function endpoints(geometry: unknown): { from: LonLat; to: LonLat | null } | { reason: RowErrorReason; detail: string } {
  if (!isObject(geometry)) return { reason: 'geometry-unsupported', detail: 'null' };
  const { type, coordinates } = geometry;
  let from: LonLat | null;
  let to: LonLat | null = null;
  if (type === 'Point') {
    from = position(coordinates);
  } else if (type === 'LineString' || type === 'MultiLineString') {
    // A MultiLineString is a route in pieces: it runs from the first piece's start to the last piece's end.
    const lines = type === 'LineString' ? [coordinates] : Array.isArray(coordinates) ? coordinates : [];
    const first: unknown = lines[0];
    const last: unknown = lines[lines.length - 1];
    to = Array.isArray(last) ? position(last[last.length - 1]) : null;
    from = Array.isArray(first) && to ? position(first[0]) : null;
  } else {
    return { reason: 'geometry-unsupported', detail: String(type) };
  }
  if (!from) return { reason: 'row-malformed', detail: JSON.stringify(coordinates) ?? '' };
  for (const [lon, lat] of to ? [from, to] : [from]) {
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return { reason: 'coordinates-out-of-range', detail: `${lat}, ${lon}` };
  }
  return { from, to };
}

/** A property as text: strings trimmed, numbers written out, anything else ''. */
function propertyText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/**
 * Imports a GeoJSON FeatureCollection or single Feature. A Point is a place; a LineString or
 * MultiLineString is a flow from its first to its last position. Properties are read by the same
 * names as CSV headers (value, unit, sector, date, label or name, origin and destination names).
 */
export function parseGeoJson(text: string, gazetteer: Gazetteer): ImportResult | { failure: ImportFailure } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!/\S/.test(body)) return { failure: 'empty' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { failure: 'invalid-geojson' };
  }
  if (!isObject(json)) return { failure: 'invalid-geojson' };
  let features: unknown[];
  if (json.type === 'FeatureCollection' && Array.isArray(json.features)) features = json.features;
  else if (json.type === 'Feature') features = [json];
  else return { failure: 'invalid-geojson' };
  if (features.length === 0) return { failure: 'empty' };
  if (features.length > IMPORT_LIMITS.maxRows) return { failure: 'too-many-rows' };

  const resolve = createPlaceResolver(gazetteer);
  const matchSector = createSectorMatcher(gazetteer);
  const builder = createRowBuilder(features.length);
  const errors: RowError[] = [];
  const mappings = new Map<string, ColumnMapping>(); // by the joined property names: features of one file share them
  let unknownSectors = 0;

  /** The name a feature gives an end: its gazetteer id when the text resolves, else the text, else the coordinates. */
  const nameOf = (given: string, lonLat: LonLat): string => {
    if (!given) return coordinateName(lonLat);
    const resolved = resolve(given);
    return 'error' in resolved ? toPlainText(given, 200) : resolved.name;
  };

  features.forEach((feature, index) => {
    const row = index + 1;
    const fail = (reason: RowErrorReason, detail: string): void => {
      errors.push({ row, reason, detail: toPlainText(detail, 80) });
    };
    if (!isObject(feature) || feature.type !== 'Feature') return fail('row-malformed', JSON.stringify(feature)?.slice(0, 80) ?? '');
    const ends = endpoints(feature.geometry);
    if ('reason' in ends) return fail(ends.reason, ends.detail);
    const properties = isObject(feature.properties) ? feature.properties : {};
    const keys = Object.keys(properties);
    const signature = keys.join('\u0000');
    let mapping = mappings.get(signature);
    if (!mapping) {
      mapping = guessMapping(keys);
      mappings.set(signature, mapping);
    }
    const field = (name: keyof ColumnMapping): unknown => {
      const column = mapping[name];
      return column === undefined ? undefined : properties[keys[column] ?? ''];
    };
    const rawValue = field('value');
    const valueText = propertyText(rawValue);
    const value = typeof rawValue === 'number' ? rawValue : valueText ? parseNumber(valueText) : NaN;
    if ((valueText || typeof rawValue === 'number') && !(value >= 0 && Number.isFinite(value))) {
      return fail('value-invalid', valueText || String(rawValue));
    }
    const dateText = propertyText(field('date'));
    const date = dateText ? parseDate(dateText) : NaN;
    if (dateText && Number.isNaN(date)) return fail('date-invalid', dateText);
    const sectorText = propertyText(field('sector'));
    const sector = sectorText ? matchSector(sectorText) : -1;
    if (sectorText && sector < 0) unknownSectors += 1;
    builder.push({
      origin: ends.from,
      originName: nameOf(propertyText(field('origin')), ends.from),
      destination: ends.to,
      destinationName: ends.to ? nameOf(propertyText(field('destination')), ends.to) : '',
      value,
      date,
      sector,
      unit: toPlainText(propertyText(field('unit')), 100),
      label: toPlainText(propertyText(field('label')), 500),
      rowNumber: row,
    });
  });
  return { rows: builder.finish(), errors, unknownSectors };
}
