// Loads the built files the app draws: the region basemap (TopoJSON, as GeoJSON) and the atlas.
import { ATLAS_DATA_PATH, type AtlasData } from '../core/atlas.ts';
import { REGION_TOPOLOGY_PATH } from '../core/geodata.ts';
import { isRegionTopology, regionFromTopology, type Region } from '../core/region.ts';
import { loadJson } from './data-source.ts';

export async function loadRegion(): Promise<Region> {
  const topology = await loadJson(REGION_TOPOLOGY_PATH);
  if (!isRegionTopology(topology)) throw new Error('not a region topology');
  return regionFromTopology(topology);
}

export async function loadAtlas(): Promise<AtlasData> {
  const atlas = (await loadJson(ATLAS_DATA_PATH)) as AtlasData;
  if (!Array.isArray(atlas?.provinces) || !Array.isArray(atlas.links)) throw new Error('not atlas data');
  return atlas;
}
