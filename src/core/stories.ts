// Stories for presenters (public/data/stories.json, loaded only when a story is opened):
// titled sequences of scenes, each setting camera, layers, sectors, corridors, selection and caption.
import type { Bilingual, LonLat } from './geodata.ts';
import type { LayerGroup } from './entities.ts';

export const STORIES_DATA_PATH = 'data/stories.json';

export interface Scene {
  caption: Bilingual;
  view: { center: LonLat; zoom: number };
  /** An entity id (as in `?select=`), or null for no selection. */
  select: string | null;
  /** Visible layer groups; absent means all. */
  layers?: LayerGroup[];
  /** Active sectors; absent means all. */
  sectors?: string[];
  /** Visible corridors; absent means all. */
  corridors?: string[];
  /** Sets the flows moving ("Animate flows"); absent means still. */
  animate?: boolean;
}

export interface Story {
  id: string;
  title: Bilingual;
  scenes: Scene[];
}
