// Wires the analysts' tools into the app: the table drawer (with its exports), the measure tool
// and imported datasets. Their code is loaded the first time it is used, so the map starts without it.
import type { EntityRef, ViewState } from '../state/state.ts';
import type { Snapshot, Store } from '../state/store.ts';
import type { AtlasData } from '../core/atlas.ts';
import { t } from '../core/i18n/i18n.ts';
import { createImports } from './imports.ts';
import { createComparePart } from './compare-part.ts';
import type { TableSource } from '../model/table-source.ts';
import type { TableRecord } from '../model/table-model.ts';
import { nextTask } from '../core/work-slices.ts';
import type { TableView } from '../ui/table-view.ts';
import type { MeasureTool } from './measure-tool.ts';
import type { PickingInfo } from '@deck.gl/core';
import type { LonLat } from '../core/geodata.ts';
import type { Renderer } from '../render/render.ts';

export interface AnalystApi {
  atlas: AtlasData;
  store: Store;
  renderer: Renderer;
  select(ref: EntityRef | null, fly: boolean): void;
  /** Moves the camera (an opened workspace's view): the store follows the map, not the other way round. */
  setView(view: ViewState, animate: boolean): void;
}

export interface Analyst {
  /** Takes a map click when a tool wants it (the measure tool); false leaves it to selection. */
  mapClick(info: Pick<PickingInfo, 'layer' | 'object'>, lonLat: LonLat): boolean;
  /** Imports a file without the dialog (tests and the benchmark, through the test handle); see `Imports.importFile`. */
  importFile(file: File, options?: { onMap?: boolean }): Promise<unknown>;
}

const byId = (id: string) => document.getElementById(id)!;

/** What the table lists depends on these; the camera and the hover do not change it. */
const tableInputs = ({ app, session }: Snapshot) => [
  app.sectors,
  app.time,
  app.corridors,
  app.layers,
  app.compare,
  session.datasets,
  session.tableRows,
];

export function createAnalyst(api: AnalystApi): Analyst {
  const { store, renderer } = api;
  const imports = createImports({
    atlas: api.atlas,
    store,
    theme: () => renderer.theme(store.get()),
    setView: api.setView,
  });
  renderer.add(imports);
  // Two periods side by side: drawn in place of the imported layers while `compare=` is set.
  renderer.add(createComparePart({ atlas: api.atlas, store, theme: renderer.theme }));
  const toggle = byId('table-toggle');
  const panel = byId('table-panel');
  let table: TableView | null = null;
  let tableLang: string | null = null;
  // Closing the table also ends "Show these rows in the table": it opens on everything next time.
  const setOpen = (open: boolean) =>
    store.updateSession({
      drawers: { ...store.get().session.drawers, table: open },
      ...(open ? {} : { tableRows: null }),
    });

  // The atlas's records for the same filters and language: a new import refills the table without remaking them
  // (tens of milliseconds of date formatting in the task that takes the new rows).
  let atlasMemo: { inputs: unknown[]; records: TableRecord[] } | null = null;
  const atlasRows = ({ sectors, time, corridors, layers, lang }: Snapshot['app'], make: () => TableRecord[]) => {
    const inputs = [sectors, time, corridors, layers, lang];
    if (!atlasMemo || inputs.some((input, i) => input !== atlasMemo!.inputs[i]))
      atlasMemo = { inputs, records: make() };
    return atlasMemo.records;
  };

  /**
   * The table's rows: the atlas's records and the imported rows the map's filters keep, as row ids; or only
   * the rows behind an imported arc or place (`session.tableRows`), with its name. While two periods are
   * compared, each dataset's comparison goes with its rows for the change column.
   */
  const source = async (): Promise<{ source: TableSource; only: string | null }> => {
    const [{ atlasRecords }, { tableSource, refSource }, { importedParts }, { datasetComparisons }, through, panels] =
      await Promise.all([
        import('../model/table-model.ts'),
        import('../model/table-source.ts'),
        import('../model/imported-datasets.ts'),
        import('../model/compare-selectors.ts'),
        import('../model/imported-through.ts'),
        import('../model/imported-panels.ts'),
      ]);
    const { app, session } = store.get();
    const gazetteer = imports.gazetteer();
    const sectorIds = gazetteer?.sectors.map((s) => s.id) ?? [];
    const comparisons = gazetteer ? datasetComparisons(session.datasets, app, sectorIds) : [];
    const comparison = (datasetId: number) => comparisons.find((c) => c.datasetId === datasetId)?.comparison ?? null;
    const comparing = comparisons.length > 0;
    if (session.tableRows && gazetteer) {
      const behind = through.importedRefRows(session.tableRows, session.datasets, app, sectorIds);
      const only = refSource(
        behind && { ...behind, comparison: comparison(behind.dataset.id) },
        gazetteer,
        app.lang,
        comparing,
      );
      const inputs = { datasets: session.datasets, filters: app, gazetteer, atlas: api.atlas, lang: app.lang };
      if (only) return { source: only, only: panels.importedPanel(session.tableRows, inputs)?.title ?? '' };
    }
    const parts = gazetteer ? await importedParts(session.datasets, app, gazetteer, nextTask) : [];
    return {
      source: tableSource(
        atlasRows(app, () => atlasRecords(app, renderer.panelContext(app.lang))),
        parts.map((part) => ({ ...part, comparison: comparison(part.dataset.id) })),
        gazetteer,
        app.lang,
        comparing,
      ),
      only: null,
    };
  };

  // Sources are made asynchronously: only the latest asked for reaches the table.
  let asked = 0;
  const fill = async (view: TableView) => {
    const ask = ++asked;
    const next = await source();
    if (ask !== asked) return;
    view.setRestriction(next.only);
    view.setSource(next.source);
  };

  const build = async (): Promise<TableView> => {
    const [{ createTableView }, { exportRows }] = await Promise.all([
      import('../ui/table-view.ts'),
      import('./data-export.ts'),
    ]);
    const { lang } = store.get().app;
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, lang);
    const view = createTableView(panel, {
      lang,
      provinces: api.atlas.provinces.map((p) => ({ id: p.id, name: p.name[lang] })).sort(byName),
      partners: api.atlas.partners.map((p) => ({ id: p.id, name: p.name[lang] })).sort(byName),
      onSelect: (ref) => api.select(ref, true),
      onExport: (format, rows) => exportRows(format, rows, api.atlas),
      onClose: () => setOpen(false),
      onShowAll: () => store.updateSession({ tableRows: null }),
    });
    tableLang = lang;
    await fill(view);
    view.setSelection(store.get().app.selection);
    return view;
  };

  const show = async (open: boolean): Promise<void> => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    document.documentElement.dataset['table'] = String(open);
    if (!open) {
      toggle.focus();
      return;
    }
    panel.setAttribute('aria-busy', 'true');
    if (table && tableLang === store.get().app.lang) {
      // Filters may have changed while it was closed.
      await fill(table);
      table.setSelection(store.get().app.selection);
    } else table = await build();
    panel.removeAttribute('aria-busy');
    table.focus();
  };

  /** Keeps the open table in step with the state: rebuilt for a new language, refilled for new filters. */
  const refresh = async (now: Snapshot, before: Snapshot) => {
    if (!table || panel.hidden) return; // brought up to date when opened
    if (tableLang !== now.app.lang) {
      table = await build();
      return;
    }
    const [inputs, was] = [tableInputs(now), tableInputs(before)];
    if (inputs.some((input, i) => input !== was[i])) await fill(table);
    if (now.app.selection !== before.app.selection) table.setSelection(now.app.selection);
  };

  renderer.add({
    view(now, before) {
      if (now.app.lang !== before?.app.lang) panel.setAttribute('aria-label', t(now.app.lang, 'table.title'));
      const open = now.session.drawers.table;
      if (open !== (before?.session.drawers.table ?? false)) void show(open);
      else if (before) void refresh(now, before);
    },
  });
  toggle.addEventListener('click', () => setOpen(!store.get().session.drawers.table));
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation(); // Esc closes the table, not the side panel behind it
    setOpen(false);
  });

  const measureToggle = byId('measure-toggle');
  let measure: MeasureTool | null = null;
  measureToggle.addEventListener('click', async () => {
    if (!measure) {
      const { createMeasureTool } = await import('./measure-tool.ts');
      measure = createMeasureTool({ readout: byId('measure-readout'), toggle: measureToggle }, store);
      renderer.add(measure);
    }
    store.updateSession({ measure: { active: !store.get().session.measure.active, points: [] } });
  });

  return {
    importFile: (file, options) => imports.importFile(file, options),
    mapClick(info, lonLat) {
      if (!measure || !store.get().session.measure.active) return false;
      measure.click(lonLat, info);
      return true;
    },
  };
}
