// Reads, validates and checks data/stories/*.json against the built atlas.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AtlasData } from '../../src/core/atlas.ts';
import type { Story } from '../../src/core/stories.ts';
import { LAYER_GROUPS, resolveEntity } from '../../src/core/entities.ts';
import { REGION_EXTENT } from '../../src/core/geodata.ts';
import { bilingual } from './schema.ts';
import { ValidationError, validateFile } from './load.ts';

const [[west, south], [east, north]] = REGION_EXTENT;
const scene = z
  .object({
    caption: bilingual,
    view: z
      .object({
        center: z.tuple([z.number().min(west).max(east), z.number().min(south).max(north)]),
        zoom: z.number().min(1.5).max(10),
      })
      .strict(),
    select: z.string().nullable(),
    layers: z.array(z.enum(LAYER_GROUPS)).optional(),
    sectors: z.array(z.string()).optional(),
    corridors: z.array(z.string()).optional(),
    animate: z.boolean().optional(),
  })
  .strict();
export const storyFile = z
  .object({ id: z.string().regex(/^[a-z0-9-]+$/), title: bilingual, scenes: z.array(scene).min(1) })
  .strict();

export function loadStories(atlas: AtlasData, dir = 'data/stories'): Story[] {
  const problems: string[] = [];
  const stories: Story[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = path.join(dir, name);
    const { data, problems: schemaProblems } = validateFile(file, JSON.parse(fs.readFileSync(file, 'utf8')), storyFile);
    problems.push(...schemaProblems);
    if (!data) continue;
    if (`${data.id}.json` !== name) problems.push(`${file}: (file): id "${data.id}" must match the file name`);
    data.scenes.forEach((s, i) => {
      const at = `${file}: scenes[${i}]`;
      if (s.select !== null && !resolveEntity(s.select, atlas)) problems.push(`${at}.select: unknown id "${s.select}"`);
      for (const id of s.sectors ?? [])
        if (!atlas.sectors.some((x) => x.id === id)) problems.push(`${at}.sectors: unknown sector "${id}"`);
      for (const id of s.corridors ?? [])
        if (!atlas.corridors.some((x) => x.id === id)) problems.push(`${at}.corridors: unknown corridor "${id}"`);
    });
    stories.push(data as Story);
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return stories;
}
