// The built data, bundled into the single-file build only (see data-source.ts).
import region from '../../public/geo/region.topo.json';
import atlas from '../../public/data/atlas.json';
import stories from '../../public/data/stories.json';
import gazetteer from '../../public/data/gazetteer.json';
import { ATLAS_DATA_PATH, GAZETTEER_DATA_PATH } from '../core/atlas.ts';
import { REGION_TOPOLOGY_PATH } from '../core/geodata.ts';
import { STORIES_DATA_PATH } from '../core/stories.ts';

export const EMBEDDED_DATA: Record<string, unknown> = {
  [REGION_TOPOLOGY_PATH]: region,
  [ATLAS_DATA_PATH]: atlas,
  [STORIES_DATA_PATH]: stories,
  [GAZETTEER_DATA_PATH]: gazetteer,
};
