// Builds the atlas once per test file from data/ and the npm geodata (no network, no shared/).
import { buildAtlas } from '../../../scripts/dataset/build-atlas.ts';
import { buildAtlasInputs } from '../../../scripts/dataset/inputs.ts';
import type { AtlasInputs } from '../../../scripts/dataset/build-atlas.ts';
import type { AtlasData } from '../../../src/core/atlas.ts';

let cached: { inputs: AtlasInputs; atlas: AtlasData } | undefined;

export function builtAtlas(): { inputs: AtlasInputs; atlas: AtlasData } {
  if (!cached) {
    const inputs = buildAtlasInputs();
    cached = { inputs, atlas: buildAtlas(inputs) };
  }
  return cached;
}
