// "Animate flows": the moving dots lie on the very curves drawn (ArcLayer's flat arc, PathLayer's lanes), move
// with the phase, fade with the focus, and stand still at a fixed phase for still pictures.
import { describe, expect, it } from 'vitest';
import {
  arcPoint,
  flowMotionLayer,
  fromWorld,
  lanePoint,
  motionDots,
  phaseAt,
  STILL_PHASE,
  toWorld,
  MOTION_PERIOD_S,
} from '../../src/layers/flow-motion.ts';
import { ARC_HEIGHT, buildLinkLayer, reverseTilts, REVERSE_TILT } from '../../src/layers/link-layer.ts';
import { flowPairs } from '../../src/model/flow-pairs.ts';
import { arcLinks } from '../../src/model/selectors.ts';
import { focusOf } from '../../src/model/focus.ts';
import { FADED_OPACITY } from '../../src/layers/focus-style.ts';
import { initialState } from '../../src/state/state.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import type { LonLat } from '../../src/core/geodata.ts';
import { builtAtlas } from './dataset/fixture.ts';

const { atlas } = builtAtlas();
const state = {
  ...initialState(
    'en',
    atlas.corridors.map((c) => c.id),
  ),
  animate: true,
};
const pairs = flowPairs(arcLinks(state, atlas), null, atlas.national.id);
const tehran: LonLat = [51.39, 35.69];
const aktau: LonLat = [51.2, 43.65];
const tashkent: LonLat = [69.24, 41.3];
/** World units per metre at a latitude, as deck.gl's LNGLAT projection converts heights. */
const unitsPerMetre = (lat: number) => 512 / 40.03e6 / Math.cos((lat * Math.PI) / 180);

describe('a dot on an arc', () => {
  it('starts at the origin and ends at the destination, on the ground', () => {
    for (const tilt of [0, REVERSE_TILT]) {
      const [a, b] = [arcPoint(tehran, tashkent, 0, ARC_HEIGHT, tilt), arcPoint(tehran, tashkent, 1, ARC_HEIGHT, tilt)];
      expect(a[0]).toBeCloseTo(tehran[0], 9);
      expect(a[1]).toBeCloseTo(tehran[1], 9);
      expect(b[0]).toBeCloseTo(tashkent[0], 9);
      expect(b[1]).toBeCloseTo(tashkent[1], 9);
      expect([a[2], b[2]]).toEqual([0, 0]);
    }
  });

  it('halfway, lies over the chord midpoint in Mercator at ArcLayer height sqrt(r(1-r)) × length × height', () => {
    const [lon, lat, metres] = arcPoint(tehran, tashkent, 0.5);
    const [s, t] = [toWorld(tehran), toWorld(tashkent)];
    const mid = fromWorld([(s[0] + t[0]) / 2, (s[1] + t[1]) / 2]);
    expect(lon).toBeCloseTo(mid[0], 9);
    expect(lat).toBeCloseTo(mid[1], 9);
    const length = Math.hypot(t[0] - s[0], t[1] - s[1]);
    expect(metres * unitsPerMetre(lat)).toBeCloseTo(0.5 * length * ARC_HEIGHT, 9);
  });

  it('on a tilted arc, moves off the chord sideways (to the left of the flow) by height × sin(tilt)', () => {
    const r = 0.3;
    const [lon, lat, metres] = arcPoint(tehran, tashkent, r, ARC_HEIGHT, REVERSE_TILT);
    const [s, t] = [toWorld(tehran), toWorld(tashkent)];
    const onChord = [s[0] + (t[0] - s[0]) * r, s[1] + (t[1] - s[1]) * r];
    const [x, y] = toWorld([lon, lat]);
    const length = Math.hypot(t[0] - s[0], t[1] - s[1]);
    const z = Math.sqrt(r * (1 - r)) * length * ARC_HEIGHT;
    const tilt = (REVERSE_TILT * Math.PI) / 180;
    const left = [-(t[1] - s[1]) / length, (t[0] - s[0]) / length];
    expect(x - onChord[0]!).toBeCloseTo(left[0]! * z * Math.sin(tilt), 9);
    expect(y - onChord[1]!).toBeCloseTo(left[1]! * z * Math.sin(tilt), 9);
    expect(metres * unitsPerMetre(lat)).toBeCloseTo(z * Math.cos(tilt), 9);
  });

  it('rides the arcs as the link layer draws them: its height, its tilts', () => {
    const layer = buildLinkLayer({
      pairs,
      sectors: atlas.sectors,
      selected: { pairId: null, linkId: null },
      focus: null,
      theme: LIGHT_THEME,
      beforeId: 'x',
    });
    expect(layer.props.getHeight).toBe(ARC_HEIGHT);
    const tilts = reverseTilts(pairs);
    const dots = motionDots(pairs, [], null, 0.25);
    const expected = pairs.flatMap((p) => {
      const tilt = tilts.get(p.id) ?? 0;
      return [0.25, 0.75].flatMap((r) => [
        arcPoint(p.sourcePosition, p.targetPosition, r, ARC_HEIGHT, tilt),
        ...(p.twoWay ? [arcPoint(p.sourcePosition, p.targetPosition, 1 - r, ARC_HEIGHT, tilt)] : []),
      ]);
    });
    expect(dots.map((d) => d.position)).toEqual(expected);
  });
});

describe('a dot on a Caspian lane', () => {
  const route = atlas.caspianRoutes.find((r) => r.path.length > 2)!;
  it('starts and ends at the lane ends, and always lies on one of its straight Mercator segments', () => {
    expect(lanePoint([tehran, aktau], 0).slice(0, 2)).toEqual(tehran.map((v) => expect.closeTo(v, 9)));
    expect(lanePoint(route.path, 1)[0]).toBeCloseTo(route.path.at(-1)![0], 9);
    expect(lanePoint(route.path, 1)[1]).toBeCloseTo(route.path.at(-1)![1], 9);
    const segments = route.path.slice(1).map((b, i) => [toWorld(route.path[i]!), toWorld(b)] as const);
    for (const f of [0.1, 0.37, 0.5, 0.81]) {
      const [x, y] = toWorld(lanePoint(route.path, f).slice(0, 2) as LonLat);
      const onSome = segments.some(([a, b]) => {
        const cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
        const within = (x - a[0]) * (x - b[0]) <= 1e-12 && (y - a[1]) * (y - b[1]) <= 1e-12;
        return Math.abs(cross) < 1e-9 && within;
      });
      expect(onSome, `f=${f}`).toBe(true);
    }
  });

  it('halfway along a straight lane is its Mercator midpoint', () => {
    const [s, t] = [toWorld(tehran), toWorld(aktau)];
    const mid = fromWorld([(s[0] + t[0]) / 2, (s[1] + t[1]) / 2]);
    const [lon, lat] = lanePoint([tehran, aktau], 0.5);
    expect(lon).toBeCloseTo(mid[0], 9);
    expect(lat).toBeCloseTo(mid[1], 9);
  });
});

describe('the moving-dots layer', () => {
  const positions = (phase: number, app = state) =>
    (flowMotionLayer(app, atlas, LIGHT_THEME, phase, 'x').props.data as { position: number[] }[]).map(
      (d) => d.position,
    );

  it('moves the dots with the phase, and repeats each period', () => {
    expect(positions(0.1)).not.toEqual(positions(0.2));
    expect(positions(0.1)).toEqual(positions(1.1).map((p) => p.map((v) => expect.closeTo(v, 6))));
    expect(phaseAt(0)).toBe(0);
    expect(phaseAt(MOTION_PERIOD_S * 1000 * 2.5)).toBeCloseTo(0.5, 9);
  });

  it('draws still pictures at a fixed phase, the same every time', () => {
    expect(positions(STILL_PHASE)).toEqual(positions(STILL_PHASE));
    expect(STILL_PHASE).toBeGreaterThan(0);
    expect(STILL_PHASE).toBeLessThan(1);
  });

  it('runs along the lanes only while the Caspian layer is on', () => {
    const withLanes = positions(0.3).length;
    const without = positions(0.3, { ...state, layers: { ...state.layers, caspian: false } }).length;
    expect(withLanes - without).toBe(atlas.caspianRoutes.length * 4);
  });

  it('fades the dots of pairs and lanes the selection does not connect to', () => {
    const selection = { kind: 'partner' as const, id: 'KAZ' };
    const focus = focusOf(selection, atlas)!;
    const dots = motionDots(pairs, atlas.caspianRoutes, focus, 0.3);
    expect(dots.some((d) => d.focused)).toBe(true);
    expect(dots.some((d) => !d.focused)).toBe(true);
    const layer = flowMotionLayer({ ...state, selection }, atlas, LIGHT_THEME, 0.3, 'x');
    const fill = layer.props.getFillColor as unknown as (d: { focused: boolean }) => number[];
    expect(fill({ focused: false })[3]).toBe(Math.round(255 * FADED_OPACITY));
    expect(fill({ focused: true })[3]).toBe(255);
  });
});
