// The comparison's words: the hover card, the change text the table shows, and the legend, which puts the
// classes with their counts first while comparing and drops the dataset's own entry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import { initialState, type ImportedDataset } from '../../src/state/state.ts';
import { parseCompare } from '../../src/state/compare-state.ts';
import { changeCard, changeText, compareHoverId, parseCompareHoverId } from '../../src/model/compare-view.ts';
import { datasetComparisons, legendWithImports } from '../../src/model/compare-selectors.ts';
import { builtAtlas } from './dataset/fixture.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';

const { atlas } = builtAtlas();
const text = readFileSync(new URL('../fixtures/compare/two-years.csv', import.meta.url), 'utf8');
const result = parseCsv(text, null, GAZETTEER) as ImportResult;
const dataset: ImportedDataset = { id: 1, name: 'two-years.csv', ...result };
const compare = parseCompare('2024-01-01..2024-12-31~2025-01-01..2025-12-31')!;
const state = {
  ...initialState(
    'en',
    atlas.corridors.map((c) => c.id),
  ),
  compare,
};
const sectorIds = atlas.sectors.map((s) => s.id);
const { comparison } = datasetComparisons([dataset], state, sectorIds)[0]!;
const more = comparison.pairs.find((p) => p.kind === 'more' && p.measure === 'total')!;

describe('the comparison in words', () => {
  it('writes the change absolute and in per cent, in both languages; new has no base', () => {
    expect(changeText('en', more)).toBe('+50 tonnes (+50 %)');
    expect(changeText('fa', more)).toBe('+۵۰ tonnes (+۵۰٪)');
    const fresh = comparison.pairs.find((p) => p.kind === 'new')!;
    expect(changeText('en', fresh)).toBe('+30 tonnes (no base to compare with)');
    const byRows = comparison.pairs.find((p) => p.measure === 'rows')!;
    expect(changeText('en', byRows)).toBe('+1 rows (+100 %)');
  });

  it('gives a hover card with A, B, the change and the class words', () => {
    const ref = { kind: 'flow' as const, id: compareHoverId(1, 'pair', 0) };
    const card = changeCard('en', ref, 'Tehran → Kazakhstan', more, compare);
    expect(card.sections[0]!.items.map((i) => i.text)).toEqual([
      'more',
      'Period A (1 January 2024 – 31 December 2024): 100 tonnes',
      'Period B (1 January 2025 – 31 December 2025): 150 tonnes',
      'Change: +50 tonnes (+50 %)',
    ]);
    expect(changeCard('fa', ref, 'x', more, compare).sections[0]!.items[0]!.text).toBe('بیشتر');
    expect(parseCompareHoverId(ref.id)).toEqual({ datasetId: 1, what: 'pair', index: 0 });
    expect(parseCompareHoverId('1:5')).toBeNull(); // an imported row's id is not a change
  });

  it('puts the classes with their counts first in the legend while comparing, without the dataset entry', () => {
    const groups = legendWithImports(state, atlas, LIGHT_THEME, [dataset]);
    expect(groups[0]!.heading).toBe('Change from period A to B (number of pairs)');
    expect(groups[0]!.entries.slice(0, 5).map((e) => e.label)).toEqual([
      'new (only in B): 1',
      'more: 2',
      'about the same (within 1%): 1',
      'less: 1',
      'gone (only in A): 1',
    ]);
    expect(groups.some((g) => g.entries.some((e) => e.label === 'two-years.csv'))).toBe(false);
    const normal = legendWithImports({ ...state, compare: null }, atlas, LIGHT_THEME, [dataset]);
    expect(normal.some((g) => g.entries.some((e) => e.label === 'two-years.csv'))).toBe(true);
  });
});
