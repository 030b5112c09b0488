// Tells maplibre where its worker is. Bundling moves the worker away from the library, so its URL
// comes from Vite; the single-file build has no separate files, so there the worker's source is
// bundled and served from a Blob URL. Call before creating a map.
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export async function configureMaplibreWorker(): Promise<void> {
  if (import.meta.env.VITE_SINGLE_FILE === 'true') {
    const { default: source } = await import('maplibre-gl/dist/maplibre-gl-worker.mjs?raw');
    setWorkerUrl(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    return;
  }
  setWorkerUrl(workerUrl);
}
