import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import type { ImportedDataset } from '../../src/model/imported-datasets.ts';
import {
  ARCS_PER_LAYER,
  arcLayerId,
  buildImportedLayers,
  dataPieces,
  prepareImportedData,
} from '../../src/layers/imported-layers.ts';
import { importedStandbyLayers } from '../../src/layers/imported-layer-kinds.ts';
import type { BinaryData } from '../../src/layers/imported-pick.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';

function dataset(id: number, rows: number, distinct = false): ImportedDataset {
  // `distinct`: each row a pair of its own (coordinates), else every row the same pair.
  const row = (i: number) =>
    distinct
      ? `"${(i % 80) - 40}, ${(Math.floor(i / 80) % 180) - 90}",Kazakhstan,${i + 1}`
      : `Tehran,Kazakhstan,${i + 1}`;
  const lines = ['origin,destination,value', ...Array.from({ length: rows }, (_, i) => row(i))];
  return { id, name: `d${id}.csv`, ...(parseCsv(lines.join('\n'), null, GAZETTEER) as ImportResult) };
}

const build = (d: ImportedDataset) =>
  buildImportedLayers([d], { sectors: null, time: ALL_TIME }, GAZETTEER, new Map(), LIGHT_THEME, 'labels');

describe('imported layers', () => {
  it('draws one arc per pair, and highlights on hover for small sets only (each highlight redraws the frame)', () => {
    const [smallArcs, smallNodes] = build(dataset(1, 20));
    expect(smallArcs!.props.autoHighlight).toBe(true);
    expect(smallNodes!.props.autoHighlight).toBe(true);
    expect((smallArcs!.props.data as { length: number }).length).toBe(1);
    const [bigArcs] = build(dataset(2, 5001, true));
    expect(bigArcs!.props.autoHighlight).toBe(false);
    expect((bigArcs!.props.data as { length: number }).length).toBe(5001);
  });

  it('keeps the same data object while the filters stay the same, so deck.gl keeps its buffers', () => {
    const d = dataset(3, 50);
    expect(build(d)[0]!.props.data).toBe(build(d)[0]!.props.data);
  });
});

describe('a new dataset prepared between tasks', () => {
  it('fills the caches the redraw reads: the layers get the very data the slices built', async () => {
    const d = dataset(4, 3 * 4096);
    const prepared = await prepareImportedData(
      d,
      { sectors: null, time: ALL_TIME },
      GAZETTEER,
      new Map(),
      LIGHT_THEME,
      () => Promise.resolve(),
    );
    const [arcs, , dots] = build(d);
    expect(arcs!.props.data).toBe(prepared.flows);
    expect(dots!.props.data).toBe(prepared.places);
    // Built at once, the same rows give the same attributes.
    const fresh = build(dataset(5, 3 * 4096))[0]!.props.data as unknown as BinaryData;
    expect(prepared.flows.length).toBe(1); // 3 × 4096 rows of one pair
    expect(prepared.flows.attributes).toEqual(fresh.attributes);
  });
});

describe('arcs cut into layers of at most ARCS_PER_LAYER (the map uploads one a frame)', () => {
  const arcs = (n: number): BinaryData => ({
    length: n,
    attributes: {
      getSourcePosition: { value: Float32Array.from({ length: n * 3 }, (_, i) => i), size: 3 },
      getSourceColor: { value: Uint8Array.from({ length: n * 4 }, (_, i) => i % 251), size: 4 },
    },
    rowIndexes: new Uint32Array(0),
    refOf: (i) => (i < n ? { kind: 'flow', id: `1:pair${i}` } : null),
    rowCounts: Uint32Array.from({ length: n }, (_, i) => i),
  });

  it('keeps a small set whole, under the plain id', () => {
    const data = arcs(10);
    expect(dataPieces(data, 4)).not.toEqual([data]);
    expect(dataPieces(data, 10)).toEqual([data]);
    expect(arcLayerId(7, 0)).toBe('imported-flows-7');
    expect(arcLayerId(7, 2)).toBe('imported-flows-7/2');
  });

  it('cuts a big set into consecutive views whose refs and counts point at the same arcs', () => {
    const data = arcs(10);
    const pieces = dataPieces(data, 4);
    expect(pieces.map((p) => p.length)).toEqual([4, 4, 2]);
    const last = pieces[2]!;
    expect(Array.from(last.attributes.getSourcePosition!.value)).toEqual([24, 25, 26, 27, 28, 29]);
    expect(Array.from(last.attributes.getSourceColor!.value)).toEqual([32, 33, 34, 35, 36, 37, 38, 39]);
    expect(last.attributes.getSourcePosition!.value.buffer).toBe(data.attributes.getSourcePosition!.value.buffer);
    expect(last.refOf!(1)).toEqual({ kind: 'flow', id: '1:pair9' });
    expect(last.refOf!(2)).toBeNull();
    expect(Array.from(last.rowCounts!)).toEqual([8, 9]);
    // Rebuilt from the same arcs, the very same pieces: deck.gl keeps their buffers.
    expect(dataPieces(data, 4)).toBe(pieces);
  });

  it('gives a big dataset one arc layer per piece, before its dots', () => {
    // Each row a pair of its own: origins on a grid of 0.1°.
    const rows = Array.from(
      { length: ARCS_PER_LAYER + 5 },
      (_, i) => `"${20 + (i % 400) / 10}, ${20 + Math.floor(i / 400) / 10}",Kazakhstan,1`,
    );
    const csv = ['origin,destination,value', ...rows].join('\n');
    const layers = build({ id: 6, name: 'grid.csv', ...(parseCsv(csv, null, GAZETTEER) as ImportResult) });
    const arcLayers = layers.filter((l) => l.id.startsWith('imported-flows-6'));
    expect(arcLayers.map((l) => l.id)).toEqual(['imported-flows-6', 'imported-flows-6/1']);
    expect(arcLayers.map((l) => (l.props.data as { length: number }).length)).toEqual([ARCS_PER_LAYER, 5]);
    expect(layers.slice(0, 2)).toEqual(arcLayers);
  });
});

describe('standby layers (made at startup so an import finds its pipelines ready)', () => {
  const layout = (layer: { props: { data: unknown } }) =>
    Object.entries((layer.props.data as BinaryData).attributes)
      .map(([name, { value, size }]) => `${name}:${value.constructor.name}×${size}`)
      .sort();

  it('match the kind and attribute types of each layer an import draws, and draw nothing', () => {
    const real = build(dataset(7, 30, true));
    const standby = importedStandbyLayers('labels');
    expect(standby.map((l) => l.constructor.name)).toEqual(real.map((l) => l.constructor.name));
    standby.forEach((layer, i) => expect(layout(layer)).toEqual(layout(real[i]!)));
    expect(standby.map((l) => (l.props.data as BinaryData).length)).toEqual([0, 0, 0]);
    // Drawn (empty): a hidden layer never makes its pipeline.
    expect(standby.every((l) => l.props.visible)).toBe(true);
  });
});
