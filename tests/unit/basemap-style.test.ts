// The offline style: valid per the style spec, self-contained, localized labels, partners distinct.
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { buildBasemapStyle, labelText, type BasemapGeodata } from '../../src/layers/basemap-style.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const geo: BasemapGeodata = {
  countries: empty,
  labels: empty,
  places: empty,
  countryBorders: { type: 'MultiLineString', coordinates: [] },
  provinceBorders: { type: 'MultiLineString', coordinates: [] },
};

describe('basemap style', () => {
  const style = buildBasemapStyle(geo, LIGHT_THEME, 'fa');

  it('passes the maplibre style-spec validator', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('references nothing outside the app: no glyphs, sprite or URLs', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:|\/\//);
  });

  it('draws water under land and labels on top', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(ids[0]).toBe('water');
    expect(ids.indexOf('land')).toBeLessThan(ids.indexOf('country-borders'));
    expect(ids.slice(-3)).toEqual(['country-labels', 'province-labels', 'place-labels']);
  });

  it('labels in the requested language with the bundled font', () => {
    const labels = style.layers.filter((layer) => layer.type === 'symbol');
    for (const layer of labels) {
      expect(layer.layout?.['text-field']).toEqual(['get', 'fa']);
      expect(layer.layout?.['text-font']).toEqual(['Vazirmatn']);
    }
    expect(labelText('en')).toEqual(['get', 'en']);
  });

  it('colours partners, Iran and other land differently', () => {
    const colours = new Set([LIGHT_THEME.land, LIGHT_THEME.partnerLand, LIGHT_THEME.iranLand, LIGHT_THEME.water]);
    expect(colours.size).toBe(4);
    const land = style.layers.find((layer) => layer.id === 'land');
    expect(JSON.stringify(land)).toContain(LIGHT_THEME.partnerLand);
  });
});
