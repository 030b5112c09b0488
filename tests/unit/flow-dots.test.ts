// Place dots of an imported flow map show where places stand apart on screen and hide where they would
// carpet the map (src/model/flow-clusters.ts `meanSpacingPx`, src/layers/imported-layers.ts).
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import type { ImportedDataset } from '../../src/model/imported-datasets.ts';
import { meanSpacingPx, MIN_DOT_SPACING_PX, UNCLUSTERED } from '../../src/model/flow-clusters.ts';
import { buildImportedLayers } from '../../src/layers/imported-layers.ts';
import { NODES } from '../../src/layers/imported-pick.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';

const dataset = (id: number, lines: string[]): ImportedDataset => ({
  id,
  name: `d${id}.csv`,
  ...(parseCsv(lines.join('\n'), null, GAZETTEER) as ImportResult),
});

/** The dataset's dots layer at a zoom bucket (4 a zoom level). */
const dotsLayer = (d: ImportedDataset, zoomBucket: number) =>
  buildImportedLayers(
    [d],
    { sectors: null, time: ALL_TIME },
    GAZETTEER,
    new Map(),
    LIGHT_THEME,
    'before',
    UNCLUSTERED,
    null,
    zoomBucket,
  ).find((layer) => layer.id === `${NODES}${d.id}`)!;

/** Whether the dots are drawn, and then with every dot's data: hidden ones hand deck.gl none to upload. */
const dotsShown = (d: ImportedDataset, zoomBucket: number) => {
  const { visible, data } = dotsLayer(d, zoomBucket).props as { visible: boolean; data: { length: number } };
  expect(data.length > 0).toBe(visible);
  return visible;
};

describe('place dots of an imported flow map', () => {
  it('measure the mean spacing of places over their box, doubling with each zoom level', () => {
    const square = Float64Array.from([50, 30, 60, 30, 50, 40, 60, 40]);
    const at0 = meanSpacingPx(square, 4, 0);
    expect(at0).toBeGreaterThan(0);
    expect(meanSpacingPx(square, 4, 3)).toBeCloseTo(8 * at0, 6);
    expect(meanSpacingPx(square, 16, 0)).toBeCloseTo(at0 / 2, 6);
    expect(meanSpacingPx(square, 1, 0)).toBe(Infinity);
  });

  it('show for a few provinces and partners, hide for thousands of scattered places until zoomed in', () => {
    const few = dataset(1, ['origin,destination,value', 'Tehran,Kazakhstan,5', 'Gilan,Uzbekistan,3', 'Fars,KAZ,2']);
    expect(dotsShown(few, 14)).toBe(true);
    const lines = ['origin,destination,value'];
    for (let i = 0; i < 5000; i++)
      lines.push(`"${26 + (i % 113) / 9}, ${46 + (i % 127) / 9}","${37 + (i % 89) / 6}, ${47 + (i % 97) / 3}",1`);
    const scattered = dataset(2, lines);
    expect(meanSpacingPx(Float64Array.from([46, 26, 80, 54]), 10_000, 3.5)).toBeLessThan(MIN_DOT_SPACING_PX);
    expect(dotsShown(scattered, 14)).toBe(false);
    expect(dotsShown(scattered, 24)).toBe(true);
  });
});
