// `npm run data`: builds everything the app loads from data/ and npm packages into public/.
// Deterministic: the same inputs give byte-identical outputs.
import { writeJson } from './lib/io.ts';
import { buildGeodataInputs } from './geodata/inputs.ts';
import { buildRegionTopology } from './geodata/region-topology.ts';
import { REGION_TOPOLOGY_PATH } from '../src/model/geodata.ts';

function main(): void {
  const started = performance.now();
  const bytes = writeJson(`public/${REGION_TOPOLOGY_PATH}`, buildRegionTopology(buildGeodataInputs()));
  console.log(`data: public/${REGION_TOPOLOGY_PATH} ${(bytes / 1024).toFixed(0)} KiB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (error) {
  console.error(`data: ${(error as Error).message}`);
  process.exit(1);
}
