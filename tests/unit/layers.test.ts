// Layer builders are pure: assert on ids, data, colours and widths for fixture states, no WebGL.
import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { initialState, type AppState } from '../../src/state/state.ts';
import { buildLayers, entityFromPick } from '../../src/layers/build-layers.ts';
import { pairColours, REVERSE_TILT, reverseTilts } from '../../src/layers/link-layer.ts';
import { arcEnds, flowPairs, type FlowPair } from '../../src/model/flow-pairs.ts';
import { provinceFill } from '../../src/layers/province-layer.ts';
import { DASH_PROJECT, type CorridorPath } from '../../src/layers/route-layers.ts';
import { hexToRgba } from '../../src/core/colours.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import { regionFromTopology, type RegionTopology } from '../../src/core/region.ts';
import { builtAtlas } from './dataset/fixture.ts';
import { buildRegionTopology } from '../../scripts/geodata/region-topology.ts';
import { buildGeodataInputs } from '../../scripts/geodata/inputs.ts';

const { atlas } = builtAtlas();
const region = regionFromTopology(buildRegionTopology(buildGeodataInputs()) as RegionTopology);
const context = { region, atlas, theme: LIGHT_THEME };
const base = initialState(
  'en',
  atlas.corridors.map((c) => c.id),
);
const layersOf = (state: AppState) =>
  Object.fromEntries(buildLayers(state, context).map((l) => [l.id, l])) as Record<string, Layer>;
const dataIds = (layer: Layer | undefined, key: (d: never) => string) =>
  ((layer?.props.data ?? []) as never[]).map(key);
const link = (id: string) => atlas.links.find((l) => l.id === id)!;

describe('buildLayers', () => {
  it('draws every group in order, each cased line just over its casing, all under the basemap labels', () => {
    const layers = buildLayers(base, context);
    expect(layers.map((l) => l.id)).toEqual([
      'provinces',
      'partners',
      'corridors-casing',
      'corridors',
      'caspian-routes-casing',
      'caspian-routes',
      'links-casing',
      'links',
      'forums-casing',
      'forums',
      'places',
    ]);
    for (const layer of layers)
      expect((layer.props as { beforeId?: string }).beforeId).toMatch(/^(province-borders|country-labels)$/);
  });

  it('leaves out switched-off groups', () => {
    const ids = buildLayers({ ...base, layers: { ...base.layers, provinces: false, corridors: false } }, context).map(
      (l) => l.id,
    );
    expect(ids).not.toContain('provinces');
    expect(ids).not.toContain('corridors');
  });

  it('draws only the visible corridors', () => {
    const layers = layersOf({ ...base, corridors: ['eco-iti'] });
    expect(new Set(dataIds(layers['corridors'], (d: { corridorId: string }) => d.corridorId))).toEqual(
      new Set(['eco-iti']),
    );
  });

  it('draws the branches this project drew (no cited source) finely dashed and thinner', () => {
    const layer = layersOf({ ...base, corridors: ['traceca'] })['corridors']!;
    const props = layer.props as unknown as {
      data: CorridorPath[];
      getDashArray: (d: CorridorPath) => [number, number];
      getWidth: (d: CorridorPath) => number;
    };
    const feeder = props.data.find((d) => d.branchId === 'feeder-south')!;
    const core = props.data.find((d) => d.branchId === 'caucasus')!;
    expect(feeder.drawnByProject).toBe(true);
    expect(props.getDashArray(feeder)).toEqual(DASH_PROJECT);
    expect(props.getDashArray(core)).toEqual([0, 0]);
    expect(props.getWidth(feeder)).toBeLessThan(props.getWidth(core));
    expect(props.data.filter((d) => d.drawnByProject).map((d) => d.branchId)).toEqual([
      'feeder-south',
      'feeder-west',
      'feeder-northeast',
    ]);
  });

  it('draws the arcs the sector filter keeps, one per pair', () => {
    const layers = layersOf({ ...base, sectors: ['culture'] });
    // The ambassador's visit arrives in Lorestan; the sister-city proposal is drawn from it.
    expect(dataIds(layers['links'], (d: FlowPair) => `${d.id}: ${d.links.map((l) => l.id).join(',')}`)).toEqual([
      'KAZ.to.IR-15: kaz-ambassador-lorestan-visit',
      'IR-15.to.KAZ: lorestan-kaz-sister-city',
    ]);
  });

  it('keeps layer data identical across renders that do not change it', () => {
    const a = layersOf(base);
    const b = layersOf({ ...base, selection: { kind: 'province', id: 'IR-03' } });
    for (const id of Object.keys(a)) expect(b[id]!.props.data, id).toBe(a[id]!.props.data);
  });

  it('outlines the selected province only', () => {
    const provinces = layersOf({ ...base, selection: { kind: 'province', id: 'IR-03' } })['provinces']!;
    const getLineWidth = (provinces.props as unknown as { getLineWidth: (f: { properties: { id: string } }) => number })
      .getLineWidth;
    expect(getLineWidth({ properties: { id: 'IR-03' } })).toBeGreaterThan(0);
    expect(getLineWidth({ properties: { id: 'IR-07' } })).toBe(0);
  });
});

describe('province fill', () => {
  it('is transparent with no activity and darker with more', () => {
    expect(provinceFill(0, LIGHT_THEME)[3]).toBe(0);
    expect(provinceFill(1, LIGHT_THEME)).toEqual(LIGHT_THEME.activity[0]);
    expect(provinceFill(20, LIGHT_THEME)).toEqual(LIGHT_THEME.activity[4]);
  });
});

describe('link arcs', () => {
  const pairOf = (ids: string[], sectors: string[] | null = null) => flowPairs(ids.map(link), sectors, 'IRN')[0]!;

  it('are coloured by their single sector, dark at the arrival end', () => {
    const { source, target } = pairColours(pairOf(['ea-kaz-mining']), atlas.sectors, LIGHT_THEME);
    expect(target).toEqual(hexToRgba(atlas.sectors.find((s) => s.id === 'mining')!.colour, 235));
    expect(source[0]).toBeGreaterThan(target[0]);
  });

  it('are neutral with several sectors, until the filter keeps one', () => {
    expect(pairColours(pairOf(['imidro-uzb-meeting']), atlas.sectors, LIGHT_THEME).target).toEqual(
      LIGHT_THEME.mixedLink,
    );
    const steel = hexToRgba(atlas.sectors.find((s) => s.id === 'steel-metals')!.colour, 235);
    expect(pairColours(pairOf(['imidro-uzb-meeting'], ['steel-metals']), atlas.sectors, LIGHT_THEME).target).toEqual(
      steel,
    );
  });

  it('point the way the flow goes: inbound links arrive in Iran', () => {
    const inbound = link('lorestan-kaz-mining-technology');
    expect(arcEnds(inbound)).toEqual([inbound.targetPosition, inbound.sourcePosition]);
    const outbound = link('iran-uzb-steel-purchase');
    expect(arcEnds(outbound)).toEqual([outbound.sourcePosition, outbound.targetPosition]);
  });

  it('draw each pair once, and bow pairs running both ways between two places apart', () => {
    const layer = layersOf(base)['links']!;
    const pairs = layer.props.data as FlowPair[];
    const ends = pairs.map((p) => JSON.stringify([p.sourcePosition, p.targetPosition]));
    expect(new Set(ends).size).toBe(ends.length);
    const tilts = reverseTilts(pairs);
    // Lorestan ↔ Kazakhstan: links go both ways, so both arcs tilt (and ArcLayer tilts relative to direction).
    expect([...tilts.keys()].sort()).toEqual(['IR-15.to.KAZ', 'KAZ.to.IR-15']);
    expect(new Set(tilts.values())).toEqual(new Set([REVERSE_TILT]));
    const getTilt = (layer.props as unknown as { getTilt: (p: FlowPair) => number }).getTilt;
    expect(pairs.filter((p) => getTilt(p) !== 0).map((p) => p.id)).toEqual([...tilts.keys()]);
  });
});

describe('entityFromPick', () => {
  it('maps picked objects back to entities', () => {
    const layers = layersOf(base);
    expect(entityFromPick({ layer: layers['provinces']!, object: { properties: { id: 'IR-03' } } })).toEqual({
      kind: 'province',
      id: 'IR-03',
    });
    const pairs = layers['links']!.props.data as FlowPair[];
    const single = pairs.find((p) => p.links.length === 1)!;
    expect(entityFromPick({ layer: layers['links']!, object: single })).toEqual({
      kind: 'link',
      id: single.links[0]!.id,
    });
    expect(entityFromPick({ layer: layers['links']!, object: pairs.find((p) => p.id === 'IR-07.to.UZB') })).toEqual({
      kind: 'pair',
      id: 'IR-07.to.UZB',
    });
    expect(entityFromPick({ layer: layers['forums']!, object: link('ea-kaz-video-call') })).toEqual({
      kind: 'link',
      id: 'ea-kaz-video-call',
    });
    expect(entityFromPick({ layer: layers['corridors']!, object: { corridorId: 'instc' } })).toEqual({
      kind: 'corridor',
      id: 'instc',
    });
    expect(entityFromPick({ layer: layers['places']!, object: null })).toBeNull();
  });
});
