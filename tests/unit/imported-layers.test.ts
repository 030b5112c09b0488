import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import type { ImportedDataset } from '../../src/model/imported-datasets.ts';
import { buildImportedLayers, prepareImportedData } from '../../src/layers/imported-layers.ts';
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
