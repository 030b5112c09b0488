// Composition root: loads fonts, geodata and the dataset, reads the URL into the store, and wires
// the map, the render and the features to it. State changes go through the store; pixels come
// from `render` (src/render/render.ts) alone.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
import { EMPTY_SESSION, type EntityRef } from './state/state.ts';
import { createStore } from './state/store.ts';
import { parseLang, parseUrlState } from './state/url-state.ts';
import { entityBounds, resolveEntity } from './model/selectors.ts';
import { t } from './core/i18n/i18n.ts';
import { LIGHT_THEME } from './core/theme.ts';
import type { LonLat } from './core/geodata.ts';
import { configureMaplibreWorker } from './map/worker-url.ts';
import { applyLanguage, showNotice, showStatus } from './ui/chrome.ts';
import { loadFonts } from './ui/fonts.ts';
import { loadAtlas, loadRegion } from './data/load.ts';
import { createRenderer } from './render/render.ts';
import { createChromeControls } from './features/chrome-controls.ts';
import { clickFromPick, hoverFromPick, mountMap } from './features/map-mount.ts';
import { bindPngExport } from './features/png-export-menu.ts';
import { installTestHandle } from './features/test-handle.ts';
import { createPresenter } from './features/presenter.ts';
import { createAnalyst } from './features/analyst.ts';

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
  const theme = LIGHT_THEME;
  const parsed = parseUrlState(location.search, {
    sectorIds: atlas.sectors.map((s) => s.id),
    corridorIds: atlas.corridors.map((c) => c.id),
    resolve: (id) => resolveEntity(id, atlas),
  });
  const store = createStore(parsed.state, EMPTY_SESSION);
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
    const bounds = ref && fly ? entityBounds(ref, atlas) : null;
    if (bounds) view.flyTo(bounds as [number, number, number, number] | LonLat);
  }
  const elements = { hoverCard: byId('hover-card'), sidePanel: byId('side-panel'), embedLegend: byId('embed-legend') };
  const fitRegion = () => view.fitRegion();
  const chrome = createChromeControls({ store, atlas, theme, select, fitRegion });
  const renderer = createRenderer({ atlas, region, theme, view, chrome, elements, select });
  const analyst = createAnalyst({ atlas, store, renderer, theme, select });
  const setView = view.setView;
  const presenter = createPresenter({ atlas, store, renderer, page: parsed.page, reducedMotion, setView, notice });
  renderer.render(store.get(), null);
  store.subscribe(renderer.render);
  await presenter.start();

  // The still picture cannot be exported, measured on or refitted: those buttons go.
  if (!mapView) for (const id of ['export-png', 'measure-toggle', 'fit-region']) byId(id).hidden = true;
  const exportPng = mapView
    ? bindPngExport({
        view: mapView,
        layers: renderer.layers,
        lang: () => store.get().app.lang,
        legend: () => renderer.legend(store.get()),
        dataDate: atlas.dataDate,
        elements: { button: byId('export-png'), menu: byId('export-menu'), map, status, notices },
      })
    : () => Promise.reject(new Error('no live map to export'));
  const importFile = analyst.importFile;
  const selectId = (id: string | null) => select(id ? resolveEntity(id, atlas) : null, true);
  installTestHandle({ view, store, layers: renderer.layers, select: selectId, onHover, exportPng, importFile });
  await view.ready;
  showStatus(status, null);
  document.documentElement.dataset['mapState'] = mapView ? 'ready' : 'static';
  presenter.announceReady();
}

void start();
