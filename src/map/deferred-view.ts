// An AtlasView whose code loads on demand (the still picture, needed only without WebGL): calls made
// before it arrives are replayed in order once it has, so the app drives it as if it were there.
import type { AtlasView } from './map-view.ts';

export function deferredView(loading: Promise<AtlasView>): AtlasView {
  let view: AtlasView | null = null;
  let queued: ((view: AtlasView) => void)[] = [];
  const arrived = loading.then((loaded) => {
    view = loaded;
    for (const call of queued) call(loaded);
    queued = [];
    return loaded;
  });
  const call = (action: (view: AtlasView) => void) => (view ? action(view) : void queued.push(action));
  return {
    ready: arrived.then((loaded) => loaded.ready),
    setLayers: (layers) => call((v) => v.setLayers(layers)),
    renderCount: () => view?.renderCount() ?? 0,
    setLanguage: (lang) => call((v) => v.setLanguage(lang)),
    // Nothing is drawn yet to project onto.
    project: (lonLat) => view?.project(lonLat) ?? [Number.NaN, Number.NaN],
    flyTo: (target) => call((v) => v.flyTo(target)),
    setView: (camera, animate) => call((v) => v.setView(camera, animate)),
    fitRegion: () => call((v) => v.fitRegion()),
    setTheme: (theme) => call((v) => v.setTheme(theme)),
  };
}
