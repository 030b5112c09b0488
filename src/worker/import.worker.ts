// A module Web Worker that reads, previews and imports an analyst's file off the main thread.
// It imports only pure modules (no DOM): parsing, resolving and the message types.
import { detectFormat } from './detect.ts';
import type { ImportRequest, ImportResponse } from './messages.ts';
import { packedTransferables, packResult } from './packed.ts';
import { parseCsv, previewCsv } from './parse-csv.ts';
import { parseGeoJson } from './parse-geojson.ts';
import { IMPORT_LIMITS } from '../core/import-types.ts';

/** The part of DedicatedWorkerGlobalScope used here (the project's TypeScript lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: ImportResponse, options?: { transfer?: Transferable[] }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void;
  close(): void;
}

const scope = globalThis as unknown as WorkerScope;
const post = (message: ImportResponse, transfer: Transferable[] = []): void => scope.postMessage(message, { transfer });

/** Enough of a file to show 20 rows of all but the widest tables, without reading 64 MiB for a preview. */
const PREVIEW_BYTES = 256 * 1024;
/** Reading the file is the first tenth of the progress, parsing the rest. */
const READ_SHARE = 0.1;

/** Size limits first: a file over the limit is never read. */
function sizeFailure(file: File): ImportResponse | null {
  if (file.size === 0) return { type: 'failed', failure: 'empty' };
  if (file.size > IMPORT_LIMITS.maxBytes) return { type: 'failed', failure: 'too-large' };
  return null;
}

/** The workbook reader, loaded only when a workbook is imported. */
const xlsxReader = () => import('./parse-xlsx.ts');

async function preview(file: File): Promise<ImportResponse> {
  const refused = sizeFailure(file);
  if (refused) return refused;
  let head = await file.slice(0, PREVIEW_BYTES).text();
  const format = detectFormat(file.name, head);
  if (format === null) return { type: 'failed', failure: 'not-csv-or-geojson' };
  if (format === 'geojson') return { type: 'preview', format };
  if (format === 'xlsx') {
    const [{ previewXlsx }, bytes] = await Promise.all([xlsxReader(), file.arrayBuffer()]);
    const result = await previewXlsx(new Uint8Array(bytes));
    return 'failure' in result ? { type: 'failed', failure: result.failure } : { type: 'preview', format, ...result };
  }
  // The slice may end inside a row (or a character): keep whole lines only.
  if (file.size > PREVIEW_BYTES) head = head.slice(0, Math.max(head.lastIndexOf('\n'), 0));
  const result = previewCsv(head);
  return 'failure' in result ? { type: 'failed', failure: result.failure } : { type: 'preview', format, ...result };
}

async function importFile(request: Extract<ImportRequest, { type: 'import' }>): Promise<void> {
  const refused = sizeFailure(request.file);
  if (refused) return post(refused);
  post({ type: 'progress', fraction: 0 });
  const head = await request.file.slice(0, 1024).text();
  if (detectFormat(request.file.name, head) === 'xlsx') return importWorkbook(request);
  const text = await request.file.text(); // UTF-8; the decoder drops a BOM
  post({ type: 'progress', fraction: READ_SHARE });
  const format = detectFormat(request.file.name, text.slice(0, 1024));
  if (format === null || format === 'xlsx') return post({ type: 'failed', failure: 'not-csv-or-geojson' });
  const onProgress = (fraction: number): void =>
    post({ type: 'progress', fraction: READ_SHARE + (1 - READ_SHARE) * fraction });
  const result =
    format === 'csv'
      ? parseCsv(text, request.mapping, request.gazetteer, onProgress)
      : parseGeoJson(text, request.gazetteer);
  if ('failure' in result) return post({ type: 'failed', failure: result.failure });
  const packed = packResult(result);
  post({ type: 'done', format, result: packed }, packedTransferables(packed));
}

/** A workbook: read as bytes, then one sheet through the same table reader as a CSV. */
async function importWorkbook(request: Extract<ImportRequest, { type: 'import' }>): Promise<void> {
  const [{ parseXlsx }, bytes] = await Promise.all([xlsxReader(), request.file.arrayBuffer()]);
  post({ type: 'progress', fraction: READ_SHARE });
  const onProgress = (fraction: number): void =>
    post({ type: 'progress', fraction: READ_SHARE + (1 - READ_SHARE) * fraction });
  const result = await parseXlsx(new Uint8Array(bytes), request.mapping, request.gazetteer, onProgress);
  if ('failure' in result) return post({ type: 'failed', failure: result.failure });
  const packed = packResult(result);
  post({ type: 'done', format: 'xlsx', result: packed }, packedTransferables(packed));
}

/**
 * Any unexpected error (an unreadable file, memory running out, a bug a hostile file finds) ends
 * the job with a 'worker' failure. A rejected promise in a worker does not reach the app's error
 * listener, so without this the dialog would wait on a job that will never answer.
 */
const failed = (error: unknown): void => {
  console.error('import failed', error);
  post({ type: 'failed', failure: 'worker' });
};

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'preview') void preview(request.file).then((response) => post(response), failed);
  else if (request.type === 'import') void importFile(request).catch(failed);
  else scope.close(); // 'cancel' between jobs; during a job the app terminates the worker instead
});
