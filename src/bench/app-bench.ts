// The app's bench mode (`?bench=1&n=N`): the normal default view plus N synthetic flows imported
// through the app's own import path, measured through the shared contract. Loaded only then.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { createHoverProbe, installBench, STANDARD_VIEW, type BenchTargets } from './contract.ts';
import { syntheticCsv, syntheticFlows } from './synthetic.ts';
import { loadJson } from '../app/data-source.ts';
import { GAZETTEER_DATA_PATH } from '../model/atlas.ts';
import type { Gazetteer } from '../import/types.ts';

export interface BenchApp {
  map: MaplibreMap;
  overlay: MapLibreOverlay;
  importFile(file: File): Promise<unknown>;
  /** True when every deck.gl layer the app set has its data loaded. */
  layersLoaded(): boolean;
  renderCount(): number;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export function installAppBench(n: number): { hoverProbe: ReturnType<typeof createHoverProbe>; complete(app: BenchApp): Promise<void> } {
  const hoverProbe = createHoverProbe();
  const marks: Record<string, number> = {};
  let resolveReady: (targets: BenchTargets) => void;
  const bench = installBench(new Promise<BenchTargets>((resolve) => (resolveReady = resolve)), () => ({ page: 'app', n, marks }));
  bench.importRun = importRun;
  return {
    hoverProbe,
    async complete(app) {
      marks['appReady'] = performance.now();
      app.map.jumpTo(STANDARD_VIEW);
      if (n > 0) {
        const csv = syntheticCsv(syntheticFlows(n));
        await app.importFile(new File([csv], 'synthetic.csv', { type: 'text/csv' }));
        marks['imported'] = performance.now();
      }
      // Ready: a deck.gl frame with every layer loaded, after maplibre went idle.
      await new Promise<void>((resolve) => app.map.once('idle', () => resolve()));
      const before = app.renderCount();
      app.map.triggerRepaint();
      while (!(app.renderCount() > before && app.layersLoaded())) await frame();
      resolveReady({ map: app.map, overlay: app.overlay, hoverProbe });
    },
  };
}

let gazetteer: Promise<Gazetteer> | null = null;

/** One import of `rows` synthetic flows, through the app's worker and attributes or plain papaparse. */
async function importRun(rows: number, mode: 'app' | 'papaparse'): Promise<{ ms: number; rows: number; longTasks: number[] }> {
  const file = new File([syntheticCsv(syntheticFlows(rows, 11))], 'import.csv', { type: 'text/csv' });
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
  observer.observe({ entryTypes: ['longtask'] });
  let count: number;
  let started: number;
  if (mode === 'app') {
    const [{ importFile }, { flowAttributes, visibleRows }, names] = await Promise.all([
      import('../imported/import-client.ts'),
      import('../imported/datasets.ts'),
      (gazetteer ??= loadJson(GAZETTEER_DATA_PATH) as Promise<Gazetteer>),
    ]);
    started = performance.now();
    const result = await importFile(file, null, names, () => {}).done;
    if (!result || 'failure' in result) throw new Error(`import failed: ${result ? result.failure : 'cancelled'}`);
    // The attributes the map draws from, built on the main thread as the app does.
    const { flows } = visibleRows(result.rows, { sectors: null, time: { from: null, to: null, undated: true } }, names.sectors.map((s) => s.id));
    flowAttributes(result.rows, flows, [], [90, 90, 90, 230]);
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
