// Holds the imported datasets and wires the import dialog, drag and drop, and what the map, the
// table and the panels need of them. The parsing, layer and dialog code loads on first use.
import type { Store } from '../state/store.ts';
import type { AppState, EntityRef, ImportedDataset, Session, ViewState } from '../state/state.ts';
import { comparing } from '../state/compare-state.ts';
import { memoLast } from '../core/memo.ts';
import { loadJson } from '../data/data-source.ts';
import { GAZETTEER_DATA_PATH, type AtlasData } from '../core/atlas.ts';
import { TEXT_LIMITS, type ColumnMapping, type Gazetteer } from '../core/import-types.ts';
import { toPlainText } from '../worker/normalise.ts';
import { t, type Lang } from '../core/i18n/i18n.ts';
import { clusterLevel } from '../model/imported-refs.ts';
import { OPEN_TABLE_EVENT } from '../ui/panel-view.ts';
import { formatDate } from '../core/i18n/format.ts';
import { nextTask } from '../core/work-slices.ts';
import { dateExtent } from '../model/dataset-dates.ts';
import type { TableRecord } from '../model/table-model.ts';
import type { Theme } from '../core/theme.ts';
import type { ImportDialog } from '../ui/import-dialog.ts';
import type { RenderPart } from '../render/render.ts';
import { canStoreImports, embeddedWorkspace, hasStoredImports } from './workspace/boot.ts';
import type { WorkspaceHost } from './workspace/workspace.ts';

export interface ImportsApi {
  atlas: AtlasData;
  /** The theme drawn now (unknown sectors take its neutral colour). */
  theme(): Theme;
  store: Store;
  /** Moves the camera: an opened workspace puts it where it was saved. */
  setView?(view: ViewState, animate: boolean): void;
}

/** The datasets live in the store's session; this draws them (a render part) and fills the table. */
export interface Imports extends RenderPart {
  records(): TableRecord[];
  /** The gazetteer the table reads imported rows' names from; null until the import code has loaded. */
  gazetteer(): Gazetteer | null;
  /**
   * Imports a file without the dialog (the benchmark's path); resolves once it is on the map, or,
   * with `onMap: false`, once its layer data is ready and then dropped (the import benchmark).
   */
  importFile(file: File, options?: { onMap?: boolean }): Promise<ImportedDataset | { failure: string } | null>;
}

type Modules = [
  typeof import('../model/imported-datasets.ts'),
  typeof import('../layers/imported-layers.ts'),
  typeof import('../model/imported-panels.ts'),
  typeof import('../model/imported-through.ts'),
];

export function createImports(api: ImportsApi): Imports {
  const { store } = api;
  const datasets = () => store.get().session.datasets;
  const setDatasets = (next: ImportedDataset[]) => store.updateSession({ datasets: next });
  let nextId = 1;
  let gazetteer: Gazetteer | null = null;
  let modules: Modules | null = null;
  let dialog: ImportDialog | null = null;
  const sectorColours = new Map(api.atlas.sectors.map((s) => [s.id, s.colour]));
  // The same layers for the same inputs: a hover or a pan redraws nothing of them.
  const importedLayers = memoLast(
    (
      datasets: ImportedDataset[],
      sectors: AppState['sectors'],
      time: AppState['time'],
      theme: Theme,
      beforeId: string,
      level: number,
      selection: AppState['selection'],
      zoomBucket: number | undefined,
    ) =>
      modules![1].buildImportedLayers(
        datasets,
        { sectors, time },
        gazetteer!,
        sectorColours,
        theme,
        beforeId,
        level,
        modules![3].importedFocus(selection, api.atlas, datasets),
        zoomBucket,
      ),
  );
  const levelOf = (session: Session) => clusterLevel(session.zoomBucket, session.fitBucket);

  /** Loads the import code and the gazetteer once. */
  const load = async () => {
    const [client, loadedModules, loadedGazetteer] = await Promise.all([
      import('./import-client.ts'),
      Promise.all([
        import('../model/imported-datasets.ts'),
        import('../layers/imported-layers.ts'),
        import('../model/imported-panels.ts'),
        import('../model/imported-through.ts'),
      ]),
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
  const prepare = async (dataset: ImportedDataset, names: Gazetteer, app: AppState = store.get().app) => {
    await nextTask();
    dateExtent(dataset.rows.dates);
    const level = levelOf(store.get().session);
    await modules![1].prepareImportedData(dataset, app, names, sectorColours, api.theme(), nextTask, level);
  };

  /** Datasets from a workspace or this browser's storage, in place of the session's: prepared as an import's. */
  const restore = async (restored: ImportedDataset[], state: AppState | null) => {
    const { gazetteer: names } = await load();
    for (const dataset of restored) await prepare(dataset, names, state ?? store.get().app);
    // Their ids are kept (a selected row names one); new imports number on from the highest.
    nextId = Math.max(nextId, ...restored.map((d) => d.id + 1));
    if (state) store.update(state);
    setDatasets(restored);
    dialog?.refresh();
  };
  const workspaceHost = (): WorkspaceHost => ({
    store,
    atlas: api.atlas,
    gazetteer: async () => (await load()).gazetteer,
    restore,
    ...(api.setView ? { setView: api.setView } : {}),
  });
  const workspace = () => import('./workspace/workspace.ts');

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
      const dataset: ImportedDataset = {
        id: nextId++,
        name: toPlainText(file.name, TEXT_LIMITS.name),
        ...result,
        ...(mapping ? { mapping } : {}),
      };
      await prepare(dataset, names);
      if (cancelled) return null;
      if (!onMap) return dataset;
      setDatasets([...datasets(), dataset]);
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
    dialog = createImportDialog(
      document.getElementById('import-dialog') as HTMLDialogElement,
      () => store.get().app.lang,
      {
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
        remove: (id) => setDatasets(datasets().filter((d) => d.id !== id)),
        datasets,
        workspace: {
          isWorkspace: async (file) => (await workspace()).isWorkspaceFile(file),
          open: async (file) => (await workspace()).openWorkspace(workspaceHost(), file),
          save: async () => (await workspace()).saveWorkspace(workspaceHost()),
          saveOffline: async () => (await workspace()).saveOfflineMap(workspaceHost()),
          storage: async () => (await workspace()).storageStatus(workspaceHost()),
          forget: async () => (await workspace()).forgetKeptImports(),
        },
      },
    );
    return dialog;
  };

  const panelInputs = (lang: Lang) => {
    const { app, session } = store.get();
    return { datasets: session.datasets, filters: app, gazetteer: gazetteer!, atlas: api.atlas, lang };
  };
  // "Show these rows in the table" on an imported arc's or place's panel: the table opens on them.
  document.addEventListener(OPEN_TABLE_EVENT, (event) => {
    const ref = (event as CustomEvent<EntityRef>).detail;
    store.updateSession({ tableRows: ref, drawers: { ...store.get().session.drawers, table: true } });
  });

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

  // An offline map's workspace, or the imports kept in this browser, come back at start; while served over
  // http(s), the imports are kept in this browser at each change (src/features/workspace/).
  if (embeddedWorkspace() !== null || hasStoredImports())
    void workspace()
      .then((w) => w.restoreAtStart(workspaceHost()))
      .catch((error: unknown) => console.error('the workspace could not be restored', error));
  if (canStoreImports())
    store.subscribe((now, before) => {
      if (now.session.datasets !== before.session.datasets)
        void workspace().then((w) => w.keepImports(workspaceHost(), () => dialog?.refreshStorage()));
    });

  return {
    layers({ app, session }, beforeId) {
      if (!modules || !gazetteer || session.datasets.length === 0) return [];
      if (comparing(app)) return []; // the comparison's change layers take their place (features/compare.ts)
      return importedLayers(
        session.datasets,
        app.sectors,
        app.time,
        api.theme(),
        beforeId,
        levelOf(session),
        app.selection,
        session.zoomBucket,
      );
    },
    importedPanel(ref, lang) {
      if (!modules || !gazetteer) return null;
      return modules[2].importedPanel(ref, panelInputs(lang));
    },
    importedSections(ref, lang) {
      if (!modules || !gazetteer || datasets().length === 0) return [];
      return modules[2].importedThroughSections(ref, panelInputs(lang));
    },
    gazetteer: () => (modules ? gazetteer : null),
    records() {
      if (!modules || !gazetteer) return [];
      const { app, session } = store.get();
      return modules[0].importedRecords(session.datasets, app, gazetteer, app.lang);
    },
    flowPanel(id, lang) {
      const [datasetId, row] = id.split(':').map(Number);
      const dataset = datasets().find((d) => d.id === datasetId);
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
    importFile: async (file, options) => (await runImport(file, null, () => {}, options?.onMap)).done,
  };
}
