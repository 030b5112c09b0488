// Layer builders are pure: assert on ids, data and props, no WebGL needed.
import { describe, expect, it, vi } from 'vitest';
import { initialState } from '../../src/app/state.ts';
import { buildLayers } from '../../src/map/layers/build-layers.ts';
import { PROVINCE_LAYER_ID } from '../../src/map/layers/province-layer.ts';
import { LIGHT_THEME } from '../../src/map/theme.ts';
import type { Region, ProvinceFeature } from '../../src/geo/region.ts';

const province = (id: string): ProvinceFeature => ({
  type: 'Feature',
  properties: { id, fa: 'استان', en: 'Province' },
  geometry: { type: 'Polygon', coordinates: [[[50, 30], [51, 30], [51, 31], [50, 30]]] },
});
const region = { provinces: [province('IR-03'), province('IR-07')], countries: [], basemap: {} } as unknown as Region;

describe('buildLayers', () => {
  it('draws the provinces as one pickable, auto-highlighted GeoJSON layer', () => {
    const onProvinceHover = vi.fn();
    const [layer, ...rest] = buildLayers(initialState('fa'), { region, theme: LIGHT_THEME, onProvinceHover });
    expect(rest).toEqual([]);
    expect(layer!.id).toBe(PROVINCE_LAYER_ID);
    expect(layer!.props.data).toBe(region.provinces);
    expect(layer!.props.pickable).toBe(true);
    expect(layer!.props.autoHighlight).toBe(true);
    expect(layer!.props.highlightColor).toEqual(LIGHT_THEME.provinceHighlight);
    expect(layer!.props.onHover).toBe(onProvinceHover);
  });

  it('keeps the same data reference across renders, so deck.gl does not re-tessellate', () => {
    const context = { region, theme: LIGHT_THEME, onProvinceHover: vi.fn() };
    const a = buildLayers(initialState('fa'), context)[0]!;
    const b = buildLayers({ ...initialState('en'), hoveredId: 'IR-03' }, context)[0]!;
    expect(b.props.data).toBe(a.props.data);
    expect(b.id).toBe(a.id);
  });
});
