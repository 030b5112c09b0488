// The two-year imported file the comparison tests share, parsed once, and its two periods.
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import type { ImportedDataset } from '../../src/model/imported-datasets.ts';
import { parseCompare } from '../../src/state/compare-state.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';

const FIXTURE = readFileSync(new URL('../fixtures/compare/two-years.csv', import.meta.url), 'utf8');

export const dataset: ImportedDataset = {
  id: 4,
  name: 'two-years.csv',
  ...(parseCsv(FIXTURE, null, GAZETTEER) as ImportResult),
};
export const sectorIds = GAZETTEER.sectors.map((s) => s.id);
export const compare = parseCompare('2024-01-01..2024-12-31~2025-01-01..2025-12-31')!;
