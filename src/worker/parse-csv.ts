// Reads an analyst's CSV of flows or places into columnar rows, reporting each row it has to skip.
import Papa from 'papaparse';
import { guessMapping, sniffDelimiter } from './columns.ts';
import { toPlainText } from './normalise.ts';
import { createPlaceResolver } from './resolve-place.ts';
import { createRowValidator } from './row-fields.ts';
import { createRowBuilder, type RowBuilder } from './row-builder.ts';
import {
  FLOW_FIELDS,
  IMPORT_LIMITS,
  TEXT_LIMITS,
  type ColumnMapping,
  type Gazetteer,
  type ImportFailure,
  type ImportResult,
  type RowError,
  type RowErrorReason,
} from '../core/import-types.ts';

/** The first rows of a file, for the analyst to check the guessed mapping before importing. */
export interface CsvPreview {
  headers: string[];
  rows: string[][];
  delimiter: string;
  mapping: ColumnMapping;
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

/** A leading apostrophe that a CSV export added against formula injection is not part of the value. */
function unguard(cell: string): string {
  return cell.charCodeAt(0) === 39 && /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

/** A cell's text, trimmed and without an export's injection guard; '' for an unmapped or missing cell. */
function cellAt(row: string[], column: number): string {
  const cell = column < 0 ? undefined : row[column];
  return cell === undefined ? '' : unguard(cell.trim());
}

/** A row of nothing but blanks: skipped without a report, like an empty line. */
function isBlank(row: string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/** A row longer than the header with text past it: a stray delimiter (an unquoted "lat, lon") shifted its cells. */
function hasExtraCells(row: string[], headerLength: number): boolean {
  for (let i = headerLength; i < row.length; i += 1) if (row[i]?.trim() !== '') return true;
  return false;
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
  const resolve = createPlaceResolver(gazetteer);
  const fields = createRowValidator(gazetteer);
  const errors: RowError[] = [];
  let failure = null as ImportFailure | null;
  let headerLength = 0;
  let record = 0; // records seen, header included: the number of the current row once incremented
  let dataRows = 0;
  let builder = null as RowBuilder | null;
  const progressStep = Math.max(1, Math.floor(estimate / 100));
  let nextProgress = progressStep;

  const fail = (row: number, reason: RowErrorReason, detail: string): void => {
    errors.push({ row, reason, detail: toPlainText(detail, TEXT_LIMITS.detail) });
  };

  // Column indices, -1 for an unmapped field; set from the header row.
  let [oCol, dCol, vCol, uCol, sCol, tCol, lCol, iCol] = [-1, -1, -1, -1, -1, -1, -1, -1];

  const readRow = (row: string[], originText: string, malformed: boolean): void => {
    if (malformed || hasExtraCells(row, headerLength)) return fail(record, 'row-malformed', row.join(delimiter));
    if (!originText) return fail(record, 'origin-missing', '');
    const id = cellAt(row, iCol);
    const duplicate = fields.duplicateId(id);
    if (duplicate) return fail(record, duplicate.reason, duplicate.detail);
    const origin = resolve(originText);
    if ('error' in origin)
      return fail(record, origin.error === 'unknown' ? 'origin-unknown' : 'coordinates-out-of-range', originText);
    const destinationText = cellAt(row, dCol);
    const destination = destinationText ? resolve(destinationText) : null;
    if (destination && 'error' in destination) {
      return fail(
        record,
        destination.error === 'unknown' ? 'destination-unknown' : 'coordinates-out-of-range',
        destinationText,
      );
    }
    fields.startRow();
    const read = fields.accept({
      id,
      value: cellAt(row, vCol),
      date: cellAt(row, tCol),
      sector: cellAt(row, sCol),
      unit: cellAt(row, uCol),
      label: cellAt(row, lCol),
    });
    if ('reason' in read) return fail(record, read.reason, read.detail);
    builder?.push({
      origin: origin.lonLat,
      originName: origin.name,
      destination: destination?.lonLat ?? null,
      destinationName: destination?.name ?? '',
      value: read.value,
      date: read.date,
      sector: read.sector,
      unit: read.unit,
      label: read.label,
      rowNumber: record,
    });
    fields.endRow();
  };

  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false, // blank lines still count, so row numbers match what a spreadsheet shows
    step: (results, parser) => {
      record += 1;
      const row = results.data;
      if (onProgress && record >= nextProgress) {
        nextProgress += progressStep;
        onProgress(Math.min(1, record / estimate));
      }
      if (record === 1) {
        headerLength = row.length;
        const columns = mapping ?? guessMapping(row);
        if (columns.origin === undefined) {
          failure = 'no-origin-column';
          parser.abort();
          return;
        }
        [oCol = -1, dCol = -1, vCol = -1, uCol = -1, sCol = -1, tCol = -1, lCol = -1, iCol = -1] = FLOW_FIELDS.map(
          (field) => columns[field] ?? -1,
        );
        builder = createRowBuilder(Math.min(estimate, IMPORT_LIMITS.maxRows));
        return;
      }
      const originText = cellAt(row, oCol);
      if (!originText && isBlank(row)) return; // only a row without an origin can be blank: check no further
      dataRows += 1;
      if (dataRows > IMPORT_LIMITS.maxRows) {
        failure = 'too-many-rows';
        parser.abort();
        return;
      }
      readRow(row, originText, results.errors.length > 0);
    },
  });
  if (failure) return { failure };
  if (!builder || dataRows === 0) return { failure: 'empty' };
  onProgress?.(1);
  return { rows: builder.finish(), errors, ...fields.counts() };
}
