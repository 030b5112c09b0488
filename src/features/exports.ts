// The export menus of the header: PNG of the view, and slides, images and video of a story. The
// still picture (no WebGL) cannot be exported: its buttons go, and so do measuring and refitting.
import type { Store } from '../state/store.ts';
import type { AtlasData } from '../core/atlas.ts';
import type { MapView } from '../map/map-view.ts';
import type { Renderer } from '../render/render.ts';
import { bindPngExport, type ExportPng } from './png-export-menu.ts';
import { bindStoryExports } from './story-export/bind.ts';
import type { StoryExports } from './story-export/menu.ts';

export interface ExportWiring {
  mapView: MapView | null;
  store: Store;
  renderer: Renderer;
  atlas: AtlasData;
  elements: { map: HTMLElement; status: HTMLElement; notices: HTMLElement };
}

const byId = (id: string) => document.getElementById(id)!;

export function bindExports(wiring: ExportWiring): { exportPng: ExportPng; storyExports?: StoryExports } {
  const { mapView, store, renderer, atlas, elements } = wiring;
  if (!mapView) {
    for (const id of ['export-png', 'story-export', 'measure-toggle', 'fit-region']) byId(id).hidden = true;
    return { exportPng: () => Promise.reject(new Error('no live map to export')) };
  }
  const exportPng = bindPngExport({
    view: mapView,
    layers: renderer.layers,
    lang: () => store.get().app.lang,
    theme: () => renderer.theme(store.get()),
    legend: () => renderer.legend(store.get()),
    dataDate: atlas.dataDate,
    elements: { ...elements, button: byId('export-png'), menu: byId('export-menu') },
  });
  const storyExports = bindStoryExports({ store, renderer, atlas, view: mapView, notices: elements.notices });
  return { exportPng, storyExports };
}
