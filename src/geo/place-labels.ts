// Label points for the basemap's place-labels layer: ports, border crossings, capitals.
import type { FeatureCollection, Point } from 'geojson';
import type { AtlasData } from '../model/atlas.ts';

export interface PlaceLabelProps {
  fa: string;
  en: string;
  kind: 'port' | 'border' | 'capital';
}

export function placeLabelFeatures(atlas: AtlasData): FeatureCollection<Point, PlaceLabelProps> {
  const point = (lonLat: [number, number], props: PlaceLabelProps) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: lonLat }, properties: props });
  return {
    type: 'FeatureCollection',
    features: [
      ...atlas.provinces.map((p) => point(p.capital.lonLat, { ...p.capital.name, kind: 'capital' })),
      ...atlas.partners.map((p) => point(p.capital.lonLat, { ...p.capital.name, kind: 'capital' })),
      ...atlas.places.filter((p) => p.kind === 'port' || p.kind === 'border').map((p) => point(p.lonLat, { ...p.name, kind: p.kind as 'port' | 'border' })),
    ],
  };
}
