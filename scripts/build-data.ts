// `npm run data`: builds everything the app loads from data/ and npm packages into public/.
// Deterministic: the same inputs give byte-identical outputs. Any invalid record stops the build
// with `file: record.field: message` lines and exit code 1.
import { writeJson } from './lib/io.ts';
import { buildGeodataInputs } from './geodata/inputs.ts';
import { buildRegionTopology } from './geodata/region-topology.ts';
import { buildAtlas } from './dataset/build-atlas.ts';
import { buildAtlasInputs } from './dataset/inputs.ts';
import { ATLAS_DATA_PATH, GAZETTEER_DATA_PATH } from '../src/core/atlas.ts';
import { STORIES_DATA_PATH } from '../src/core/stories.ts';
import { loadStories } from './dataset/stories.ts';
import { buildGazetteer } from './dataset/gazetteer.ts';
import { isRegionTopology, regionFromTopology } from '../src/core/region.ts';

import { REGION_TOPOLOGY_PATH } from '../src/core/geodata.ts';

function main(): void {
  const started = performance.now();
  const topology = buildRegionTopology(buildGeodataInputs());
  const geoBytes = writeJson(`public/${REGION_TOPOLOGY_PATH}`, topology);
  if (!isRegionTopology(topology)) throw new Error('region topology has the wrong shape');
  const inputs = buildAtlasInputs(topology);
  const atlas = buildAtlas(inputs);
  const atlasBytes = writeJson(`public/${ATLAS_DATA_PATH}`, atlas);
  const gazetteer = buildGazetteer(atlas, regionFromTopology(topology).countries);
  writeJson(`public/${GAZETTEER_DATA_PATH}`, gazetteer);
  const stories = loadStories(atlas);
  writeJson(`public/${STORIES_DATA_PATH}`, stories);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(
    `data: public/${REGION_TOPOLOGY_PATH} ${kib(geoBytes)}, public/${ATLAS_DATA_PATH} ${kib(atlasBytes)} ` +
      `(${atlas.facts.length} facts, ${atlas.links.length} links, ${atlas.corridors.length} corridors, ${atlas.caspianRoutes.length} Caspian routes), ` +
      `${stories.length} stories, ${gazetteer.entries.length} gazetteer entries ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

try {
  main();
} catch (error) {
  console.error(`data: build failed\n${(error as Error).message}`);
  process.exit(1);
}
