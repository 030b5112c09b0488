// Composition root: loads fonts, geodata and the dataset, reads the URL into the store, and wires
// the map, the render and the features to it. State changes go through the store; pixels come
// from `render` (src/render/render.ts) alone.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
import { EMPTY_SESSION, themeIdOf, type EntityRef } from './state/state.ts';
import { createStore } from './state/store.ts';
import { parseLang, parseUrlState } from './state/url-state.ts';
import { entityBounds, resolveEntity } from './model/selectors.ts';
import { t } from './core/i18n/i18n.ts';
import { THEMES } from './core/theme.ts';
import { focusBounds } from './model/focus.ts';
import { configureMaplibreWorker } from './map/worker-url.ts';
import { applyLanguage, showNotice, showStatus } from './ui/chrome.ts';
import { loadFonts } from './ui/fonts.ts';
import { loadAtlas, loadRegion } from './data/load.ts';
import { createRenderer } from './render/render.ts';
import { createChromeControls } from './features/chrome-controls.ts';
import { clickFromPick, hoverFromPick, mountMap } from './features/map-mount.ts';
import { bindExports } from './features/exports.ts';
import { followSystemTheme, systemTheme } from './features/system-theme.ts';
import { installTestHandle } from './features/test-handle.ts';
import { startFlowClock } from './features/flow-clock.ts';
import { createPresenter } from './features/presenter.ts';
import { createAnalyst } from './features/analyst.ts';
import { bindLegendBox } from './ui/legend-box.ts';

const byId = (id: string): HTMLElement => document.getElementById(id)!;
const [status, notices, map] = [byId('status'), byId('notices'), byId('map')];

async function start(): Promise<void> {
  // Only the bench build has bench mode (the constant condition drops it from dist/ and the single file);
  // it drives the app through the test handle, like the tests.
  if (import.meta.env.MODE === 'bench') (await import('./bench/app-bench.ts')).installAppBench(location.search);
  const initialLang = parseLang(location.search);
  applyLanguage(initialLang);
  showStatus(status, t(initialLang, 'app.loading'));
  const loaded = await Promise.all([loadRegion(), loadAtlas(), loadFonts(), configureMaplibreWorker()]).catch(
    (error: unknown) => (console.error('data failed to load', error), null),
  );
  if (!loaded) return showStatus(status, t(initialLang, 'error.data'), 'error');
  const [region, atlas] = loaded;
  const parsed = parseUrlState(location.search, {
    sectorIds: atlas.sectors.map((s) => s.id),
    corridorIds: atlas.corridors.map((c) => c.id),
    resolve: (id) => resolveEntity(id, atlas),
  });
  const store = createStore(parsed.state, { ...EMPTY_SESSION, systemTheme: systemTheme() });
  followSystemTheme(store);
  startFlowClock(store);
  const theme = THEMES[themeIdOf(store.get().app, store.get().session)];
  const notice = (key: Parameters<typeof showNotice>[2]) => showNotice(notices, store.get().app.lang, key);
  parsed.notices.forEach(notice);
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const onHover = hoverFromPick(store);
  // Clicks and selections run on user input, after everything below exists.
  const onClick = clickFromPick({ mapClick: (info, lonLat) => analyst.mapClick(info, lonLat) }, (ref) =>
    select(ref, false),
  );
  const { view, mapView } = mountMap({
    container: map,
    status,
    region,
    atlas,
    theme,
    store,
    parsed,
    reducedMotion,
    onHover,
    onClick,
    onSelect: (ref) => select(ref, false),
  });
  function select(ref: EntityRef | null, fly: boolean): void {
    store.update({ selection: ref });
    // Framed with what it connects to, inside the part of the map the panels leave free.
    const bounds = ref && fly ? (focusBounds(ref, atlas) ?? entityBounds(ref, atlas)) : null;
    if (bounds) view.flyTo(bounds);
  }
  const elements = { hoverCard: byId('hover-card'), sidePanel: byId('side-panel'), embedLegend: byId('embed-legend') };
  const fitRegion = () => view.fitRegion();
  const chrome = createChromeControls({ store, atlas, select, fitRegion });
  const renderer = createRenderer({ atlas, region, view, chrome, elements, select });
  const analyst = createAnalyst({ atlas, store, renderer, select, setView: view.setView });
  const setView = view.setView;
  const presenter = createPresenter({ atlas, store, renderer, page: parsed.page, reducedMotion, setView, notice });
  bindLegendBox(byId('legend-toggle'), elements.embedLegend, { embed: parsed.page.embed });
  renderer.render(store.get(), null);
  store.subscribe(renderer.render);
  await presenter.start();
  // A deep link's selection lands as a search does: framed with its connections, unless the link fixes the view.
  const { selection, story } = store.get().app;
  if (selection && !story && !parsed.hasView) select(selection, true);

  const { exportPng, storyExports } = bindExports({
    mapView,
    store,
    renderer,
    atlas,
    elements: { map, status, notices },
  });
  const importFile = analyst.importFile;
  const selectId = (id: string | null) => select(id ? resolveEntity(id, atlas) : null, true);
  const handle = { view, store, layers: renderer.drawnLayers, select: selectId, onHover, exportPng, importFile };
  installTestHandle({ ...handle, ...(storyExports ? { storyExports } : {}) });
  await view.ready;
  showStatus(status, null);
  document.documentElement.dataset['mapState'] = mapView ? 'ready' : 'static';
  presenter.announceReady();
}

void start();
