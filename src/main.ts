// Entry point: reads the URL, loads fonts and geodata, creates the map, and wires state to view.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
import type { PickingInfo } from '@deck.gl/core';
import { initialState, type AppState } from './app/state.ts';
import { parseUrlState, writeUrlState } from './app/url-state.ts';
import { isRegionTopology, regionFromTopology, type ProvinceFeature, type Region } from './geo/region.ts';
import { t, type Lang } from './i18n/i18n.ts';
import { buildBasemapStyle } from './map/basemap-style.ts';
import { buildLayers } from './map/layers/build-layers.ts';
import { createMapView, type MapView } from './map/map-view.ts';
import { LIGHT_THEME } from './map/theme.ts';
import { REGION_TOPOLOGY_PATH, type LonLat } from './model/geodata.ts';
import { applyLanguage, showNotice, showStatus } from './ui/chrome.ts';
import { loadFonts } from './ui/fonts.ts';
import { renderTooltip } from './ui/tooltip.ts';

const byId = (id: string): HTMLElement => document.getElementById(id)!;
const ui = {
  map: byId('map'),
  tooltip: byId('tooltip'),
  status: byId('status'),
  notices: byId('notices'),
  langSwitch: byId('lang-switch'),
};

/** Hooks for tests and the benchmark: readiness, projection and a read-only view of state. */
export interface AtlasHandle {
  ready: Promise<void>;
  state(): AppState;
  project(lonLat: LonLat): [number, number];
  view: MapView;
}
declare global {
  interface Window {
    __atlas?: AtlasHandle;
  }
}

async function loadRegion(): Promise<Region> {
  const response = await fetch(new URL(REGION_TOPOLOGY_PATH, document.baseURI));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const topology: unknown = await response.json();
  if (!isRegionTopology(topology)) throw new Error('not a region topology');
  return regionFromTopology(topology);
}

function hasWebGL2(): boolean {
  return document.createElement('canvas').getContext('webgl2') !== null;
}

async function start(): Promise<void> {
  const parsed = parseUrlState(location.search);
  let state = initialState(parsed.lang);
  applyLanguage(state.lang);
  for (const key of parsed.notices) showNotice(ui.notices, state.lang, key);
  showStatus(ui.status, t(state.lang, 'app.loading'));

  if (!hasWebGL2()) {
    showStatus(ui.status, t(state.lang, 'error.webgl'), 'error');
    return;
  }
  let region: Region;
  try {
    [, region] = await Promise.all([loadFonts(), loadRegion()]);
  } catch (error) {
    console.error('geodata failed to load', error);
    showStatus(ui.status, t(state.lang, 'error.geodata'), 'error');
    return;
  }

  const onlineStyle: string | undefined = import.meta.env['VITE_BASEMAP_STYLE_URL'] || undefined;
  const view = createMapView({
    container: ui.map,
    style: onlineStyle ?? buildBasemapStyle(region.basemap, LIGHT_THEME, state.lang),
    lang: state.lang,
  });

  let pointer: [number, number] = [0, 0];
  const renderHover = (): void => {
    const province = region.provinces.find((p) => p.properties.id === state.hoveredId);
    if (!province) return renderTooltip(ui.tooltip, null);
    const other: Lang = state.lang === 'fa' ? 'en' : 'fa';
    renderTooltip(
      ui.tooltip,
      { title: province.properties[state.lang], subtitle: `${t(state.lang, 'tooltip.province')} · ${province.properties[other]}` },
      ...pointer,
    );
  };
  const onProvinceHover = (info: PickingInfo<ProvinceFeature>): void => {
    pointer = [info.x, info.y];
    const hoveredId = info.object?.properties.id ?? null;
    if (hoveredId !== state.hoveredId) state = { ...state, hoveredId };
    renderHover();
  };
  const render = (): void => view.setLayers(buildLayers(state, { region, theme: LIGHT_THEME, onProvinceHover }));
  render();

  ui.langSwitch.addEventListener('click', () => {
    state = { ...state, lang: state.lang === 'fa' ? 'en' : 'fa' };
    applyLanguage(state.lang);
    view.setLanguage(state.lang);
    history.replaceState(null, '', writeUrlState(location.search, state) + location.hash);
    renderHover();
    render();
  });

  window.__atlas = { ready: view.ready, state: () => state, project: view.project, view };
  await view.ready;
  showStatus(ui.status, null);
  document.documentElement.dataset['mapState'] = 'ready';
}

void start();
