// Wires the analysts' tools into the app: the table drawer (with its exports), the measure tool
// and imported datasets. Their code is loaded the first time it is used, so the map starts without it.
import type { AppState, EntityRef } from '../state/state.ts';
import type { AtlasData } from '../core/atlas.ts';
import type { PanelContext, PanelModel } from '../model/panel-model.ts';
import { t, type Lang } from '../core/i18n/i18n.ts';
import type { Theme } from '../core/theme.ts';
import { createImports } from './imports.ts';
import type { TableRecord } from '../model/table-model.ts';
import type { TableView } from '../ui/table-view.ts';
import type { MeasureTool } from './measure-tool.ts';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { LonLat } from '../core/geodata.ts';

export interface AnalystApi {
  atlas: AtlasData;
  state(): AppState;
  select(ref: EntityRef | null, fly: boolean): void;
  panelContext(): PanelContext;
  theme: Theme;
  /** Redraws the map's layers and panel (a tool's layers or the imported data changed). */
  redraw(): void;
  /** Imported datasets were added or removed. */
  datasetsChanged(): void;
}

export interface Analyst {
  /** Call after every state change (or imported data change) with the state before it. */
  refresh(before: AppState | null): void;
  /** Takes a map click when a tool wants it (the measure tool); false leaves it to selection. */
  mapClick(info: Pick<PickingInfo, 'layer' | 'object'>, lonLat: LonLat): boolean;
  /** The tools' own layers and imported data, drawn over the map's. */
  layers(beforeId: string): Layer[];
  /** The panel of an imported row. */
  flowPanel(id: string, lang: Lang): PanelModel | null;
  datasetNames(): string[];
  /** Earliest and latest dates of imported rows (none when undated or nothing is imported). */
  dateRange(): string[];
  /** Imports a file without the dialog (the benchmark's path); see `Imports.importFile`. */
  importFile(file: File, options?: { onMap?: boolean }): Promise<unknown>;
}

const byId = (id: string) => document.getElementById(id)!;

export function createAnalyst(api: AnalystApi): Analyst {
  const imports = createImports({
    atlas: api.atlas,
    theme: api.theme,
    state: api.state,
    changed: () => {
      api.redraw();
      api.datasetsChanged();
      void analyst.refresh(null);
    },
  });
  const toggle = byId('table-toggle');
  const panel = byId('table-panel');
  let table: TableView | null = null;
  let tableLang: string | null = null;

  const records = async (): Promise<TableRecord[]> => {
    const { atlasRecords } = await import('../model/table-model.ts');
    return [...atlasRecords(api.state(), api.panelContext()), ...imports.records()];
  };

  const build = async (): Promise<TableView> => {
    const [{ createTableView }, { exportRows }] = await Promise.all([
      import('../ui/table-view.ts'),
      import('./data-export.ts'),
    ]);
    const { lang } = api.state();
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, lang);
    const view = createTableView(panel, {
      lang,
      provinces: api.atlas.provinces.map((p) => ({ id: p.id, name: p.name[lang] })).sort(byName),
      partners: api.atlas.partners.map((p) => ({ id: p.id, name: p.name[lang] })).sort(byName),
      onSelect: (ref) => api.select(ref, true),
      onExport: (format, rows) => exportRows(format, rows, api.atlas),
      onClose: () => setOpen(false),
    });
    tableLang = lang;
    view.setRecords(await records());
    view.setSelection(api.state().selection);
    return view;
  };

  const setOpen = async (open: boolean): Promise<void> => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    document.documentElement.dataset['table'] = String(open);
    if (!open) {
      toggle.focus();
      return;
    }
    panel.setAttribute('aria-busy', 'true');
    if (table && tableLang === api.state().lang) {
      // Filters may have changed while it was closed.
      table.setRecords(await records());
      table.setSelection(api.state().selection);
    } else table = await build();
    panel.removeAttribute('aria-busy');
    table.focus();
  };
  toggle.addEventListener('click', () => void setOpen(Boolean(panel.hidden)));
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation(); // Esc closes the table, not the side panel behind it
    void setOpen(false);
  });
  panel.setAttribute('aria-label', t(api.state().lang, 'table.title'));

  const measureToggle = byId('measure-toggle');
  let measure: MeasureTool | null = null;
  measureToggle.addEventListener('click', async () => {
    if (!measure) {
      const { createMeasureTool } = await import('./measure-tool.ts');
      measure = createMeasureTool(
        byId('measure-readout'),
        () => api.state().lang,
        () => {
          measureToggle.setAttribute('aria-pressed', String(measure!.active));
          api.redraw();
        },
      );
    }
    measure.setActive(!measure.active);
  });

  const analyst: Analyst = {
    flowPanel: (id, lang) => imports.flowPanel(id, lang),
    datasetNames: () => imports.names(),
    dateRange: () => imports.dateRange(),
    importFile: (file, options) => imports.importFile(file, options),
    mapClick(info, lonLat) {
      if (!measure?.active) return false;
      measure.click(lonLat, info);
      return true;
    },
    layers: (beforeId) => [...imports.layers(beforeId), ...(measure?.layers(beforeId) ?? [])],
    async refresh(before) {
      const state = api.state();
      if (before && state.lang !== before.lang) panel.setAttribute('aria-label', t(state.lang, 'table.title'));
      if (!table || panel.hidden) return; // brought up to date when opened
      if (tableLang !== state.lang) {
        table = await build();
        return;
      }
      const filtersChanged =
        !before || (['sectors', 'time', 'corridors', 'layers'] as const).some((key) => state[key] !== before[key]);
      if (filtersChanged) table.setRecords(await records());
      if (!before || state.selection !== before.selection) table.setSelection(state.selection);
    },
  };
  return analyst;
}
