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

describe('basemap labels do not collide', () => {
  const style = buildBasemapStyle(geo, LIGHT_THEME, 'en');
  const symbols = style.layers.filter((layer) => layer.type === 'symbol');
  const sortKeyOf = (layer: (typeof symbols)[number], kind: string): number => {
    // Evaluates the `match` expression on a label of this kind.
    const expr = layer.layout?.['symbol-sort-key'] as unknown[];
    expect(expr[0]).toBe('match');
    const pairs = expr.slice(2, -1);
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === kind) return pairs[i + 1] as number;
    return expr.at(-1) as number;
  };

  it('never lets a label overlap another or skip placement', () => {
    expect(symbols.map((l) => l.id)).toEqual(['country-labels', 'province-labels', 'place-labels']);
    for (const layer of symbols) {
      const layout = (layer.layout ?? {}) as Record<string, unknown>;
      expect(layout['text-allow-overlap'], layer.id).toBe(false);
      expect(layout['text-ignore-placement'], layer.id).toBe(false);
      expect(layout['icon-allow-overlap'] ?? false, layer.id).toBe(false);
      expect(layout['icon-ignore-placement'] ?? false, layer.id).toBe(false);
    }
  });

  it('gives capitals and partner names priority over ports, border crossings and other countries', () => {
    const places = symbols.find((l) => l.id === 'place-labels')!;
    const countries = symbols.find((l) => l.id === 'country-labels')!;
    expect(sortKeyOf(places, 'national')).toBeLessThan(sortKeyOf(places, 'capital'));
    expect(sortKeyOf(places, 'capital')).toBeLessThan(sortKeyOf(places, 'port'));
    expect(sortKeyOf(places, 'capital')).toBeLessThan(sortKeyOf(places, 'border'));
    expect(sortKeyOf(countries, 'partner')).toBeLessThan(sortKeyOf(countries, 'country'));
    expect(sortKeyOf(countries, 'something-else')).toBeGreaterThan(sortKeyOf(countries, 'country'));
  });
});
