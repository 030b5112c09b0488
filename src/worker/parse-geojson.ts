// Reads a GeoJSON FeatureCollection of points (places) and lines (flows) into columnar rows.
import type { LonLat } from '../core/geodata.ts';
import { guessMapping } from './columns.ts';
import { toPlainText } from './normalise.ts';
import { createRowValidator } from './row-fields.ts';
import { createRowBuilder } from './row-builder.ts';
import { coordinateName, createPlaceResolver } from './resolve-place.ts';
import {
  IMPORT_LIMITS,
  TEXT_LIMITS,
  type ColumnMapping,
  type Gazetteer,
  type ImportFailure,
  type ImportResult,
  type RowError,
  type RowErrorReason,
} from '../core/import-types.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A short, bounded sketch of any JSON value for an error report. JSON.stringify would recurse
 * through a hostile file's 100,000-deep arrays and overflow the stack, or copy megabytes.
 */
export function sketch(value: unknown, depth = 0): string {
  if (Array.isArray(value)) {
    if (depth >= 3) return '[…]';
    const items = value.slice(0, 3).map((item) => sketch(item, depth + 1));
    return `[${items.join(',')}${value.length > 3 ? ',…' : ''}]`;
  }
  if (isObject(value)) {
    if (depth >= 3) return '{…}';
    const keys = Object.keys(value);
    const items = keys.slice(0, 3).map((key) => `${JSON.stringify(key.slice(0, 20))}:${sketch(value[key], depth + 1)}`);
    return `{${items.join(',')}${keys.length > 3 ? ',…' : ''}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value.slice(0, TEXT_LIMITS.detail)) : String(value);
}

/** A position's lon/lat, or null when it is not two finite numbers. */
function position(value: unknown): LonLat | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [lon, lat] = value as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat)
    ? [lon, lat]
    : null;
}

/** Where a geometry starts and ends (a point ends where it starts), or why it cannot be read. */
function endpoints(
  geometry: unknown,
): { from: LonLat; to: LonLat | null } | { reason: RowErrorReason; detail: string } {
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
    return { reason: 'geometry-unsupported', detail: typeof type === 'string' ? type : sketch(type) };
  }
  if (!from) return { reason: 'row-malformed', detail: sketch(coordinates) };
  for (const [lon, lat] of to ? [from, to] : [from]) {
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180)
      return { reason: 'coordinates-out-of-range', detail: `${lat}, ${lon}` };
  }
  return { from, to };
}

/** A property as text: strings trimmed, numbers and booleans written out, absent ''; null for an object or array. */
function propertyText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '' : null;
}

/** A feature's own id (GeoJSON puts it beside `properties`), as text; '' when it has none. */
function featureId(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
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
  const fields = createRowValidator(gazetteer);
  const builder = createRowBuilder(features.length);
  const errors: RowError[] = [];
  const mappings = new Map<string, ColumnMapping>(); // by the joined property names: features of one file share them

  /** The name a feature gives an end: its gazetteer id when the text resolves, else the text, else the coordinates. */
  const nameOf = (given: string, lonLat: LonLat): string => {
    if (!given) return coordinateName(lonLat);
    const resolved = resolve(given);
    return 'error' in resolved ? fields.clean(given, TEXT_LIMITS.name) : resolved.name;
  };

  features.forEach((feature, index) => {
    const row = index + 1;
    const fail = (reason: RowErrorReason, detail: string): void => {
      errors.push({ row, reason, detail: toPlainText(detail, TEXT_LIMITS.detail) });
    };
    if (!isObject(feature) || feature.type !== 'Feature') return fail('row-malformed', sketch(feature));
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
    const texts = {} as Record<keyof ColumnMapping, string>;
    for (const name of ['id', 'value', 'date', 'sector', 'origin', 'destination', 'unit', 'label'] as const) {
      const column = mapping[name];
      const key = column === undefined ? '' : (keys[column] ?? '');
      const text = key ? propertyText(properties[key]) : '';
      // An object or array where text belongs: say which property, not what it holds.
      if (text === null)
        return fail(name === 'value' ? 'value-invalid' : name === 'date' ? 'date-invalid' : 'property-invalid', key);
      texts[name] = text;
    }
    const id = featureId(feature.id) || texts.id;
    const duplicate = fields.duplicateId(id);
    if (duplicate) return fail(duplicate.reason, duplicate.detail);
    fields.startRow();
    const read = fields.accept({ ...texts, id });
    if ('reason' in read) return fail(read.reason, read.detail);
    builder.push({
      origin: ends.from,
      originName: nameOf(texts.origin, ends.from),
      destination: ends.to,
      destinationName: ends.to ? nameOf(texts.destination, ends.to) : '',
      value: read.value,
      date: read.date,
      sector: read.sector,
      unit: read.unit,
      label: read.label,
      rowNumber: row,
    });
    fields.endRow();
  });
  return { rows: builder.finish(), errors, ...fields.counts() };
}
