// The claims checklist (data/claims.json): every mappable claim of the five reports is held by a
// record or marked "not mapped" with a reason, and each record it names exists and cites that report.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimsFile, type ClaimsFile } from '../../../scripts/dataset/schema.ts';
import { validateFile } from '../../../scripts/dataset/load.ts';
import { builtAtlas } from './fixture.ts';

const { atlas } = builtAtlas();
const raw: unknown = JSON.parse(fs.readFileSync('data/claims.json', 'utf8'));
const claims = (raw as ClaimsFile).claims;
const recordOf = (ref: string) =>
  ref.startsWith('f:')
    ? atlas.facts.find((f) => f.id === ref.slice(2))
    : atlas.links.find((l) => l.id === ref.slice(2));

describe('claims checklist', () => {
  it('lists the 79 mappable claims of the review, by report', () => {
    const perReport = Object.fromEntries(
      ['000', '001', '002', '003', '004'].map((r) => [r, claims.filter((c) => c.id.startsWith(`${r}-`)).length]),
    );
    expect(perReport).toEqual({ '000': 10, '001': 26, '002': 15, '003': 12, '004': 16 });
    expect(new Set(claims.map((c) => c.id)).size).toBe(79);
  });

  it('maps every claim to records, or says why not', () => {
    expect(validateFile('data/claims.json', raw, claimsFile).problems).toEqual([]);
    const orphans = claims.filter((c) => (c.records ?? []).length === 0 && !c.notMapped);
    expect(orphans.map((c) => c.id)).toEqual([]);
  });

  it('names only records that exist and cite the claim’s own report', () => {
    for (const claim of claims) {
      for (const ref of claim.records ?? []) {
        const record = recordOf(ref);
        expect(record, `${claim.id} → ${ref}`).toBeDefined();
        const reports = record!.sources.flatMap((s) => ('report' in s ? [s.report.slice(0, 3)] : []));
        expect(reports, `${claim.id} → ${ref}`).toContain(claim.id.slice(0, 3));
      }
    }
  });

  it('fails on a claim with neither records nor a reason', () => {
    const broken = { claims: [{ id: '001-99', claim: 'x', persian: 'ی' }] };
    expect(validateFile('data/claims.json', broken, claimsFile).problems.join('\n')).toContain(
      'maps to records or says why',
    );
  });

  it('holds the claims the first dataset missed (review §6 MISSING)', () => {
    const missing = ['000-06', '001-02', '001-17', '002-07', '002-10', '003-05', '003-06', '004-09', '004-10'];
    for (const id of missing) expect(claims.find((c) => c.id === id)!.records!.length, id).toBeGreaterThan(0);
  });
});
