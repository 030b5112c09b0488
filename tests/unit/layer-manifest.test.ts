// For each render scenario, the deck.gl layers built in Node for its URL, as a rounded text manifest compared
// with the committed tests/render/<scenario>/layers.txt. UPDATE_RENDER=1 rewrites them; a missing one fails.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionFromTopology, type RegionTopology } from '../../src/core/region.ts';
import { buildRegionTopology } from '../../scripts/geodata/region-topology.ts';
import { buildGeodataInputs } from '../../scripts/geodata/inputs.ts';
import { loadStories } from '../../scripts/dataset/stories.ts';
import { builtAtlas } from './dataset/fixture.ts';
import { layerManifest } from '../support/layer-manifest.ts';
import { readScenario, RENDER_ROOT, renderScenarios, updatingRender } from '../support/render-scenarios.ts';

const { atlas } = builtAtlas();
const region = regionFromTopology(buildRegionTopology(buildGeodataInputs()) as RegionTopology);
const stories = loadStories(atlas);
const scenarios = renderScenarios();

describe('layer manifest per render scenario', () => {
  it('has scenarios', () => expect(scenarios.length).toBeGreaterThan(0));

  it.each(scenarios)('%s matches layers.txt', (name) => {
    const file = path.join(RENDER_ROOT, name, 'layers.txt');
    const actual = layerManifest(name, readScenario(name).query, { atlas, region, stories });
    if (updatingRender()) {
      fs.writeFileSync(file, actual);
      return;
    }
    expect(
      fs.existsSync(file),
      `${file} is missing: run UPDATE_RENDER=1 npx vitest run --project unit tests/unit/layer-manifest.test.ts`,
    ).toBe(true);
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
  });
});
