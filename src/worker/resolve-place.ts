// Turns the text of an origin or destination cell into a position (a known name or code, or "lat, lon"),
// and a sector cell into a sector.
import type { LonLat } from '../core/geodata.ts';
import { normaliseKey, toLatinDigits } from './normalise.ts';
import type { Gazetteer } from '../core/import-types.ts';

/** A resolved place (`name`: the gazetteer id, or the coordinates as normalised text) or why not. */
export type PlaceResolution = { lonLat: LonLat; name: string } | { error: 'unknown' | 'out-of-range' };

/** Resolves one cell's text; repeated texts are answered from a cache. */
export type PlaceResolver = (text: string) => PlaceResolution;

const NUM = '([-+]?\\d+(?:\\.\\d+)?)';
/** "lat, lon" as map sites copy a point: comma, semicolon, Arabic comma or spaces between, optional brackets and degree signs. */
const COORDINATES = new RegExp(`^\\(?${NUM}°?(?:\\s*[,;\\u060C]\\s*|\\s+)${NUM}°?\\)?$`);

/** A sign, bracket or digit (Latin, Arabic-Indic or Persian) after any leading space. */
const STARTS_LIKE_NUMBER = /^\s*[-+\u2212(\d\u0660-\u0669\u06F0-\u06F9]/;

/** Beyond this many distinct texts the cache starts again, so a file of unique coordinates cannot grow it without bound. */
const CACHE_LIMIT = 200_000;

function parseCoordinates(text: string): PlaceResolution | null {
  const t = toLatinDigits(text)
    .replace(/\u066B/g, '.')
    .replace(/\u2212/g, '-')
    .replace(/[\u200E\u200F\u061C]/g, '')
    .trim();
  const match = COORDINATES.exec(t);
  if (!match) return null;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return { error: 'out-of-range' };
  return { lonLat: [lon, lat], name: coordinateName([lon, lat]) };
}

/**
 * A resolver over the gazetteer: matches normalised fa/en names, ids and aliases (so `ir-03`, `KAZ`,
 * `kz`, `كرمان` and `کرمان` all match) and "lat, lon" coordinates in one cell.
 */
export function createPlaceResolver(gazetteer: Gazetteer): PlaceResolver {
  const byKey = new Map<string, { lonLat: LonLat; name: string }>();
  for (const entry of gazetteer.entries) {
    const place = { lonLat: entry.lonLat, name: entry.id };
    for (const key of [entry.id, entry.name.fa, entry.name.en, ...entry.aliases]) {
      const k = normaliseKey(key);
      // The first entry to claim a key keeps it: the gazetteer lists its most specific places first.
      if (k && !byKey.has(k)) byKey.set(k, place);
    }
  }
  let cache = new Map<string, PlaceResolution>();
  return (text) => {
    // Coordinates first when the cell starts like a number: it spares the costly name
    // normalisation for files of unique points, and their results are not worth caching.
    if (STARTS_LIKE_NUMBER.test(text)) {
      const point = parseCoordinates(text);
      if (point) return point;
    }
    const cached = cache.get(text);
    if (cached) return cached;
    const resolution = byKey.get(normaliseKey(text)) ?? parseCoordinates(text) ?? { error: 'unknown' as const };
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(text, resolution);
    return resolution;
  };
}

/** Sector cell → index into `gazetteer.sectors`, by id or either name, remembered per distinct text. */
export function createSectorMatcher(gazetteer: Gazetteer): (text: string) => number {
  const byKey = new Map<string, number>();
  gazetteer.sectors.forEach((sector, i) => {
    for (const key of [sector.id, sector.name.fa, sector.name.en]) {
      const k = normaliseKey(key);
      if (k && !byKey.has(k)) byKey.set(k, i);
    }
  });
  const cache = new Map<string, number>();
  return (text) => {
    let index = cache.get(text);
    if (index === undefined) {
      index = byKey.get(normaliseKey(text)) ?? -1;
      if (cache.size < CACHE_LIMIT) cache.set(text, index);
    }
    return index;
  };
}

/** The name a bare position gets: "lat, lon", the same text a coordinate cell resolves to. */
export function coordinateName(lonLat: LonLat): string {
  return `${lonLat[1]}, ${lonLat[0]}`;
}
