// The gazetteer imports resolve names against: Iran's provinces (at their capitals), every country
// on the basemap (partners at their capitals, others at a point inside their shape) and the atlas's
// places, with ISO codes and the other names i18n-iso-countries knows as aliases.
import countries from 'i18n-iso-countries';
import { pointOnFeature } from '@turf/turf';
import type { CountryFeature } from '../../src/core/region.ts';
import type { Gazetteer, GazetteerEntry } from '../../src/core/import-types.ts';
import type { AtlasData } from '../../src/core/atlas.ts';
import type { LonLat } from '../../src/core/geodata.ts';

const round = ([lon, lat]: LonLat): LonLat => [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];

export function buildGazetteer(atlas: AtlasData, countryShapes: CountryFeature[]): Gazetteer {
  const entries: GazetteerEntry[] = [];
  for (const province of atlas.provinces) {
    entries.push({
      id: province.id,
      kind: 'province',
      name: province.name,
      lonLat: province.capital.lonLat,
      aliases: [province.id, province.id.replace('-', '')],
    });
  }
  const partners = new Map(atlas.partners.map((p) => [p.id, p]));
  for (const shape of countryShapes) {
    const id = shape.properties.id;
    const partner = partners.get(id);
    const alpha2 = countries.alpha3ToAlpha2(id);
    const otherNames = [
      ...(countries.getName(id, 'en', { select: 'all' }) ?? []),
      ...(countries.getName(id, 'fa', { select: 'all' }) ?? []),
    ];
    entries.push({
      id,
      kind: 'country',
      name: partner?.name ?? { fa: shape.properties.fa, en: shape.properties.en },
      lonLat: round(partner?.capital.lonLat ?? (pointOnFeature(shape).geometry.coordinates as LonLat)),
      aliases: [...new Set([id, ...(alpha2 ? [alpha2] : []), ...otherNames])],
    });
  }
  for (const place of atlas.places)
    entries.push({ id: place.id, kind: 'place', name: place.name, lonLat: place.lonLat, aliases: [place.id] });
  return { entries, sectors: atlas.sectors.map(({ id, name }) => ({ id, name })) };
}
