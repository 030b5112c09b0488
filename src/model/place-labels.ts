// Label points for the basemap's place-labels layer: ports, border crossings, capitals and the
// symbol of Iran as a whole.
import type { FeatureCollection, Point } from 'geojson';
import type { AtlasData } from '../core/atlas.ts';

export interface PlaceLabelProps {
  fa: string;
  en: string;
  kind: 'port' | 'border' | 'capital' | 'national';
}

export function placeLabelFeatures(atlas: AtlasData): FeatureCollection<Point, PlaceLabelProps> {
  const point = (lonLat: [number, number], props: PlaceLabelProps) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: lonLat },
    properties: props,
  });
  return {
    type: 'FeatureCollection',
    features: [
      point(atlas.national.anchor, { ...atlas.national.symbol, kind: 'national' }),
      ...atlas.provinces.map((p) => point(p.capital.lonLat, { ...p.capital.name, kind: 'capital' })),
      ...atlas.partners.map((p) => point(p.capital.lonLat, { ...p.capital.name, kind: 'capital' })),
      ...atlas.places
        .filter((p) => p.kind === 'port' || p.kind === 'border')
        .map((p) => point(p.lonLat, { ...p.name, kind: p.kind as 'port' | 'border' })),
    ],
  };
}
