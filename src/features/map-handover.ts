// How the live map hands its layers to deck.gl once it has drawn (map-view.ts, `handover`), loaded then
// because the first frame needs none of it: big new data paced over frames (src/map/upload-pacing.ts), and
// after the app's layers, empty stand-ins of the imported layer kinds, so an import finds their GPU
// pipelines made (src/layers/imported-layer-kinds.ts).
import { importedStandbyLayers } from '../layers/imported-layer-kinds.ts';
import { BASEMAP_LAYER_IDS } from '../layers/basemap-style.ts';
import { pacedHandover } from '../map/upload-pacing.ts';
import type { CreateHandover } from '../map/map-view.ts';

export const createHandover: CreateHandover = (overlay, wanted) => {
  // Made per map: layers hold per-deck state.
  const standby = importedStandbyLayers(BASEMAP_LAYER_IDS.countryLabels);
  return pacedHandover(overlay, () => [...wanted(), ...standby], wanted());
};
