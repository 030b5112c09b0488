// Everything the atlas build reads: the data files plus the province and country shapes of the basemap.
import type { Topology } from 'topojson-specification';
import { regionFromTopology, isRegionTopology } from '../../src/core/region.ts';
import { buildGeodataInputs } from '../geodata/inputs.ts';
import { buildRegionTopology } from '../geodata/region-topology.ts';
import type { AtlasInputs } from './build-atlas.ts';
import { loadDataset } from './load.ts';

/** Reads data/ and builds the inputs; `topology` may be passed when it is already built. */
export function buildAtlasInputs(topology?: Topology): AtlasInputs {
  const geodata = buildGeodataInputs();
  const topo = topology ?? buildRegionTopology(geodata);
  if (!isRegionTopology(topo)) throw new Error('region topology has the wrong shape');
  const region = regionFromTopology(topo);
  return {
    files: loadDataset(),
    provinceRecords: geodata.provinces,
    provinceShapes: region.provinces,
    countryShapes: region.countries,
  };
}
