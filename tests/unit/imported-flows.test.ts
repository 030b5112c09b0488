import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import type { ImportedDataset } from '../../src/model/imported-datasets.ts';
import { visibleRows } from '../../src/model/imported-datasets.ts';
import { flowPairRef, flowPlaceRef, marksAt, parseImportedRef } from '../../src/model/imported-flows.ts';
import {
  arcWidths,
  crowdedMax,
  flowMapData,
  FULL_SIZE_MARKS,
  MAX_ARC_PX,
  MIN_ARC_PX,
  nodeRadii,
} from '../../src/layers/flow-map-data.ts';
import { importedFocus, importedRefRows, markStrength, throughSummary } from '../../src/model/imported-through.ts';
import { visiblePairs } from '../../src/model/imported-flows.ts';
import { importedPanel, importedThroughSections } from '../../src/model/imported-panels.ts';
import { hoverSummary } from '../../src/model/panel-model.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import { UNCLUSTERED } from '../../src/model/flow-clusters.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';
import { builtAtlas } from './dataset/fixture.ts';

const { atlas } = builtAtlas();
const sectorIds = GAZETTEER.sectors.map((s) => s.id);
const all = { sectors: null, time: ALL_TIME };
const dataset = (id: number, lines: string[]): ImportedDataset => ({
  id,
  name: `d${id}.csv`,
  ...(parseCsv(lines.join('\n'), null, GAZETTEER) as ImportResult),
});
const marksOf = (d: ImportedDataset, level = UNCLUSTERED) =>
  marksAt(d.rows, visibleRows(d.rows, all, sectorIds).flows, level);

const USD = dataset(1, [
  'origin,destination,value,unit,label',
  'Tehran,Kazakhstan,100,USD,first',
  'Tehran,Kazakhstan,300,USD,second',
  'Gilan,Kazakhstan,100,USD,third',
  'Kazakhstan,Gilan,50,USD,fourth',
  'Tehran,Tehran,7,USD,inside',
  'Fars,,,,a place',
]);

describe('flow marks', () => {
  const marks = marksOf(USD);

  it('draw one arc per pair (none for a pair that starts and ends at one place) and a node per place', () => {
    expect(marks.count).toBe(3);
    expect([...marks.rowCounts]).toEqual([2, 1, 1]);
    expect([...marks.totals]).toEqual([400, 100, 50]);
    expect(marks.nodes.clusters.length).toBe(3); // Tehran, Kazakhstan, Gilan
  });

  it('width by total when one unit: linear, the largest at the cap, never under 1 px', () => {
    expect([...arcWidths(marks)]).toEqual([MAX_ARC_PX, MAX_ARC_PX / 4, MAX_ARC_PX / 8]);
    const tiny = marksOf(dataset(2, ['origin,destination,value,unit', 'Tehran,KAZ,1000,USD', 'Fars,KAZ,1,USD']));
    expect(arcWidths(tiny)[1]).toBe(MIN_ARC_PX);
  });

  it('width by row count when units are mixed: totals of different units are never added', () => {
    const mixed = marksOf(
      dataset(3, ['origin,destination,value,unit', 'Tehran,KAZ,1000000,USD', 'Fars,KAZ,1,tonnes', 'Fars,KAZ,1,tonnes']),
    );
    expect(mixed.unit).toBe(-2);
    expect([...arcWidths(mixed)]).toEqual([MAX_ARC_PX / 2, MAX_ARC_PX]);
  });

  it('size dots by area: in and out at a place', () => {
    const radii = nodeRadii(marks);
    // Tehran: 400 out + 7 in and out; Kazakhstan: 500 in + 50 out; Gilan: 100 out + 50 in.
    const k = marks.nodes.clusters.length;
    expect(k).toBe(3);
    expect(Math.max(...radii)).toBeCloseTo(14);
    expect(radii[1]! / radii[2]!).toBeCloseTo(Math.sqrt(550 / 150), 5);
  });

  it('shrink the widest arc and the largest dot when marks crowd, keeping the proportions', () => {
    expect(crowdedMax(FULL_SIZE_MARKS, MAX_ARC_PX, MIN_ARC_PX)).toBe(MAX_ARC_PX);
    expect(crowdedMax(4 * FULL_SIZE_MARKS, MAX_ARC_PX, MIN_ARC_PX)).toBeCloseTo(MAX_ARC_PX / 2);
    expect(crowdedMax(1e6, MAX_ARC_PX, MIN_ARC_PX)).toBe(MIN_ARC_PX);
    // 2,000 pairs of their own between 4,000 places, one unit: values 1..2000.
    const lines = ['origin,destination,value,unit'];
    for (let i = 0; i < 2000; i++)
      lines.push(`"${30 + i / 1000}, ${50 + i / 1000}","${40 + i / 1000}, ${60 + i / 1000}",${i + 1},USD`);
    const crowded = marksOf(dataset(9, lines));
    expect(crowded.count).toBe(2000);
    const widths = arcWidths(crowded);
    expect(Math.max(...widths)).toBeCloseTo(MAX_ARC_PX / 2);
    expect(widths[999]! / widths[1999]!).toBeCloseTo(1000 / 2000, 5);
    const radii = nodeRadii(crowded);
    expect(Math.max(...radii)).toBeCloseTo(14 * Math.sqrt(FULL_SIZE_MARKS / crowded.nodes.clusters.length));
  });

  it('merge pairs between clusters at low zoom, and the arc still reaches every row behind it', () => {
    const many = dataset(4, [
      'origin,destination,value,unit',
      ...['Tehran', 'Alborz', 'Qom', 'Markazi', 'Semnan'].flatMap((p) => [
        `${p},Kazakhstan,1,USD`,
        `${p},Uzbekistan,1,USD`,
      ]),
    ]);
    const open = marksOf(many);
    expect(open.count).toBe(10);
    const out = marksOf(many, 8);
    expect(out.count).toBeLessThan(open.count);
    expect([...out.rowCounts].reduce((a, b) => a + b, 0) + 0).toBeLessThanOrEqual(10);
    const data = flowMapData(4, out, null, [], [0, 0, 0, 255]);
    const ref = data.arcs.refOf!(0)!;
    expect(ref.kind).toBe('flow-pair');
    const rows = importedRefRows(ref, [many], all, sectorIds)!.rows;
    expect(rows.length).toBe(out.rowCounts[0]);
    const panel = importedPanel(ref, { datasets: [many], filters: all, gazetteer: GAZETTEER, atlas, lang: 'en' })!;
    expect(JSON.stringify(panel)).toMatch(/From/);
    expect(panel.title).toMatch(/and \d+ more places/);
  });
});

describe('imported refs', () => {
  it('name arcs and places by dataset, level and keys, whatever the keys hold', () => {
    const ref = flowPairRef(7, 2, '35.7, 51.4', 'a:b>c');
    expect(parseImportedRef(ref)).toEqual({ datasetId: 7, level: 2, origin: '35.7, 51.4', destination: 'a:b>c' });
    expect(parseImportedRef(flowPlaceRef(7, 3, 'IR-01'))).toEqual({
      datasetId: 7,
      level: 3,
      origin: 'IR-01',
      destination: null,
    });
    expect(parseImportedRef({ kind: 'flow-pair', id: '7:3:IR-01' })).toBeNull();
    expect(parseImportedRef({ kind: 'flow-place', id: '7:3:%E0%A4%A' })).toBeNull();
  });
});

describe('everything through one place', () => {
  const marks = marksOf(USD);

  it('keeps a province’s imported flows strong, and fades the rest', () => {
    const focus = importedFocus({ kind: 'province', id: 'IR-01' }, atlas, [USD]);
    const strength = markStrength(marks, focus)!;
    expect([...strength.arcs]).toEqual([0, 1, 1]); // Tehran→KAZ fades; Gilan→KAZ and KAZ→Gilan stay
    expect(markStrength(marks, importedFocus(null, atlas, [USD]))).toBeNull();
    // A corridor is not an imported flow's end: all imported flows fade.
    expect([...markStrength(marks, importedFocus({ kind: 'corridor', id: 'instc' }, atlas, [USD]))!.arcs]).toEqual([
      0, 0, 0,
    ]);
  });

  it('a partner reaches the flows of its ports too; a selected arc reaches only its own rows', () => {
    const aktau = dataset(5, ['origin,destination', 'Tehran,aktau', 'Tehran,Uzbekistan']);
    const m = marksOf(aktau);
    expect([...markStrength(m, importedFocus({ kind: 'partner', id: 'KAZ' }, atlas, [aktau]))!.arcs]).toEqual([1, 0]);
    const arc = flowMapData(1, marks, null, [], [0, 0, 0, 255]).arcs.refOf!(1)!;
    expect([...markStrength(marks, importedFocus(arc, atlas, [USD]))!.arcs]).toEqual([0, 1, 0]);
  });

  it('sums rows in and out, totals by unit and the top counterparts', () => {
    const summary = throughSummary(
      USD,
      visiblePairs(USD.rows, visibleRows(USD.rows, all, sectorIds).flows),
      new Set(['KAZ']),
    )!;
    expect(summary.rowsIn).toBe(3);
    expect(summary.rowsOut).toBe(1);
    expect(summary.byUnit).toEqual([{ unit: 'USD', out: 50, in: 500 }]);
    expect(summary.top.map((t) => t.key)).toEqual(['IR-23', 'IR-01']);
    const sections = importedThroughSections(
      { kind: 'partner', id: 'KAZ' },
      { datasets: [USD], filters: all, gazetteer: GAZETTEER, atlas, lang: 'en' },
    );
    expect(sections[0]!.heading).toBe('Imported flows through here');
    expect(JSON.stringify(sections)).toContain('rows out: 1, in: 3');
  });
});

describe('the panel of an imported arc', () => {
  const many = dataset(6, [
    'origin,destination,value,unit,label',
    ...Array.from({ length: 60 }, (_, i) => `Tehran,Kazakhstan,${i % 2 ? 1 : 2},${i % 2 ? 'USD' : 't'},row ${i}`),
  ]);
  const ref = flowMapData(6, marksOf(many), null, [], [0, 0, 0, 255]).arcs.refOf!(0)!;
  const panel = importedPanel(ref, { datasets: [many], filters: all, gazetteer: GAZETTEER, atlas, lang: 'en' })!;

  it('says the ends, a count for mixed units, the first 50 rows, how many more, and a way to the table', () => {
    expect(panel.title).toBe('Tehran → Kazakhstan');
    expect(panel.sections[0]!.items[0]!.text).toBe('60 rows, mixed units');
    const rows = panel.sections[1]!.items;
    expect(rows.filter((i) => i.text.startsWith('row ')).length).toBe(50);
    expect(rows.some((i) => i.text === 'and 10 more rows')).toBe(true);
    expect(rows.at(-1)!.action).toBe('open-table');
  });

  it('gives the hover card the total and the first row labels, without the table button', () => {
    const hover = hoverSummary(panel, 'en');
    expect(hover.sections[0]!.items.map((i) => i.text)).toEqual(['60 rows, mixed units', 'row 0', 'row 1', 'row 2']);
  });

  it('totals a single unit', () => {
    const usd = importedPanel(flowMapData(1, marksOf(USD), null, [], [0, 0, 0, 255]).arcs.refOf!(0)!, {
      datasets: [USD],
      filters: all,
      gazetteer: GAZETTEER,
      atlas,
      lang: 'en',
    })!;
    expect(usd.sections[0]!.items[0]).toEqual({ text: '400 USD', detail: '2 rows' });
  });
});

describe('the atlas focus of an imported place', () => {
  it('is that of the province, partner or place it is, where nothing merges; nothing fades for a cluster', async () => {
    const { focusOf } = await import('../../src/model/focus.ts');
    const gilan = focusOf({ kind: 'province', id: 'IR-01' }, atlas)!;
    expect(focusOf(flowPlaceRef(1, UNCLUSTERED, 'IR-01'), atlas)).toEqual(gilan);
    expect(focusOf(flowPlaceRef(1, 8, 'IR-01'), atlas)).toBeNull();
    expect(focusOf(flowPairRef(1, UNCLUSTERED, 'IR-01', 'KAZ'), atlas)).toBeNull();
  });
});
