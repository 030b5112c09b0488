// The messages between the app and the import worker (src/worker/import.worker.ts).
import type { PackedResult } from './packed.ts';
import type { CsvPreview } from './parse-csv.ts';
import type { ColumnMapping, Gazetteer, ImportedRows, ImportFailure } from '../core/import-types.ts';

/**
 * App → worker. To cancel, the app terminates the worker: parsing runs in one synchronous call,
 * so a `cancel` message would only be read once the work it meant to stop had finished.
 */
export type ImportRequest =
  | { type: 'preview'; file: File }
  | { type: 'import'; file: File; mapping: ColumnMapping | null; gazetteer: Gazetteer }
  | { type: 'cancel' };

/**
 * The first rows of a CSV with its guessed mapping, or of each sheet of a workbook (`sheets`); a
 * GeoJSON file needs no mapping, so its preview is empty.
 */
export type ImportPreview = ({ format: 'csv' | 'xlsx' } & CsvPreview) | { format: 'geojson' };

/**
 * Worker → app. `progress` fractions rise from 0 to 1; reading the file is the first 10%. The
 * result comes packed (see packed.ts), so receiving it costs the app's thread next to nothing.
 */
export type ImportResponse =
  | { type: 'progress'; fraction: number }
  | ({ type: 'preview' } & ImportPreview)
  | { type: 'done'; format: 'csv' | 'geojson' | 'xlsx'; result: PackedResult }
  /** `worker`: the job broke for a reason that is not the file's format (see import.worker.ts). */
  | { type: 'failed'; failure: ImportFailure | 'worker' };

/** The buffers of an import's typed arrays, to transfer rather than copy between threads. */
export function transferablesOf(rows: ImportedRows): ArrayBuffer[] {
  return [rows.origins, rows.destinations, rows.values, rows.dates, rows.sectors, rows.units, rows.rowNumbers].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
