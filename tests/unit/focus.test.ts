// Focus: a selection brings forward what the data connects it to, the layers fade everything else, and
// focusBounds frames the selection with both ends of its arcs.
import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { focusBounds, focusKey, focusOf, homeBounds, inFocus, type Focus } from '../../src/model/focus.ts';
import { buildLayers } from '../../src/layers/build-layers.ts';
import { FADED_OPACITY } from '../../src/layers/focus-style.ts';
import type { FlowPair } from '../../src/model/flow-pairs.ts';
import type { CorridorPath } from '../../src/layers/route-layers.ts';
import type { MapPoint } from '../../src/layers/point-layers.ts';
import { initialState, type AppState, type EntityKind, type EntityRef } from '../../src/state/state.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import type { RGBA } from '../../src/core/colours.ts';
import { regionFromTopology, type RegionTopology } from '../../src/core/region.ts';
import { builtAtlas } from './dataset/fixture.ts';
import { buildRegionTopology } from '../../scripts/geodata/region-topology.ts';
import { buildGeodataInputs } from '../../scripts/geodata/inputs.ts';

const { atlas } = builtAtlas();
const focusFor = (kind: EntityKind, id: string) => focusOf({ kind, id }, atlas)!;
const having = (focus: Focus, kind: EntityKind) =>
  [...focus]
    .filter((key) => key.startsWith(`${kind}:`))
    .map((key) => key.slice(kind.length + 1))
    .sort();

describe('focus of a selection', () => {
  it('is null with nothing selected: nothing is faded', () => {
    expect(focusOf(null, atlas)).toBeNull();
    expect(inFocus(null, 'province', 'IR-07')).toBe(true);
  });

  it('of a province: its links and their pairs, the partners they reach, its corridors and its ports', () => {
    const focus = focusFor('province', 'IR-03');
    expect(having(focus, 'province')).toEqual(['IR-03']);
    expect(having(focus, 'link')).toEqual(['ea-kaz-mining', 'ea-kaz-video-call', 'tabriz-chamber-kaz']);
    expect(having(focus, 'pair')).toEqual(['IR-03.to.KAZ']);
    expect(having(focus, 'partner')).toEqual(['KAZ']);
    expect(having(focus, 'corridor')).toEqual(atlas.provinces.find((p) => p.id === 'IR-03')!.corridorIds.sort());
    expect(having(focus, 'place')).toContain('tabriz');
    expect(focus.has(focusKey('partner', 'UZB'))).toBe(false);
    expect(focus.has(focusKey('province', 'IR-07'))).toBe(false);
  });

  it('of a partner (Kazakhstan): the provinces and Iran as a whole linked to it, its corridors, routes and ports', () => {
    const focus = focusFor('partner', 'KAZ');
    expect(having(focus, 'partner')).toEqual(['KAZ']);
    expect(having(focus, 'province')).toEqual(['IR-03', 'IR-15']);
    expect(having(focus, 'national')).toEqual(['IRN']);
    expect(having(focus, 'pair')).toEqual(['IR-03.to.KAZ', 'IR-15.to.KAZ', 'IRN.to.KAZ', 'KAZ.to.IR-15']);
    expect(having(focus, 'corridor')).toEqual(['ashgabat', 'east-west', 'instc', 'traceca']);
    expect(having(focus, 'route')).toEqual([
      'amirabad--aktau',
      'astara-ir--aktau',
      'bandar-anzali--aktau',
      'nowshahr--aktau',
    ]);
    // Aktau, the Iranian ports sailing to it, and Kazakhstan's places.
    expect(having(focus, 'place')).toEqual(expect.arrayContaining(['aktau', 'amirabad', 'almaty', 'khorgos']));
    expect(focus.has(focusKey('partner', 'UZB'))).toBe(false);
    expect(focus.has(focusKey('pair', 'IR-07.to.UZB'))).toBe(false);
    expect(focus.has(focusKey('corridor', 'gulf-black-sea'))).toBe(false);
  });

  it('of a corridor: the provinces its sourced paths cross, its partner members, its places and the routes it sails', () => {
    const focus = focusFor('corridor', 'instc');
    const instc = atlas.corridors.find((c) => c.id === 'instc')!;
    expect(having(focus, 'corridor')).toEqual(['instc']);
    expect(having(focus, 'province')).toEqual([...instc.provinces].sort());
    expect(having(focus, 'partner')).toEqual(['ARM', 'AZE', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    // Its two Caspian sea legs, not every route between ports it passes.
    expect(having(focus, 'route')).toEqual(['amirabad--aktau', 'bandar-anzali--astrakhan']);
    expect(having(focus, 'place')).toEqual(expect.arrayContaining(['bandar-abbas', 'tehran', 'astrakhan']));
    expect(having(focus, 'link')).toEqual([]);
  });

  it('of a pair or link: its links, both ends, and the pair', () => {
    const pair = focusFor('pair', 'KAZ.to.IR-15');
    expect(having(pair, 'link')).toEqual(['kaz-ambassador-lorestan-visit', 'lorestan-kaz-mining-technology']);
    expect(having(pair, 'province')).toEqual(['IR-15']);
    expect(having(pair, 'partner')).toEqual(['KAZ']);
    const link = focusFor('link', 'imidro-uzb-meeting');
    expect(having(link, 'pair')).toEqual(['IRN.to.UZB']);
    expect(having(link, 'national')).toEqual(['IRN']);
    expect(having(link, 'organisation')).toEqual(['imidro']);
  });

  it('of a Caspian route: its ports, their province and country, and the corridor that sails it', () => {
    const focus = focusFor('route', 'alat--turkmenbashi');
    expect(having(focus, 'place')).toEqual(['alat', 'turkmenbashi']);
    expect(having(focus, 'partner')).toEqual(['AZE', 'TKM']);
    expect(having(focus, 'corridor')).toEqual(['traceca']);
  });

  it('of an imported row, or an unknown id, fades nothing', () => {
    expect(focusOf({ kind: 'flow', id: '1:0' }, atlas)).toBeNull();
    expect(focusOf({ kind: 'province', id: 'IR-99' }, atlas)).toBeNull();
  });
});

describe('focusBounds', () => {
  const contains = ([w, s, e, n]: number[], [lon, lat]: number[]) =>
    lon! >= w! && lon! <= e! && lat! >= s! && lat! <= n!;

  it('frames Kazakhstan with Astana and the Iranian provinces linked to it', () => {
    const bounds = focusBounds({ kind: 'partner', id: 'KAZ' }, atlas)!;
    const capital = (id: string) => atlas.provinces.find((p) => p.id === id)!.capital.lonLat;
    expect(contains(bounds, atlas.partners.find((p) => p.id === 'KAZ')!.capital.lonLat)).toBe(true);
    for (const id of ['IR-03', 'IR-15']) {
      const [w, s, e, n] = atlas.provinces.find((p) => p.id === id)!.bbox;
      expect(contains(bounds, [w, s]) && contains(bounds, [e, n]), id).toBe(true);
      expect(contains(bounds, capital(id))).toBe(true);
    }
    expect(contains(bounds, atlas.national.anchor)).toBe(true);
    // Nothing south of Lorestan is linked to Kazakhstan: Fars (Shiraz) stays out.
    expect(contains(bounds, capital('IR-07'))).toBe(false);
  });

  it('frames a province with the far ends of its arcs', () => {
    const bounds = focusBounds({ kind: 'province', id: 'IR-07' }, atlas)!;
    expect(contains(bounds, atlas.partners.find((p) => p.id === 'UZB')!.capital.lonLat)).toBe(true);
  });

  it('gives a lone point a box of its own, and nothing for an unknown id', () => {
    const [w, s, e, n] = focusBounds({ kind: 'place', id: 'jnpt' }, atlas)!;
    expect(e - w).toBeGreaterThanOrEqual(1);
    expect(n - s).toBeGreaterThanOrEqual(1);
    expect(focusBounds({ kind: 'partner', id: 'XXX' }, atlas)).toBeNull();
  });
});

describe('faded layers', () => {
  const region = regionFromTopology(buildRegionTopology(buildGeodataInputs()) as RegionTopology);
  const context = { region, atlas, theme: LIGHT_THEME };
  const base = initialState(
    'en',
    atlas.corridors.map((c) => c.id),
  );
  const layersOf = (selection: EntityRef | null): Record<string, Layer> =>
    Object.fromEntries(buildLayers({ ...base, selection } as AppState, context).map((l) => [l.id, l]));
  const accessor = <T>(layer: Layer, name: string) => (layer.props as unknown as Record<string, (d: T) => RGBA>)[name]!;
  const alpha = <T>(layer: Layer, name: string, d: T) => accessor<T>(layer, name)(d)[3];
  const dataOf = <T>(layer: Layer) => layer.props.data as T[];
  const faded = (full: number) => Math.round(full * FADED_OPACITY);

  it('fade nothing with no selection', () => {
    const layers = layersOf(null);
    for (const p of dataOf<FlowPair>(layers['links']!))
      expect(alpha(layers['links']!, 'getTargetColor', p)).toBeGreaterThan(200);
    for (const c of dataOf<CorridorPath>(layers['corridors']!))
      expect(alpha(layers['corridors']!, 'getColor', c)).toBe(235);
    for (const d of dataOf<MapPoint>(layers['places']!)) expect(alpha(layers['places']!, 'getFillColor', d)).toBe(255);
  });

  it('fade what a selected Kazakhstan does not connect to, and keep its connections at full strength', () => {
    const layers = layersOf({ kind: 'partner', id: 'KAZ' });
    const arcs = layers['links']!;
    const pair = (id: string) => dataOf<FlowPair>(arcs).find((p) => p.id === id)!;
    expect(alpha(arcs, 'getTargetColor', pair('IR-15.to.KAZ'))).toBe(LIGHT_THEME.mixedLink[3]);
    expect(alpha(arcs, 'getTargetColor', pair('IR-07.to.UZB'))).toBe(faded(LIGHT_THEME.mixedLink[3]));
    expect(alpha(arcs, 'getSourceColor', pair('IR-07.to.UZB'))).toBe(faded(LIGHT_THEME.mixedLink[3]));

    const provinces = layers['provinces']!;
    const province = (id: string) => ({ properties: { id } });
    const fars = alpha(layersOf(null)['provinces']!, 'getFillColor', province('IR-07'));
    expect(fars).toBeGreaterThan(0);
    expect(alpha(provinces, 'getFillColor', province('IR-07'))).toBe(faded(fars));
    expect(alpha(provinces, 'getFillColor', province('IR-15'))).toBe(
      alpha(layersOf(null)['provinces']!, 'getFillColor', province('IR-15')),
    );

    const corridors = layers['corridors']!;
    const branch = (corridorId: string) => dataOf<CorridorPath>(corridors).find((c) => c.corridorId === corridorId)!;
    expect(alpha(corridors, 'getColor', branch('instc'))).toBe(235);
    expect(alpha(corridors, 'getColor', branch('gulf-black-sea'))).toBe(faded(235));

    const routes = layers['caspian-routes']!;
    const route = (id: string) => dataOf<{ id: string }>(routes).find((r) => r.id === id)!;
    expect(alpha(routes, 'getColor', route('amirabad--aktau'))).toBe(LIGHT_THEME.caspianRoute[3]);
    expect(alpha(routes, 'getColor', route('amirabad--astrakhan'))).toBe(faded(LIGHT_THEME.caspianRoute[3]));

    const places = layers['places']!;
    const point = (kind: string, id: string) =>
      dataOf<MapPoint>(places).find((d) => d.ref.kind === kind && d.ref.id === id)!;
    expect(alpha(places, 'getFillColor', point('place', 'aktau'))).toBe(255);
    expect(alpha(places, 'getFillColor', point('partner', 'KAZ'))).toBe(255);
    expect(alpha(places, 'getFillColor', point('place', 'bandar-abbas'))).toBe(faded(255));
    expect(alpha(places, 'getLineColor', point('partner', 'UZB'))).toBe(faded(255));

    const forums = layers['forums']!;
    const ring = (id: string) => dataOf<{ id: string }>(forums).find((l) => l.id === id)!;
    expect(alpha(forums, 'getLineColor', ring('ea-kaz-video-call'))).toBe(255);
    expect(alpha(forums, 'getLineColor', ring('rk-provincial-diplomacy'))).toBe(faded(255));

    // The basemap fills partners: one outside the focus is veiled in the land colour.
    const partners = layers['partners']!;
    const country = (id: string) => ({ properties: { id } });
    expect(accessor(partners, 'getFillColor')(country('KAZ'))).toEqual(LIGHT_THEME.partnerFill);
    expect(alpha(partners, 'getFillColor', country('UZB'))).toBe(Math.round(255 * (1 - FADED_OPACITY)));
  });

  it('recolour when the selection changes, and only then: same data, new colour triggers', () => {
    const none = layersOf(null);
    const kaz = layersOf({ kind: 'partner', id: 'KAZ' });
    const kazAgain = layersOf({ kind: 'partner', id: 'KAZ' });
    const triggers = (layer: Layer) => JSON.stringify(layer.props.updateTriggers);
    for (const id of ['provinces', 'partners', 'corridors', 'caspian-routes', 'links', 'forums', 'places']) {
      expect(kaz[id]!.props.data, id).toBe(none[id]!.props.data);
      expect(triggers(kaz[id]!), id).not.toBe(triggers(none[id]!));
      expect(triggers(kazAgain[id]!), id).toBe(triggers(kaz[id]!));
    }
  });
});

describe('homeBounds', () => {
  it('holds every arc end and all of Iran, and leaves out the corridors running on to Europe and China', () => {
    const [west, south, east, north] = homeBounds(atlas);
    for (const link of atlas.links)
      for (const [lon, lat] of [link.sourcePosition, ...(link.targetPosition ? [link.targetPosition] : [])]) {
        expect(lon).toBeGreaterThanOrEqual(west);
        expect(lon).toBeLessThanOrEqual(east);
        expect(lat).toBeGreaterThanOrEqual(south);
        expect(lat).toBeLessThanOrEqual(north);
      }
    expect(west).toBeLessThan(44.1); // Iran's western edge
    expect(south).toBeLessThan(25.1);
    expect(east).toBeLessThan(80); // not China
  });
});
