// Casings (src/layers/line-casing.ts): a non-pickable clone drawn just before each cased layer, coloured by the
// theme's casing where the line's own colour needs one, transparent elsewhere, wider by CASING_PX on each side.
import { describe, expect, it } from 'vitest';
import { ArcLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import { ARC_CASING_PX, CASING_PX, casingLayer, withCasings } from '../../src/layers/line-casing.ts';
import { DARK_THEME, LIGHT_THEME } from '../../src/core/theme.ts';
import type { RGBA } from '../../src/core/colours.ts';
import type { Layer } from '@deck.gl/core';

type Line = { colour: RGBA; width: number };
const ORANGE: RGBA = [230, 159, 0, 235];
const INDIGO: RGBA = [51, 34, 136, 235];
const props = (layer: Layer | null) => layer!.props as unknown as Record<string, unknown>;
const call = (accessor: unknown, d: unknown) =>
  (accessor as (d: unknown, i: { index: number }) => unknown)(d, { index: 0 });

describe('line casings', () => {
  const paths = new PathLayer<Line>({
    id: 'corridors',
    data: [],
    getColor: (d) => d.colour,
    getWidth: (d) => d.width,
    updateTriggers: { getWidth: 'sel' },
  });

  it('clones a path layer: not pickable, wider, cased only where the colour needs it', () => {
    const casing = casingLayer(paths, LIGHT_THEME)!;
    expect(casing).toBeInstanceOf(PathLayer);
    expect(casing.id).toBe('corridors-casing');
    expect(casing.props.pickable).toBe(false);
    expect(call(props(casing).getWidth, { colour: ORANGE, width: 3.5 })).toBe(3.5 + 2 * CASING_PX);
    expect(call(props(casing).getColor, { colour: ORANGE, width: 3.5 })).toEqual(LIGHT_THEME.lineCasing);
    // Tol's indigo reaches 3:1 on every light ground, the darkest province class included: drawn bare.
    expect((call(props(casing).getColor, { colour: INDIGO, width: 3.5 }) as RGBA)[3]).toBe(0);
    // On the dark theme it is the one that needs the (light) casing.
    expect(call(props(casingLayer(paths, DARK_THEME)).getColor, { colour: INDIGO, width: 3.5 })).toEqual(
      DARK_THEME.lineCasing,
    );
    expect(casing.props.updateTriggers).toMatchObject({ getWidth: ['sel', 'light'] });
  });

  it('cases arcs with one colour at both ends, and stroked rings', () => {
    const arcs = new ArcLayer<Line>({
      id: 'links',
      data: [],
      getSourceColor: INDIGO,
      getTargetColor: ORANGE,
      getWidth: 3,
    });
    const arcCasing = casingLayer(arcs, LIGHT_THEME)!;
    expect(call(props(arcCasing).getSourceColor, {})).toEqual(LIGHT_THEME.lineCasing);
    expect(call(props(arcCasing).getTargetColor, {})).toEqual(LIGHT_THEME.lineCasing);
    // A thinner band than the corridors': enough for the contrast, without the arcs becoming the loudest marks.
    expect(call(props(arcCasing).getWidth, {})).toBe(3 + 2 * ARC_CASING_PX);
    expect(ARC_CASING_PX).toBeLessThan(CASING_PX);
    const rings = new ScatterplotLayer({
      id: 'forums',
      data: [],
      stroked: true,
      filled: false,
      getLineColor: ORANGE,
      getLineWidth: 3,
    });
    expect(call(props(casingLayer(rings, LIGHT_THEME)).getLineWidth, {})).toBe(3 + 2 * CASING_PX);
  });

  it('puts each casing just before its layer, and leaves other layers alone', () => {
    const places = new ScatterplotLayer({ id: 'places', data: [] });
    expect(withCasings([paths, false, places, null], LIGHT_THEME).map((l) => l.id)).toEqual([
      'corridors-casing',
      'corridors',
      'places',
    ]);
  });
});
