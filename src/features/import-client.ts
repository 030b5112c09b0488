// Runs the import worker: one worker per job, so cancelling is terminating it, and a crash in one
// file cannot leave a half-finished state behind. The single-file build inlines the worker.
import type { ImportRequest, ImportResponse } from '../worker/messages.ts';
import type { CsvPreview } from '../worker/parse-csv.ts';
import type { ColumnMapping, Gazetteer, ImportProblem, ImportResult } from '../core/import-types.ts';

export type { ImportProblem } from '../core/import-types.ts';
import { unpackResult } from '../worker/packed.ts';
import { nextTask } from '../core/work-slices.ts';

type WorkerFailure = ImportProblem;

async function startWorker(): Promise<Worker> {
  const module =
    import.meta.env.VITE_SINGLE_FILE === 'true'
      ? await import('../worker/import.worker.ts?worker&inline')
      : await import('../worker/import.worker.ts?worker');
  return new module.default();
}

/** Sends one request and resolves with the worker's final answer, passing progress on. */
function job(
  request: ImportRequest,
  onProgress?: (fraction: number) => void,
): { done: Promise<ImportResponse | { type: 'failed'; failure: WorkerFailure } | null>; cancel(): void } {
  let worker: Worker | null = null;
  let settle: (value: ImportResponse | { type: 'failed'; failure: WorkerFailure } | null) => void = () => {};
  const done = new Promise<ImportResponse | { type: 'failed'; failure: WorkerFailure } | null>(
    (resolve) => (settle = resolve),
  );
  let cancelled = false;
  void startWorker().then((started) => {
    if (cancelled) return started.terminate();
    worker = started;
    worker.addEventListener('message', (event: MessageEvent<ImportResponse>) => {
      if (event.data.type === 'progress') return onProgress?.(event.data.fraction);
      settle(event.data);
      worker?.terminate();
    });
    worker.addEventListener('error', (event) => {
      console.error('import worker failed', event.message);
      settle({ type: 'failed', failure: 'worker' });
      worker?.terminate();
    });
    worker.postMessage(request);
  });
  return {
    done,
    cancel() {
      cancelled = true;
      worker?.terminate();
      settle(null);
    },
  };
}

export async function previewFile(file: File): Promise<CsvPreview | { failure: WorkerFailure } | null> {
  const answer = await job({ type: 'preview', file }).done;
  if (!answer) return null;
  if (answer.type === 'failed') return { failure: answer.failure };
  if (answer.type === 'preview' && answer.format !== 'geojson') {
    const { headers, rows, delimiter, mapping, sheets } = answer;
    return { headers, rows, delimiter, mapping, ...(sheets ? { sheets } : {}) };
  }
  return null; // GeoJSON: nothing to map
}

export function importFile(
  file: File,
  mapping: ColumnMapping | null,
  gazetteer: Gazetteer,
  onProgress: (fraction: number) => void,
): { done: Promise<ImportResult | { failure: WorkerFailure } | null>; cancel(): void } {
  const running = job({ type: 'import', file, mapping, gazetteer }, onProgress);
  let cancelled = false;
  const done = running.done.then(async (answer) => {
    if (!answer) return null;
    if (answer.type === 'failed') return { failure: answer.failure };
    if (answer.type !== 'done') return { failure: 'worker' as const };
    // Rebuilt between frames: a million rows' strings at once would hold the page for seconds.
    const result = await unpackResult(answer.result, nextTask);
    return cancelled ? null : result;
  });
  return {
    done,
    cancel() {
      cancelled = true;
      running.cancel();
    },
  };
}
