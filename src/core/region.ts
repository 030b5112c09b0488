// Turns the built region TopoJSON into the GeoJSON the basemap style and the deck.gl layers draw.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature, mesh } from 'topojson-client';
import type { BasemapGeodata, CountryProps, LabelProps, ProvinceProps, RegionObjectName } from './geodata.ts';
import { REGION_OBJECTS } from './geodata.ts';

export type ProvinceFeature = Feature<Polygon | MultiPolygon, ProvinceProps>;
export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProps>;

export interface Region {
  /** The basemap's geodata; place labels come from the dataset and are added by the app. */
  basemap: Omit<BasemapGeodata, 'places'>;
  provinces: ProvinceFeature[];
  countries: CountryFeature[];
}

export type RegionTopology = Topology<Record<RegionObjectName, GeometryCollection>>;

/** Checks the shape of a fetched topology before anything trusts it. */
export function isRegionTopology(value: unknown): value is RegionTopology {
  const topo = value as Partial<Topology> | null;
  return (
    typeof topo === 'object' &&
    topo !== null &&
    topo.type === 'Topology' &&
    Array.isArray(topo.arcs) &&
    REGION_OBJECTS.every((name) => topo.objects?.[name]?.type === 'GeometryCollection')
  );
}

export function regionFromTopology(topo: RegionTopology): Region {
  const countries = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  const provinces = feature(topo, topo.objects.provinces) as FeatureCollection<Polygon | MultiPolygon, ProvinceProps>;
  const labels = feature(topo, topo.objects.labels) as FeatureCollection<Point, LabelProps>;
  return {
    basemap: {
      countries,
      // Borders between two neighbours only; coasts read from the land/water contrast.
      countryBorders: mesh(topo, topo.objects.countries, (a, b) => a !== b),
      provinceBorders: mesh(topo, topo.objects.provinces, (a, b) => a !== b),
      labels,
    },
    provinces: provinces.features,
    countries: countries.features,
  };
}
