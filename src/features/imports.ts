// Holds the imported datasets and wires the import dialog, drag and drop, and what the map, the
// table and the panels need of them. The parsing, layer and dialog code loads on first use.
import type { Layer } from '@deck.gl/core';
import type { AppState } from '../state/state.ts';
import { loadJson } from '../data/data-source.ts';
import { GAZETTEER_DATA_PATH, type AtlasData } from '../core/atlas.ts';
import { TEXT_LIMITS, type ColumnMapping, type Gazetteer } from '../core/import-types.ts';
import { toPlainText } from '../worker/normalise.ts';
import { t, type Lang } from '../core/i18n/i18n.ts';
import { formatDate } from '../core/i18n/format.ts';
import { nextTask } from '../core/work-slices.ts';
import type { PanelModel } from '../model/panel-model.ts';
import type { TableRecord } from '../model/table-model.ts';
import type { Theme } from '../core/theme.ts';
import type { ImportDialog } from '../ui/import-dialog.ts';
import type { ImportedDataset } from '../model/imported-datasets.ts';

export interface ImportsApi {
  atlas: AtlasData;
  theme: Theme;
  state(): AppState;
  /** The datasets changed: redraw layers, legend and table. */
  changed(): void;
}

export interface Imports {
  layers(beforeId: string): Layer[];
  records(): TableRecord[];
  flowPanel(id: string, lang: Lang): PanelModel | null;
  names(): string[];
  dateRange(): string[];
  /**
   * Imports a file without the dialog (the benchmark's path); resolves once it is on the map, or,
   * with `onMap: false`, once its layer data is ready and then dropped (the import benchmark).
   */
  importFile(file: File, options?: { onMap?: boolean }): Promise<ImportedDataset | { failure: string } | null>;
}

const extents = new WeakMap<Float64Array, [number, number]>();

/** Earliest and latest of a dataset's dates (Infinity, -Infinity when none), worked out once: the chrome asks on every rebuild. */
function dateExtent(dates: Float64Array): [number, number] {
  let extent = extents.get(dates);
  if (!extent) {
    let [min, max] = [Infinity, -Infinity];
    for (let i = 0; i < dates.length; i++) {
      const ms = dates[i]!;
      if (ms < min) min = ms; // NaN compares false both ways, so undated rows are skipped
      if (ms > max) max = ms;
    }
    extents.set(dates, (extent = [min, max]));
  }
  return extent;
}

type Modules = [typeof import('../model/imported-datasets.ts'), typeof import('../layers/imported-layers.ts')];

export function createImports(api: ImportsApi): Imports {
  let datasets: ImportedDataset[] = [];
  let nextId = 1;
  let gazetteer: Gazetteer | null = null;
  let modules: Modules | null = null;
  let dialog: ImportDialog | null = null;
  const sectorColours = new Map(api.atlas.sectors.map((s) => [s.id, s.colour]));

  /** Loads the import code and the gazetteer once. */
  const load = async () => {
    const [client, loadedModules, loadedGazetteer] = await Promise.all([
      import('./import-client.ts'),
      Promise.all([import('../model/imported-datasets.ts'), import('../layers/imported-layers.ts')]),
      gazetteer ? Promise.resolve(gazetteer) : (loadJson(GAZETTEER_DATA_PATH) as Promise<Gazetteer>),
    ]);
    modules = loadedModules;
    gazetteer = loadedGazetteer;
    return { client, gazetteer: loadedGazetteer };
  };

  /**
   * A new dataset's heavy main-thread work, between other tasks, before the map takes it: its date
   * range, the rows the filters keep and the attributes deck.gl draws from, each memoised where the
   * redraw looks for it. Done in the redraw's one task, a million rows held the page for half a second.
   */
  const prepare = async (dataset: ImportedDataset, names: Gazetteer) => {
    await nextTask();
    dateExtent(dataset.rows.dates);
    await modules![1].prepareImportedData(dataset, api.state(), names, sectorColours, api.theme);
  };

  /** One import through the worker; a good result becomes a dataset on the map. */
  const runImport = async (
    file: File,
    mapping: ColumnMapping | null,
    onProgress: (fraction: number) => void,
    onMap = true,
  ) => {
    const { client, gazetteer: names } = await load();
    const running = client.importFile(file, mapping, names, onProgress);
    let cancelled = false;
    const done = running.done.then(async (result) => {
      if (!result || 'failure' in result) return result;
      // A file's name is shown like its contents, so it is cleaned the same way (no controls or bidi overrides).
      const dataset: ImportedDataset = { id: nextId++, name: toPlainText(file.name, TEXT_LIMITS.name), ...result };
      await prepare(dataset, names);
      if (cancelled) return null;
      if (!onMap) return dataset;
      datasets = [...datasets, dataset];
      api.changed();
      return dataset;
    });
    return {
      done,
      cancel: () => {
        cancelled = true;
        running.cancel();
      },
    };
  };

  const openDialog = async (): Promise<ImportDialog> => {
    if (dialog) return dialog;
    const [{ createImportDialog }, { client }] = await Promise.all([import('../ui/import-dialog.ts'), load()]);
    dialog = createImportDialog(document.getElementById('import-dialog') as HTMLDialogElement, () => api.state().lang, {
      preview: (file) => client.previewFile(file),
      run: (file, mapping, onProgress) => {
        // The worker starts after the code loads; a cancel before then stops it as it starts.
        let cancelled = false;
        let cancelJob = () => {};
        const done = runImport(file, mapping, onProgress).then((job) => {
          cancelJob = job.cancel;
          if (cancelled) job.cancel();
          return job.done;
        });
        return {
          done,
          cancel: () => {
            cancelled = true;
            cancelJob();
          },
        };
      },
      remove: (id) => {
        datasets = datasets.filter((d) => d.id !== id);
        api.changed();
      },
      datasets: () => datasets,
    });
    return dialog;
  };

  document.getElementById('import-open')!.addEventListener('click', async () => (await openDialog()).open());
  // A file dropped anywhere on the page is imported.
  document.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  document.addEventListener('drop', async (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    (await openDialog()).importFile(file);
  });

  return {
    layers(beforeId) {
      if (!modules || !gazetteer || datasets.length === 0) return [];
      return modules[1].buildImportedLayers(datasets, api.state(), gazetteer, sectorColours, api.theme, beforeId);
    },
    records() {
      if (!modules || !gazetteer) return [];
      return modules[0].importedRecords(datasets, api.state(), gazetteer, api.state().lang);
    },
    flowPanel(id, lang) {
      const [datasetId, row] = id.split(':').map(Number);
      const dataset = datasets.find((d) => d.id === datasetId);
      if (!dataset || !modules || !gazetteer || row === undefined || !(row < dataset.rows.count)) return null;
      const summary = modules[0].rowSummary(dataset, row, gazetteer, lang);
      const sector = summary.sector ? api.atlas.sectors.find((s) => s.id === summary.sector) : undefined;
      return {
        ref: { kind: 'flow', id },
        title: summary.title,
        subtitle: t(lang, 'record.flow'),
        sections: [
          {
            heading: t(lang, 'import.rowDetails'),
            items: [
              {
                text: summary.where,
                detail: [summary.amountText, formatDate(lang, summary.date), sector?.name[lang] ?? '']
                  .filter(Boolean)
                  .join(' · '),
                ...(sector ? { chips: [{ label: sector.name[lang], colour: sector.colour }] } : {}),
                sources: [{ label: summary.source }],
              },
            ],
          },
        ],
      };
    },
    names: () => datasets.map((d) => d.name),
    importFile: async (file, options) => (await runImport(file, null, () => {}, options?.onMap)).done,
    dateRange() {
      let min = Infinity;
      let max = -Infinity;
      for (const { rows } of datasets) {
        const [first, last] = dateExtent(rows.dates);
        min = Math.min(min, first);
        max = Math.max(max, last);
      }
      return min <= max ? [min, max].map((ms) => new Date(ms).toISOString().slice(0, 10)) : [];
    },
  };
}
