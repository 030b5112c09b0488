// The app's bench mode (`?bench=1&n=N`, opened at the contract's camera with `view=`): the app plus N synthetic flows imported
// through the app's own import path, measured through the shared contract. Loaded only in the bench
// build; it drives the app through its test handle (`window.__atlas`), as the browser tests do.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { createHoverProbe, installBench, STANDARD_VIEW, type BenchTargets } from './contract.ts';
import { syntheticCsv, syntheticFlows } from './synthetic.ts';
import type { ImportedDataset } from '../state/state.ts';
import type { AtlasHandle } from '../features/test-handle.ts';
import { tableImport, tablePrepare, tableSort, xlsxRun } from './table-bench.ts';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** The app's handle, once main.ts has installed it (after the data loads; the map may still be loading). */
async function handle(): Promise<AtlasHandle> {
  while (!window.__atlas) await new Promise((resolve) => setTimeout(resolve, 5));
  return window.__atlas;
}

/** Installs `window.__bench` when the URL asks for bench mode; returns at once, measuring in the background. */
export function installAppBench(search: string): void {
  const params = new URLSearchParams(search);
  if (params.get('bench') !== '1') return;
  const n = Number(params.get('n') ?? '0') || 0;
  const hoverProbe = createHoverProbe();
  const marks: Record<string, number> = {};
  let resolveReady: (targets: BenchTargets) => void = () => {};
  const bench = installBench(new Promise<BenchTargets>((resolve) => (resolveReady = resolve)), () => ({
    page: 'app',
    n,
    marks,
  }));
  bench.importRun = async (rows, mode) => importRun(await handle(), rows, mode);
  bench.tablePrepare = tablePrepare;
  bench.tableImport = async () => tableImport(await handle());
  bench.tableSort = tableSort;
  bench.xlsxRun = async (rows) => xlsxRun(await handle(), rows);
  void (async () => {
    const atlas = await handle();
    // A hover reaches the store as a session change (what is under the pointer, and where).
    atlas.subscribe((now, before) => now.session !== before.session && hoverProbe.ran());
    // The N flows start importing as soon as the app can take them, while the map still loads: the
    // bare page has its arcs in its first frame too.
    const csv = n === 0 ? null : syntheticCsv(syntheticFlows(n));
    const imported = csv
      ? atlas
          .importFile(new File([csv], 'synthetic.csv', { type: 'text/csv' }))
          .then(() => (marks['imported'] = performance.now()))
      : Promise.resolve();
    await atlas.ready;
    if (!atlas.view.map) return; // no WebGL: nothing to measure
    const { map, overlay } = atlas.view;
    marks['appReady'] = performance.now();
    map.jumpTo(STANDARD_VIEW);
    await imported;
    // Ready: a deck.gl frame with every layer loaded, after maplibre went idle.
    await new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once('idle', () => resolve())));
    const before = atlas.view.renderCount();
    map.triggerRepaint();
    while (!(atlas.view.renderCount() > before && atlas.layersLoaded())) await frame();
    resolveReady({ map: map as MaplibreMap, overlay: overlay as MapLibreOverlay, hoverProbe });
  })();
}

/**
 * One import of `rows` synthetic flows: through the app's own path (worker, unpacking, and the
 * main-thread preparation of the layer data, in the app's tasks), or through plain papaparse.
 */
async function importRun(
  app: AtlasHandle,
  rows: number,
  mode: 'app' | 'papaparse',
): Promise<{ ms: number; rows: number; longTasks: number[] }> {
  const file = new File([syntheticCsv(syntheticFlows(rows, 11))], 'import.csv', { type: 'text/csv' });
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) =>
    list.getEntries().forEach((entry) => longTasks.push(entry.duration)),
  );
  observer.observe({ entryTypes: ['longtask'] });
  let count: number;
  let started: number;
  if (mode === 'app') {
    started = performance.now();
    const result = (await app.importFile(file, { onMap: false })) as ImportedDataset | { failure: string } | null;
    if (!result || 'failure' in result) throw new Error(`import failed: ${result ? result.failure : 'cancelled'}`);
    count = result.rows.count;
  } else {
    const { default: PapaWorker } = await import('./papaparse.worker.ts?worker');
    const worker = new PapaWorker();
    started = performance.now();
    count = await new Promise<number>((resolve) => {
      worker.addEventListener('message', (event: MessageEvent<{ rows: number }>) => resolve(event.data.rows));
      worker.postMessage(file);
    });
    worker.terminate();
  }
  const ms = performance.now() - started;
  await frame();
  observer.disconnect();
  return { ms, rows: count, longTasks };
}
