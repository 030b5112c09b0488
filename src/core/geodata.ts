// Shapes of the region geodata that scripts/ builds into public/geo/ and the app loads.
import type { FeatureCollection, MultiLineString } from 'geojson';

/** A position as GeoJSON writes it: longitude, then latitude, in degrees (WGS84). */
export type LonLat = [lon: number, lat: number];

/** Text in both UI languages. */
export interface Bilingual {
  fa: string;
  en: string;
}

/** Properties of a country polygon (Natural Earth, clipped to the region). */
export interface CountryProps {
  /** ISO 3166-1 alpha-3, or an `X-` id for Natural Earth features without one. */
  id: string;
  fa: string;
  en: string;
  /** A Central Asian / Caspian partner the atlas is about. */
  partner: boolean;
}

/** Properties of an Iranian province polygon. */
export interface ProvinceProps {
  /** ISO 3166-2:IR (2018 list), e.g. `IR-03` for East Azerbaijan. */
  id: string;
  fa: string;
  en: string;
}

/** Properties of a label anchor point (country or province). */
export interface LabelProps extends ProvinceProps {
  kind: 'country' | 'partner' | 'province';
}

/** Object names inside the region TopoJSON. */
export const REGION_OBJECTS = ['countries', 'provinces', 'labels'] as const;
export type RegionObjectName = (typeof REGION_OBJECTS)[number];

/**
 * The extent the basemap is clipped to (south-west, north-east corners): Iran, Central Asia and
 * the Caspian with room around them. The map cannot pan past it. Must match data/geo/countries.json.
 */
export const REGION_EXTENT: [LonLat, LonLat] = [
  [15, 3],
  [100, 62],
];

/** Where the built geodata is served from, relative to the app's base URL. */
export const REGION_TOPOLOGY_PATH = 'geo/region.topo.json';

/** What the basemap style is built from (src/layers/basemap-style.ts). */
export interface BasemapGeodata {
  countries: FeatureCollection;
  countryBorders: MultiLineString;
  provinceBorders: MultiLineString;
  labels: FeatureCollection;
  /** Ports, border crossings and capitals: points with `fa`, `en` and `kind` (see placeLabelFeatures). */
  places: FeatureCollection;
}
