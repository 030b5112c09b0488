// The app's bench mode (`?bench=1&n=N`): the normal default view plus N synthetic flows imported
// through the app's own import path, measured through the shared contract. Loaded only then.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { createHoverProbe, installBench, STANDARD_VIEW, type BenchTargets } from './contract.ts';
import { syntheticCsv, syntheticFlows } from './synthetic.ts';
import type { ImportedDataset } from '../model/imported-datasets.ts';

export interface BenchApp {
  map: MaplibreMap;
  overlay: MapLibreOverlay;
  /** The app's import without the dialog; `onMap: false` prepares the layer data and drops the dataset. */
  importFile(file: File, options?: { onMap?: boolean }): Promise<unknown>;
  /** True when every deck.gl layer the app set has its data loaded. */
  layersLoaded(): boolean;
  renderCount(): number;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export interface AppBench {
  hoverProbe: ReturnType<typeof createHoverProbe>;
  /** The contract's camera, for the app to open at (as the bare page does) unless the URL names one. */
  view: { center: [number, number]; zoom: number };
  /**
   * Starts importing the N synthetic flows as soon as the app can take them, while the map still
   * loads: the bare page has its arcs in its first frame too.
   */
  startImport(importFile: BenchApp['importFile']): void;
  /** After the app's first frame: waits for the import and a complete frame, then resolves `ready`. */
  complete(app: BenchApp): Promise<void>;
}

export function installAppBench(n: number): AppBench {
  const hoverProbe = createHoverProbe();
  const marks: Record<string, number> = {};
  let resolveReady: (targets: BenchTargets) => void;
  const bench = installBench(new Promise<BenchTargets>((resolve) => (resolveReady = resolve)), () => ({
    page: 'app',
    n,
    marks,
  }));
  let app: BenchApp | null = null;
  let imported: Promise<unknown> = Promise.resolve();
  bench.importRun = (rows, mode) => {
    if (!app) return Promise.reject(new Error('importRun before __bench.ready'));
    return importRun(app, rows, mode);
  };
  return {
    hoverProbe,
    view: { center: STANDARD_VIEW.center, zoom: STANDARD_VIEW.zoom },
    startImport(importFile) {
      if (n === 0) return;
      const csv = syntheticCsv(syntheticFlows(n));
      imported = importFile(new File([csv], 'synthetic.csv', { type: 'text/csv' })).then(
        () => (marks['imported'] = performance.now()),
      );
    },
    async complete(ready) {
      app = ready;
      marks['appReady'] = performance.now();
      ready.map.jumpTo(STANDARD_VIEW); // a no-op unless the URL named another view
      await imported;
      // Ready: a deck.gl frame with every layer loaded, after maplibre went idle.
      await new Promise<void>((resolve) => (ready.map.loaded() ? resolve() : ready.map.once('idle', () => resolve())));
      const before = ready.renderCount();
      ready.map.triggerRepaint();
      while (!(ready.renderCount() > before && ready.layersLoaded())) await frame();
      resolveReady({ map: ready.map, overlay: ready.overlay, hoverProbe });
    },
  };
}

/**
 * One import of `rows` synthetic flows: through the app's own path (worker, unpacking, and the
 * main-thread preparation of the layer data, in the app's tasks), or through plain papaparse.
 */
async function importRun(
  app: BenchApp,
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
