// Entry point: loads fonts, geodata and the dataset, reads the URL into state, and wires state to
// the map, the panels and the controls. All drawing decisions live in pure builders.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { sameRef, type AppState, type EntityRef, type ViewState } from './state/state.ts';
import { parseLang, parseUrlState, writeUrlState } from './state/url-state.ts';
import { entityBounds, resolveEntity } from './model/selectors.ts';
import type { Region } from './core/region.ts';
import { placeLabelFeatures } from './model/place-labels.ts';
import { t, type Lang } from './core/i18n/i18n.ts';
import { BASEMAP_LAYER_IDS, buildBasemapStyle } from './layers/basemap-style.ts';
import { buildLayers, entityFromPick } from './layers/build-layers.ts';
import { tryCreateMapView, type AtlasView } from './map/map-view.ts';
import { createStaticView } from './map/static-map.ts';
import { LIGHT_THEME } from './core/theme.ts';
import type { AtlasData } from './core/atlas.ts';
import type { Bilingual, LonLat } from './core/geodata.ts';
import { applyLanguage, bindChrome, showNotice, showStatus } from './ui/chrome.ts';
import { loadAtlas, loadRegion } from './data/load.ts';
import { bindPngExport } from './features/png-export-menu.ts';
import { installTestHandle } from './features/test-handle.ts';
import { createControls, type ControlsView } from './ui/controls-panel.ts';
import { loadFonts } from './ui/fonts.ts';
import { hoverSummary, panelModel, type PanelContext } from './model/panel-model.ts';
import { renderHoverCard, renderSidePanel } from './ui/panel-view.ts';
import { createSearchBox } from './ui/search-box.ts';
import { legendModel } from './model/legend-model.ts';
import { renderLegend } from './ui/legend-view.ts';
import { createPresenter, type Presenter } from './features/presenter.ts';
import { createAnalyst, type Analyst } from './features/analyst.ts';
import { configureMaplibreWorker } from './map/worker-url.ts';

const byId = (id: string): HTMLElement => document.getElementById(id)!;
const ui = {
  map: byId('map'),
  hoverCard: byId('hover-card'),
  sidePanel: byId('side-panel'),
  controls: byId('controls'),
  controlsToggle: byId('controls-toggle'),
  search: byId('search-box'),
  status: byId('status'),
  notices: byId('notices'),
  langSwitch: byId('lang-switch'),
  embedLegend: byId('embed-legend'),
  fit: byId('fit-region'),
};

function hasWebGL2(): boolean {
  return document.createElement('canvas').getContext('webgl2') !== null;
}

async function start(): Promise<void> {
  // Bench mode installs the measurement contract before anything else loads; only in the bench
  // build (the constant condition drops the bench code, and its worker, from dist/ and the single file).
  const params = new URLSearchParams(location.search);
  const benchN = params.get('bench') === '1' ? Number(params.get('n') ?? '0') || 0 : null;
  const bench =
    import.meta.env.MODE !== 'bench' || benchN === null
      ? null
      : (await import('./bench/app-bench.ts')).installAppBench(benchN);
  const initialLang = parseLang(location.search);
  applyLanguage(initialLang);
  showStatus(ui.status, t(initialLang, 'app.loading'));
  // Without WebGL the data, the chrome and the table still load; the map becomes a still picture.
  const webgl = hasWebGL2();
  let region: Region;
  let atlas: AtlasData;
  try {
    [, region, atlas] = await Promise.all([loadFonts(), loadRegion(), loadAtlas(), configureMaplibreWorker()]);
  } catch (error) {
    console.error('data failed to load', error);
    showStatus(ui.status, t(initialLang, 'error.data'), 'error');
    return;
  }

  const corridorIds = atlas.corridors.map((c) => c.id);
  const parsed = parseUrlState(location.search, {
    sectorIds: atlas.sectors.map((s) => s.id),
    corridorIds,
    resolve: (id) => resolveEntity(id, atlas),
  });
  let state: AppState = { ...parsed.state, hover: null };
  for (const key of parsed.notices) showNotice(ui.notices, state.lang, key);

  const countryNames = new Map<string, Bilingual>(
    region.countries.map((c) => [c.properties.id, { fa: c.properties.fa, en: c.properties.en }]),
  );
  const panelContext = (): PanelContext => ({
    atlas,
    lang: state.lang,
    countryName: (id) => countryNames.get(id),
    flowPanel: (id, lang) => analyst?.flowPanel(id, lang) ?? null,
  });
  const layerContext = { region, atlas, theme: LIGHT_THEME };
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  let pointer: [number, number] = [0, 0];
  let lastLayers: Layer[] = [];

  const mapView = !webgl
    ? null
    : tryCreateMapView({
        container: ui.map,
        style:
          import.meta.env['VITE_BASEMAP_STYLE_URL'] ||
          buildBasemapStyle({ ...region.basemap, places: placeLabelFeatures(atlas) }, LIGHT_THEME, state.lang),
        lang: state.lang,
        view: parsed.hasView ? state.view : (bench?.view ?? null),
        reducedMotion,
        onHover: (info: PickingInfo) => onHover(info),
        onClick: (info: PickingInfo, lonLat: LonLat) => {
          if (!analyst?.mapClick(info, lonLat)) select(entityFromPick(info), false);
        },
        onViewChange: (next: ViewState) => {
          state = { ...state, view: next };
          writeUrl();
        },
        onContext: (lost) => {
          showStatus(ui.status, lost ? t(state.lang, 'map.contextLost') : null);
          document.documentElement.dataset['mapState'] = lost ? 'lost' : 'ready';
        },
      });
  const view: AtlasView =
    mapView ??
    createStaticView({
      container: ui.map,
      region,
      atlas,
      theme: LIGHT_THEME,
      lang: state.lang,
      state: () => state,
      onSelect: (ref) => select(ref, false),
    });

  function onHover(info: PickingInfo): void {
    bench?.hoverProbe.ran();
    pointer = [info.x, info.y];
    const hover = entityFromPick(info);
    if (!sameRef(hover, state.hover)) state = { ...state, hover };
    renderHover();
  }
  const legend = (current: AppState) => legendModel(current, atlas, LIGHT_THEME, analyst?.datasetNames() ?? []);
  const renderLayers = () => {
    lastLayers = [...buildLayers(state, layerContext), ...(analyst?.layers(BASEMAP_LAYER_IDS.countryLabels) ?? [])];
    view.setLayers(lastLayers);
  };
  const renderHover = () => {
    const model =
      state.hover && !sameRef(state.hover, state.selection) ? panelModel(state.hover, panelContext()) : null;
    renderHoverCard(ui.hoverCard, model && hoverSummary(model, state.lang), pointer);
  };
  const renderPanel = () => {
    const model = state.selection ? panelModel(state.selection, panelContext()) : null;
    renderSidePanel(ui.sidePanel, model, state.lang, {
      onSelect: (ref) => select(ref, true),
      onClose: () => select(null, false),
    });
  };
  const writeUrl = () =>
    history.replaceState(history.state, '', writeUrlState(location.search, state, corridorIds) + location.hash);

  let controls: ControlsView;
  let presenter: Presenter | undefined = undefined; // set once the chrome exists; `update` may run before
  let analyst: Analyst | undefined = undefined;
  const buildChrome = () => {
    controls = createControls(ui.controls, atlas, state.lang, LIGHT_THEME, {
      onLayer: (group, visible) => update({ layers: { ...state.layers, [group]: visible } }),
      onCorridor: (id, visible) =>
        update({
          corridors: visible
            ? corridorIds.filter((c) => c === id || state.corridors.includes(c))
            : state.corridors.filter((c) => c !== id),
        }),
      onSectors: (sectors) => update({ sectors }),
      onTime: (time) => update({ time }),
      onMetric: (metric) => update({ metric }),
      legend: (current) => legend(current),
      extraDates: analyst?.dateRange() ?? [],
    });
    createSearchBox(ui.search, atlas, state.lang, (ref) => select(ref, true));
  };

  /** Applies a change and redraws what depends on it; hover alone never comes through here. */
  const update = (patch: Partial<AppState>) => {
    const before = state;
    state = { ...state, ...patch };
    if (state.lang !== before.lang) {
      applyLanguage(state.lang);
      view.setLanguage(state.lang);
      buildChrome();
      presenter?.relabel();
    }
    const drawn: (keyof AppState)[] = ['selection', 'layers', 'corridors', 'sectors', 'time', 'metric'];
    if (drawn.some((key) => state[key] !== before[key])) renderLayers();
    if (state.lang !== before.lang || !sameRef(state.selection, before.selection)) renderPanel();
    renderHover();
    controls.update(state);
    renderLegend(ui.embedLegend, legend(state));
    void analyst?.refresh(before);
    writeUrl();
  };

  const select = (ref: EntityRef | null, fly: boolean) => {
    update({ selection: ref });
    const bounds = ref && fly ? entityBounds(ref, atlas) : null;
    if (bounds) view.flyTo(bounds as [number, number, number, number] | LonLat);
  };

  buildChrome();
  analyst = createAnalyst({
    atlas,
    state: () => state,
    select: (ref, fly) => select(ref, fly),
    panelContext,
    theme: LIGHT_THEME,
    redraw: () => {
      renderLayers();
      renderPanel();
    },
    datasetsChanged: () => {
      buildChrome(); // the time slider's range and the legend follow the imported data
      controls.update(state);
      renderLegend(ui.embedLegend, legend(state));
    },
  });
  presenter = createPresenter(
    { atlas, corridorIds, state: () => state, update, setView: (v, animate) => view.setView(v, animate) },
    reducedMotion,
  );
  if (mapView) bench?.startImport((file, options) => analyst!.importFile(file, options));
  renderLayers();
  renderPanel();
  controls!.update(state);
  renderLegend(ui.embedLegend, legend(state));
  writeUrl();
  await presenter.start();

  // The still picture cannot be exported, measured on or refitted: those buttons go.
  if (!mapView) for (const id of ['export-png', 'measure-toggle', 'fit-region']) byId(id).hidden = true;
  const exportPng = mapView
    ? bindPngExport({
        view: mapView,
        layers: () => lastLayers,
        lang: () => state.lang,
        legend: () => legend(state),
        dataDate: atlas.dataDate,
        elements: {
          button: byId('export-png'),
          menu: byId('export-menu'),
          map: ui.map,
          status: ui.status,
          notices: ui.notices,
        },
      })
    : () => Promise.reject(new Error('no live map to export'));
  bindChrome(ui, {
    switchLanguage: () => update({ lang: (state.lang === 'fa' ? 'en' : 'fa') as Lang }),
    fitRegion: () => view.fitRegion(),
    escape: () => {
      if (state.selection) select(null, false);
    },
    pointerLeftMap: () => {
      state = { ...state, hover: null };
      renderHover();
    },
  });
  installTestHandle({
    view,
    state: () => state,
    layers: () => lastLayers,
    select: (id) => select(id ? resolveEntity(id, atlas) : null, true),
    onHover,
    exportPng,
  });
  await view.ready;
  showStatus(ui.status, null);
  document.documentElement.dataset['mapState'] = mapView ? 'ready' : 'static';
  presenter.announceReady();
  if (mapView)
    await bench?.complete({
      map: mapView.map,
      overlay: mapView.overlay,
      importFile: (file, options) => analyst!.importFile(file, options),
      layersLoaded: () => lastLayers.every((layer) => layer.isLoaded),
      renderCount: mapView.renderCount,
    });
}

void start();
