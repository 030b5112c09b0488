// Reads and validates every file under data/; a failure names the file, the record and the field.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import * as schema from './schema.ts';

export interface DatasetFiles {
  vocabulary: schema.VocabularyFile;
  sources: schema.SourcesFile;
  organisations: schema.OrganisationsFile;
  partners: schema.PartnersFile;
  facts: schema.FactsFile;
  links: schema.LinksFile;
  places: schema.PlacesFile;
  corridors: schema.CorridorsFile;
  caspian: schema.CaspianFile;
  speakers: schema.SpeakersFile;
  national: schema.NationalFile;
  claims: schema.ClaimsFile;
}

const FILES: { [K in keyof DatasetFiles]: [file: string, schema: z.ZodType<DatasetFiles[K]>] } = {
  vocabulary: ['vocabulary.json', schema.vocabularyFile],
  sources: ['sources.json', schema.sourcesFile],
  organisations: ['organisations.json', schema.organisationsFile],
  partners: ['partners.json', schema.partnersFile],
  facts: ['facts.json', schema.factsFile],
  links: ['links.json', schema.linksFile],
  places: ['places.json', schema.placesFile],
  corridors: ['corridors.json', schema.corridorsFile],
  caspian: ['caspian.json', schema.caspianFile],
  speakers: ['speakers.json', schema.speakersFile],
  national: ['national.json', schema.nationalFile],
  claims: ['claims.json', schema.claimsFile],
};

export class ValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Validates one parsed file; problems read `data/facts.json: facts[ea-carmakers].quantities.0.value: ...`. */
export function validateFile<T>(
  file: string,
  value: unknown,
  fileSchema: z.ZodType<T>,
): { data?: T; problems: string[] } {
  const result = fileSchema.safeParse(value);
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => `${file}: ${describePath(value, issue.path)}: ${issue.message}`);
  return { problems };
}

/** Turns `['facts', 3, 'text', 'fa']` into `facts[ea-carmakers].text.fa`, using the record's id when it has one. */
function describePath(root: unknown, issuePath: PropertyKey[]): string {
  let node = root as Record<PropertyKey, unknown> | undefined;
  let out = '';
  for (const key of issuePath) {
    const child = node?.[key as string] as Record<string, unknown> | undefined;
    if (typeof key === 'number') {
      const name =
        child && typeof child === 'object' && typeof child['id'] === 'string'
          ? child['id']
          : child && typeof child['place'] === 'string'
            ? child['place']
            : String(key);
      out += `[${name}]`;
    } else {
      out += out ? `.${String(key)}` : String(key);
    }
    node = child;
  }
  return out || '(file)';
}

export function loadDataset(dir = 'data'): DatasetFiles {
  const problems: string[] = [];
  const loaded: Partial<Record<keyof DatasetFiles, unknown>> = {};
  for (const [key, [file, fileSchema]] of Object.entries(FILES) as [
    keyof DatasetFiles,
    [string, z.ZodType<unknown>],
  ][]) {
    const where = path.join(dir, file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(where, 'utf8'));
    } catch (error) {
      problems.push(`${where}: (file): ${(error as Error).message}`);
      continue;
    }
    const result = validateFile(where, parsed, fileSchema);
    problems.push(...result.problems);
    loaded[key] = result.data;
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return loaded as DatasetFiles;
}
