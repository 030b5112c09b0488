// Builds the offline maplibre style from the region geodata: water, land, partners, borders, labels.
// Pure: the same geodata, theme and language give the same style.
import type { StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../core/i18n/i18n.ts';
import type { Theme } from '../core/theme.ts';
import type { BasemapGeodata } from '../core/geodata.ts';

export type { BasemapGeodata } from '../core/geodata.ts';

/** The font family bundled in src/styles/fonts.css; maplibre draws labels with it, no glyph server. */
export const LABEL_FONT = 'Vazirmatn';

export const BASEMAP_LAYER_IDS = {
  provinceBorders: 'province-borders',
  countryLabels: 'country-labels',
} as const;

/**
 * Label priority (maplibre `symbol-sort-key`: a lower key is placed first and wins a collision). Within a layer,
 * Iran's own symbol, capitals and partners' names come before ports, border crossings and other countries.
 * Across layers maplibre places the topmost layer first: place labels, then province names, then country names.
 */
export const LABEL_PRIORITY: Record<string, number> = {
  national: 0,
  capital: 1,
  partner: 1,
  port: 2,
  border: 3,
  province: 4,
  country: 5,
};

/** The sort key expression: a label's kind to its priority, anything else last. */
function sortKey(): unknown[] {
  return ['match', ['get', 'kind'], ...Object.entries(LABEL_PRIORITY).flat(), 9];
}

/**
 * What every label layer keeps: no label is drawn over another or placed regardless of the others (maplibre's
 * defaults, written out so a later edit cannot turn them on unseen), and each has its priority.
 */
const NO_OVERLAP = {
  'text-allow-overlap': false,
  'text-ignore-placement': false,
  'symbol-sort-key': sortKey() as never,
} as const;

/** Symbol layers whose text follows the UI language. */
export const LABEL_LAYER_IDS = ['country-labels', 'province-labels', 'place-labels'] as const;

export function buildBasemapStyle(geo: BasemapGeodata, theme: Theme, lang: Lang): StyleSpecification {
  return {
    version: 8,
    // No `glyphs` and no `sprite`: labels come from the bundled font, so nothing is fetched.
    sources: {
      countries: { type: 'geojson', data: geo.countries },
      'country-borders': { type: 'geojson', data: geo.countryBorders },
      'province-borders': { type: 'geojson', data: geo.provinceBorders },
      labels: { type: 'geojson', data: geo.labels },
      places: { type: 'geojson', data: geo.places },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': theme.water } },
      {
        id: 'land',
        type: 'fill',
        source: 'countries',
        paint: {
          'fill-color': [
            'case',
            ['==', ['get', 'id'], 'IRN'],
            theme.iranLand,
            ['get', 'partner'],
            theme.partnerLand,
            theme.land,
          ],
        },
      },
      {
        id: 'province-borders',
        type: 'line',
        source: 'province-borders',
        paint: {
          'line-color': theme.provinceBorder,
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.5, 7, 1.2],
        },
      },
      {
        id: 'country-borders',
        type: 'line',
        source: 'country-borders',
        paint: {
          'line-color': theme.countryBorder,
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 7, 1.8],
        },
      },
      labelLayer('country-labels', ['!=', ['get', 'kind'], 'province'], theme, lang, 11, 2),
      labelLayer('province-labels', ['==', ['get', 'kind'], 'province'], theme, lang, 10, 4.6),
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'places',
        minzoom: 4.2,
        filter: ['any', ['!=', ['get', 'kind'], 'capital'], ['>=', ['zoom'], 5.2]],
        layout: {
          'text-field': labelText(lang),
          'text-font': [LABEL_FONT],
          'text-size': ['interpolate', ['linear'], ['zoom'], 4.2, 10, 8, 13],
          'text-anchor': 'top',
          'text-offset': [0, 0.7],
          'text-max-width': 8,
          'text-optional': true,
          'text-padding': 3,
          ...NO_OVERLAP,
        },
        paint: { 'text-color': theme.placeLabelText, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.4 },
      },
    ],
  };
}

/** The label text expression for a language; swapped by setLayoutProperty when the language changes. */
export function labelText(lang: Lang): ['get', Lang] {
  return ['get', lang];
}

function labelLayer(
  id: string,
  filter: unknown[],
  theme: Theme,
  lang: Lang,
  size: number,
  minzoom: number,
): StyleSpecification['layers'][number] {
  return {
    id,
    type: 'symbol',
    source: 'labels',
    minzoom,
    filter: filter as never,
    layout: {
      'text-field': labelText(lang),
      'text-font': [LABEL_FONT],
      'text-size': ['interpolate', ['linear'], ['zoom'], minzoom, size, 7, size + 4],
      'text-max-width': 7,
      'text-padding': 4,
      ...NO_OVERLAP,
    },
    paint: {
      'text-color': ['case', ['==', ['get', 'kind'], 'partner'], theme.partnerLabelText, theme.labelText],
      'text-halo-color': theme.labelHalo,
      'text-halo-width': 1.4,
    },
  };
}
