// The one render: from a store snapshot to every view. It derives the view models through memoised
// selectors and calls every layer builder; `setLayers` is called from here alone. Whatever did not
// change keeps its identity, so a hover redraws the hover card and nothing else.
import type { Layer } from '@deck.gl/core';
import type { Snapshot } from '../state/store.ts';
import { writeUrlState } from '../state/url-state.ts';
import { sameRef, themeIdOf, type AppState, type EntityRef, type ImportedDataset } from '../state/state.ts';
import type { AtlasData } from '../core/atlas.ts';
import type { Region } from '../core/region.ts';
import { THEMES, type Theme } from '../core/theme.ts';
import type { Bilingual } from '../core/geodata.ts';
import type { Lang } from '../core/i18n/i18n.ts';
import { memoLast, stableShallow } from '../core/memo.ts';
import {
  hoverSummary,
  panelModel,
  type PanelContext,
  type PanelModel,
  type PanelSection,
} from '../model/panel-model.ts';
import { legendModel, type LegendGroup } from '../model/legend-model.ts';
import { BASEMAP_LAYER_IDS } from '../layers/basemap-style.ts';
import { buildLayers } from '../layers/build-layers.ts';
import { FLOW_MOTION_LAYER_ID, flowMotionLayer, STILL_PHASE } from '../layers/flow-motion.ts';
import type { AtlasView } from '../map/map-view.ts';
import { applyLanguage } from '../ui/chrome.ts';
import { renderHoverCard, renderSidePanel } from '../ui/panel-view.ts';
import { renderLegend } from '../ui/legend-view.ts';

/** What a feature adds to the picture; each part is a function of the snapshot. */
export interface RenderPart {
  /** Layers drawn over the atlas's own, below the basemap's labels. */
  layers?(now: Snapshot, beforeId: string): Layer[];
  /** A view of the feature's own (a drawer, a readout), given the snapshot before (null on the first render). */
  view?(now: Snapshot, before: Snapshot | null): void;
  /** The legend as this part shows it, given the groups so far; the same array when it changes nothing. */
  legend?(groups: LegendGroup[], app: Omit<AppState, 'view'>, datasets: ImportedDataset[], theme: Theme): LegendGroup[];
  /** The panel of an imported row, `flow` ids. */
  flowPanel?(id: string, lang: Lang): PanelModel | null;
  /** The panel of an imported arc or place (`flow-pair`, `flow-place`). */
  importedPanel?(ref: EntityRef, lang: Lang): PanelModel | null;
  /** "Imported flows through here", for a province's, partner's or place's panel. */
  importedSections?(ref: EntityRef, lang: Lang): PanelSection[];
}

/** The layer panel and search: rebuilt when their words or the imported dates change, synced otherwise. */
export interface ChromeView {
  /** The layer panel and search for a language, theme and data; `legend` gives the legend for a state. */
  rebuild(app: AppState, datasets: ImportedDataset[], theme: Theme, legend: (app: AppState) => LegendGroup[]): void;
  /** `reducedMotion`: the system asks for it, so "Animate flows" is disabled. */
  update(app: AppState, reducedMotion: boolean): void;
}

export interface RenderTargets {
  atlas: AtlasData;
  region: Region;
  view: AtlasView;
  chrome: ChromeView;
  elements: { hoverCard: HTMLElement; sidePanel: HTMLElement; embedLegend: HTMLElement };
  /** Selection from a panel's links (with the camera) and the panel's close button. */
  select(ref: EntityRef | null, fly: boolean): void;
}

export interface Renderer {
  render(now: Snapshot, before: Snapshot | null): void;
  add(part: RenderPart): void;
  /** The layers last handed to the map, moving dots at their still phase (what exports draw). */
  layers(): Layer[];
  /** The layers last handed to the map, as they are (moving dots at the clock's phase): the test handle's. */
  drawnLayers(): Layer[];
  legend(now: Snapshot): LegendGroup[];
  /** The theme drawn for a snapshot. */
  theme(now: Snapshot): Theme;
  panelContext(lang: Lang): PanelContext;
}

export function createRenderer(targets: RenderTargets): Renderer {
  const { atlas, region, view, chrome, elements } = targets;
  const corridorIds = atlas.corridors.map((c) => c.id);
  // The address bar shows the state, so a reload or a shared link opens the same view.
  const writeUrl = (app: AppState) =>
    history.replaceState(history.state, '', writeUrlState(location.search, app, corridorIds) + location.hash);
  const parts: RenderPart[] = [];
  const countryNames = new Map<string, Bilingual>(
    region.countries.map((c) => [c.properties.id, { fa: c.properties.fa, en: c.properties.en }]),
  );
  const panelContext = (lang: Lang): PanelContext => ({
    atlas,
    lang,
    countryName: (id) => countryNames.get(id),
    flowPanel: (id, language) => parts.find((p) => p.flowPanel)?.flowPanel?.(id, language) ?? null,
    importedPanel: (ref, language) => parts.find((p) => p.importedPanel)?.importedPanel?.(ref, language) ?? null,
    importedSections: (ref, language) => parts.flatMap((p) => p.importedSections?.(ref, language) ?? []),
  });
  // What is drawn does not depend on the camera: a pan keeps the same layers and legend.
  const drawnState = stableShallow<Omit<AppState, 'view'>>();
  const withoutCamera = ({ view: _camera, ...drawn }: AppState) => drawnState(drawn);
  const themeOf = ({ app, session }: Snapshot) => THEMES[themeIdOf(app, session)];
  const atlasLayers = memoLast((drawn: Omit<AppState, 'view'>, theme: Theme) =>
    buildLayers(drawn, { region, atlas, theme }),
  );
  const baseLegend = memoLast((app: Omit<AppState, 'view'>, datasets: ImportedDataset[], theme: Theme) =>
    legendModel(
      app,
      atlas,
      theme,
      datasets.map((d) => d.name),
    ),
  );
  // Parts may change the legend (the comparison's classes and counts while two periods are compared).
  const legend = (app: Omit<AppState, 'view'>, datasets: ImportedDataset[], theme: Theme) =>
    parts.reduce(
      (groups, part) => part.legend?.(groups, app, datasets, theme) ?? groups,
      baseLegend(app, datasets, theme),
    );
  // Imported datasets and the filters are inputs: a row's panel, an imported arc's rows and the flows through
  // a place read them.
  const modelOf = (
    ref: EntityRef | null,
    lang: Lang,
    _datasets: ImportedDataset[],
    _sectors: AppState['sectors'],
    _time: AppState['time'],
  ) => (ref ? panelModel(ref, panelContext(lang)) : null);
  const sidePanel = memoLast(modelOf);
  const hoverPanel = memoLast(modelOf);
  // The moving dots: the one layer a tick of the flow clock rebuilds (the atlas's layers keep their identity).
  const motion = memoLast((app: Omit<AppState, 'view'>, theme: Theme, phase: number) =>
    flowMotionLayer(app, atlas, theme, phase, BASEMAP_LAYER_IDS.countryLabels),
  );
  const stillMotion = memoLast((app: Omit<AppState, 'view'>, theme: Theme) =>
    flowMotionLayer(app, atlas, theme, STILL_PHASE, BASEMAP_LAYER_IDS.countryLabels),
  );
  const moving = ({ app, session }: Snapshot) => app.animate && !session.reducedMotion;
  let drawn: Layer[] = [];
  let lastMotion: boolean | undefined;
  let shownPanel: PanelModel | null | undefined;
  let lastDrawn: Omit<AppState, 'view'> | undefined;
  let lastLegend: LegendGroup[] | undefined;
  let lastSnapshot: Snapshot | undefined;

  const drawLayers = (now: Snapshot, drawnApp: Omit<AppState, 'view'>, theme: Theme) => {
    const beforeId = BASEMAP_LAYER_IDS.countryLabels;
    const dots = moving(now) ? [motion(drawnApp, theme, now.session.motionPhase)] : [];
    const next = [
      ...atlasLayers(drawnApp, theme),
      ...dots,
      ...parts.flatMap((part) => part.layers?.(now, beforeId) ?? []),
    ];
    if (next.length === drawn.length && next.every((layer, i) => layer === drawn[i])) return;
    drawn = next;
    view.setLayers(drawn);
  };

  const renderHover = ({ app, session }: Snapshot) => {
    const hovered = sameRef(session.hover, app.selection)
      ? null
      : hoverPanel(session.hover, app.lang, session.datasets, app.sectors, app.time);
    renderHoverCard(elements.hoverCard, hovered && hoverSummary(hovered, app.lang), session.pointer);
  };

  return {
    add: (part) => void parts.push(part),
    drawnLayers: () => drawn,
    layers: () => {
      const { app } = lastSnapshot ?? { app: null };
      if (!app || !drawn.some((layer) => layer.id === FLOW_MOTION_LAYER_ID)) return drawn;
      const still = stillMotion(withoutCamera(app), themeOf(lastSnapshot!));
      return drawn.map((layer) => (layer.id === FLOW_MOTION_LAYER_ID ? still : layer));
    },
    legend: (now) => legend(withoutCamera(now.app), now.session.datasets, themeOf(now)),
    theme: themeOf,
    panelContext,
    render(now, before) {
      const { app, session } = now;
      lastSnapshot = now;
      const relabel = !before || app.lang !== before.app.lang;
      if (relabel) {
        applyLanguage(app.lang);
        view.setLanguage(app.lang);
      }
      const theme = themeOf(now);
      const rethemed = !before || theme !== themeOf(before);
      if (rethemed) {
        document.documentElement.dataset['theme'] = theme.id;
        if (before) view.setTheme(theme); // the first theme was the map's from the start
      }
      if (relabel || rethemed || session.datasets !== before?.session.datasets)
        chrome.rebuild(app, session.datasets, theme, (current) =>
          legend(withoutCamera(current), lastSnapshot?.session.datasets ?? [], theme),
        );
      const drawn = withoutCamera(app);
      drawLayers(now, drawn, theme);
      const selected = sidePanel(app.selection, app.lang, session.datasets, app.sectors, app.time);
      if (selected !== shownPanel) {
        shownPanel = selected;
        renderSidePanel(elements.sidePanel, selected, app.lang, {
          onSelect: (ref) => targets.select(ref, true),
          onClose: () => targets.select(null, false),
        });
      }
      const motionChanged = session.reducedMotion !== lastMotion;
      // A part loaded on demand may change the legend with nothing else changed (the comparison's classes).
      const shownLegend = legend(drawn, session.datasets, theme);
      if (drawn !== lastDrawn || rethemed || motionChanged || shownLegend !== lastLegend) {
        lastDrawn = drawn;
        lastMotion = session.reducedMotion;
        lastLegend = shownLegend;
        chrome.update(app, session.reducedMotion);
        renderLegend(elements.embedLegend, shownLegend);
      }
      renderHover(now);
      for (const part of parts) part.view?.(now, before);
      if (!before || app !== before.app) writeUrl(app);
    },
  };
}
