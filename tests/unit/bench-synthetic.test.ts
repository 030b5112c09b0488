import { describe, expect, it } from 'vitest';
import { mulberry32, syntheticCsv, syntheticCsvParts, syntheticFlows } from '../../src/bench/synthetic.ts';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';
import { parseView } from '../../src/state/url-state.ts';
import { STANDARD_VIEW } from '../../src/bench/contract.ts';
import { pagePath } from '../../scripts/bench/page-run.ts';

describe('benchmark data', () => {
  it('uses the public mulberry32 sequence', () => {
    const random = mulberry32(4242);
    const first = [random(), random(), random()];
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(4242)()).toBe(first[0]);
  });

  it('gives the app, through its importer, the very arcs the bare page draws', () => {
    const flows = syntheticFlows(500);
    const result = parseCsv(syntheticCsv(flows), null, GAZETTEER) as ImportResult;
    expect(result.errors).toEqual([]);
    expect(result.rows.count).toBe(500);
    flows.forEach((flow, i) => {
      expect([result.rows.origins[2 * i], result.rows.origins[2 * i + 1]]).toEqual(flow.source);
      expect([result.rows.destinations[2 * i], result.rows.destinations[2 * i + 1]]).toEqual(flow.target);
    });
  });

  it('makes the same CSV a part at a time', () => {
    const parts = [...syntheticCsvParts(500, 13, 64)];
    expect(parts).toHaveLength(1 + Math.ceil(500 / 64));
    expect(parts.join('')).toBe(syntheticCsv(syntheticFlows(500, 13)));
  });
});

describe('the bench pages', () => {
  it('opens the app at the contract camera, where the bare page is created', () => {
    const view = new URLSearchParams(pagePath('app', 10).replace(/^\?/, '')).get('view');
    expect(parseView(view ?? '')).toEqual({ center: STANDARD_VIEW.center, zoom: STANDARD_VIEW.zoom });
  });
});
