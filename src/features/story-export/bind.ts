// Wires the slides-and-images menu to the store: a scene is played by putting its state in the
// store (the render draws it) and its camera on the map; afterwards what was on screen comes back.
// The menu's own module loads when the menu first opens (or an export is asked for), not with the page.
import type { Store } from '../../state/store.ts';
import type { AtlasData } from '../../core/atlas.ts';
import { STORIES_DATA_PATH, type Story } from '../../core/stories.ts';
import { loadJson } from '../../data/data-source.ts';
import { panelModel } from '../../model/panel-model.ts';
import { sceneView } from '../../model/story-scene.ts';
import type { MapView } from '../../map/map-view.ts';
import type { Renderer } from '../../render/render.ts';
import { bindMenu } from '../../ui/menu.ts';
import { showNotice } from '../../ui/chrome.ts';
import type { StoryExportDeps, StoryExportMenu, StoryExports } from './menu.ts';

export interface StoryExportWiring {
  store: Store;
  renderer: Renderer;
  atlas: AtlasData;
  view: MapView;
  notices: HTMLElement;
}

const byId = (id: string) => document.getElementById(id)!;

/** Resolves after maplibre is idle and deck.gl has drawn a frame since `count`. */
function drawnAfter(view: MapView, count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (view.renderCount() > count && view.map.loaded() ? resolve() : requestAnimationFrame(check));
    view.map.once('idle', () => requestAnimationFrame(check));
    view.map.triggerRepaint();
  });
}

export function bindStoryExports({ store, renderer, atlas, view, notices }: StoryExportWiring): StoryExports {
  const elements = {
    button: byId('story-export'),
    menu: byId('story-export-menu'),
    progress: byId('story-export-progress'),
    notices,
  };
  const deps: StoryExportDeps = {
    atlas,
    view,
    layers: renderer.layers,
    legend: () => renderer.legend(store.get()),
    panel: () => {
      const { app } = store.get();
      return app.selection ? panelModel(app.selection, renderer.panelContext(app.lang)) : null;
    },
    applyScene: (scene) => {
      const count = view.renderCount();
      const { view: camera, ...state } = sceneView(scene, atlas);
      store.update(state);
      view.setView(camera, false);
      return drawnAfter(view, count);
    },
    lang: () => store.get().app.lang,
    theme: () => renderer.theme(store.get()),
    stories: () => loadJson(STORIES_DATA_PATH) as Promise<Story[]>,
    snapshot: () => {
      const before = store.get().app;
      return () => {
        store.update(before);
        view.setView(before.view, false);
      };
    },
    dataDate: atlas.dataDate,
  };
  let loading: Promise<StoryExportMenu> | null = null;
  // A failed load (the network gone since the page loaded) is said once and tried again on the next use.
  const load = () =>
    (loading ??= import('./menu.ts')
      .then((menu) => menu.createStoryExportMenu(elements, deps))
      .catch((error: unknown) => {
        loading = null;
        showNotice(notices, store.get().app.lang, 'deck.failed');
        throw error;
      }));
  bindMenu(elements.button, elements.menu, async () => (await load()).items());
  return {
    exportDeck: async (...args) => (await load()).exportDeck(...args),
    exportImages: async (...args) => (await load()).exportImages(...args),
    exportVideo: async (...args) => (await load()).exportVideo(...args),
    exportPrint: async (...args) => (await load()).exportPrint(...args),
    cancel: () =>
      void loading?.then(
        (menu) => menu.cancel(),
        () => undefined,
      ),
  };
}
