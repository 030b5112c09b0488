import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import type { ImportedDataset } from '../../src/model/imported-datasets.ts';
import { buildImportedLayers, prepareImportedData } from '../../src/layers/imported-layers.ts';
import type { BinaryData } from '../../src/layers/imported-pick.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';

function dataset(id: number, rows: number): ImportedDataset {
  const lines = ['origin,destination,value', ...Array.from({ length: rows }, (_, i) => `Tehran,Kazakhstan,${i + 1}`)];
  return { id, name: `d${id}.csv`, ...(parseCsv(lines.join('\n'), null, GAZETTEER) as ImportResult) };
}

const build = (d: ImportedDataset) =>
  buildImportedLayers([d], { sectors: null, time: ALL_TIME }, GAZETTEER, new Map(), LIGHT_THEME, 'labels');

describe('imported layers', () => {
  it('highlight on hover for small sets, and not for big ones (each highlight redraws the frame)', () => {
    const [smallArcs, smallDots] = build(dataset(1, 20));
    expect(smallArcs!.props.autoHighlight).toBe(true);
    expect(smallDots!.props.autoHighlight).toBe(true);
    const [bigArcs, bigDots] = build(dataset(2, 5001));
    expect(bigArcs!.props.autoHighlight).toBe(false);
    expect(bigDots!.props.autoHighlight).toBe(false);
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
    const [arcs, dots] = build(d);
    expect(arcs!.props.data).toBe(prepared.flows);
    expect(dots!.props.data).toBe(prepared.places);
    // Built at once, the same rows give the same attributes.
    const fresh = build(dataset(5, 3 * 4096))[0]!.props.data as unknown as BinaryData;
    expect(prepared.flows.length).toBe(3 * 4096);
    expect(prepared.flows.attributes).toEqual(fresh.attributes);
  });
});
