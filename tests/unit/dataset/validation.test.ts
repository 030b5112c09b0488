// Schema and integrity checks fail with messages that name the file, the record and the field.
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../scripts/dataset/integrity.ts';
import { loadDataset, validateFile } from '../../../scripts/dataset/load.ts';
import { factsFile, linksFile, placesFile } from '../../../scripts/dataset/schema.ts';
import { buildGeodataInputs } from '../../../scripts/geodata/inputs.ts';

const files = loadDataset();
const provinces = buildGeodataInputs().provinces;
const clone = <T>(value: T): T => structuredClone(value);

describe('schema validation', () => {
  it('accepts every file in data/', () => {
    expect(() => loadDataset()).not.toThrow();
  });

  it('names the file, the record and the field of a bad value', () => {
    const facts = clone(files.facts);
    facts.facts[0]!.text.fa = 'English only';
    facts.facts[1]!.quantities = [{ value: -5, unit: 'units' }];
    const { problems } = validateFile('data/facts.json', facts, factsFile);
    expect(problems).toContain(
      'data/facts.json: facts[fars-sector-capacities].text.fa: Persian text must be in Persian script',
    );
    expect(
      problems.some((p) => p.startsWith('data/facts.json: facts[fars-central-asia-role].quantities[0].value:')),
    ).toBe(true);
  });

  it('rejects a fact without sectors or sources, and unknown fields', () => {
    const facts = clone(files.facts);
    facts.facts[0]!.sectors = [];
    facts.facts[0]!.sources = [];
    (facts.facts[0] as Record<string, unknown>)['colour'] = 'red';
    const { problems } = validateFile('data/facts.json', facts, factsFile);
    expect(problems.join('\n')).toMatch(/fars-sector-capacities\]\.sectors: every fact has at least one sector/);
    expect(problems.join('\n')).toMatch(/fars-sector-capacities\]\.sources: every record cites at least one source/);
    expect(problems.join('\n')).toMatch(/fars-sector-capacities\]: Unrecognized key/);
  });

  it('rejects excerpts that are too long or not Persian, and coordinates off the globe', () => {
    const links = clone(files.links);
    links.links[0]!.sources = [{ report: '000_91fccc7aa06b482c.txt', excerpt: 'not a Persian quote' }];
    expect(validateFile('data/links.json', links, linksFile).problems.join('\n')).toMatch(
      /links\[fars-uzb-delegation\]\.sources\[0\]/,
    );
    const places = clone(files.places);
    places.places[0]!.lonLat = [56, 95];
    expect(validateFile('data/places.json', places, placesFile).problems.join('\n')).toMatch(
      /places\[bandar-abbas\]\.lonLat/,
    );
  });
});

describe('referential integrity', () => {
  it('holds for the shipped data', () => {
    expect(checkIntegrity(files, provinces)).toEqual([]);
  });

  it('reports unknown ids with file, record and field', () => {
    const broken = clone(files);
    broken.facts.facts.find((f) => f.id === 'ea-carmakers')!.sectors = ['cars'];
    broken.links.links.find((l) => l.id === 'ea-kaz-mining')!.to = 'KZX';
    broken.corridors.corridors[0]!.branches[0]!.nodes.push('atlantis');
    broken.facts.facts.push({ ...broken.facts.facts[0]! });
    expect(checkIntegrity(broken, provinces)).toEqual(
      expect.arrayContaining([
        'data/facts.json: ea-carmakers.sectors.0: unknown sector "cars"',
        'data/links.json: ea-kaz-mining.to: unknown partner or group "KZX"',
        'data/corridors.json: instc.sea-south.nodes.5: unknown place "atlantis"',
        'data/facts.json: fars-sector-capacities.id: duplicate id',
      ]),
    );
  });

  it('rejects a link dated after its report', () => {
    const broken = clone(files);
    broken.links.links.find((l) => l.id === 'fars-uzb-delegation')!.date = '2026-01-01';
    expect(checkIntegrity(broken, provinces)).toContain(
      "data/links.json: fars-uzb-delegation.date: 2026-01-01 is after its report's date 2025-11-09",
    );
  });
});
