// Reads an analyst's CSV of flows or places into columnar rows, reporting each row it has to skip.
import Papa from 'papaparse';
import { guessMapping, sniffDelimiter } from './columns.ts';
import { toPlainText } from './normalise.ts';
import { createTableReader } from './table-reader.ts';
import {
  TEXT_LIMITS,
  type ColumnMapping,
  type Gazetteer,
  type ImportFailure,
  type ImportResult,
} from '../core/import-types.ts';

/** The first rows of a file, for the analyst to check the guessed mapping before importing. */
export interface CsvPreview {
  headers: string[];
  rows: string[][];
  /** '' for a workbook. */
  delimiter: string;
  mapping: ColumnMapping;
  /** A workbook's sheets, each with its own preview; the fields above are the first readable sheet's. */
  sheets?: SheetPreview[];
}

/** One sheet of a workbook as the mapping step shows it; `failure` when it cannot be imported (a merged header). */
export interface SheetPreview {
  name: string;
  headers: string[];
  rows: string[][];
  mapping: ColumnMapping;
  failure?: ImportFailure;
}

const SNIFF_CHARS = 64 * 1024;

/** Drops the BOM and refuses text that is empty or binary. */
function prepare(text: string): string | { failure: ImportFailure } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('\0') || looksBinary(body.slice(0, 4096))) return { failure: 'not-text' };
  if (!/\S/.test(body)) return { failure: 'empty' };
  return body;
}

/** More than 10% control or replacement characters: an image or archive decoded as UTF-8, not a table. */
function looksBinary(sample: string): boolean {
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const odd = sample.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  return odd > sample.length * 0.1;
}

/** An upper bound on the records in `text`: every record but the last ends with a line break. */
function countLines(text: string): number {
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf += 1;
  if (lf > 0) return lf + 1;
  let cr = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) cr += 1;
  return cr + 1;
}

/** The header, the first `maxRows` data rows, the delimiter and a guessed mapping. */
export function previewCsv(text: string, maxRows = 20): CsvPreview | { failure: ImportFailure } {
  const body = prepare(text);
  if (typeof body !== 'string') return body;
  const delimiter = sniffDelimiter(body.slice(0, SNIFF_CHARS));
  const { data } = Papa.parse<string[]>(body, { delimiter, preview: maxRows + 1, skipEmptyLines: 'greedy' });
  // Shown in the mapping step, so as safe as any imported text.
  const [headers, ...rows] = data.map((row) => row.map((cell) => toPlainText(cell, TEXT_LIMITS.name)));
  if (!headers || rows.length === 0) return { failure: 'empty' };
  return { headers, rows, delimiter, mapping: guessMapping(headers) };
}

/**
 * Imports a CSV (comma, semicolon or tab separated; the first row is the header). With `mapping`
 * null the columns are guessed from the header. Rows that cannot be placed or read are skipped and
 * reported in `errors`; `onProgress` hears the fraction of rows read, about every 1%.
 */
export function parseCsv(
  text: string,
  mapping: ColumnMapping | null,
  gazetteer: Gazetteer,
  onProgress?: (fraction: number) => void,
): ImportResult | { failure: ImportFailure } {
  const body = prepare(text);
  if (typeof body !== 'string') return body;
  const delimiter = sniffDelimiter(body.slice(0, SNIFF_CHARS));
  const estimate = countLines(body);
  const table = createTableReader(mapping, gazetteer, estimate, delimiter);
  let record = 0; // records seen, header included: the number of the current row once incremented
  const progressStep = Math.max(1, Math.floor(estimate / 100));
  let nextProgress = progressStep;

  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false, // blank lines still count, so row numbers match what a spreadsheet shows
    step: (results, parser) => {
      record += 1;
      if (onProgress && record >= nextProgress) {
        nextProgress += progressStep;
        onProgress(Math.min(1, record / estimate));
      }
      const ok = record === 1 ? table.header(results.data) : table.row(results.data, record, results.errors.length > 0);
      if (!ok) parser.abort();
    },
  });
  const result = table.finish();
  if (!('failure' in result)) onProgress?.(1);
  return result;
}
