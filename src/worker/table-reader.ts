// Reads the rows of a table (a CSV's records, a workbook sheet's rows) as text cells into columnar
// rows, reporting each row it has to skip. Shared by the CSV and the workbook readers, so both
// place, check and report rows the same way.
import { guessMapping } from './columns.ts';
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
export function isBlank(row: string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/** A row longer than the header with text past it: a stray delimiter (an unquoted "lat, lon") shifted its cells. */
function hasExtraCells(row: string[], headerLength: number): boolean {
  for (let i = headerLength; i < row.length; i += 1) if (row[i]?.trim() !== '') return true;
  return false;
}

export interface TableReader {
  /**
   * The header row. With `mapping` null the columns are guessed from it; false when there is no
   * origin column (the import then fails with 'no-origin-column').
   */
  header(row: string[]): boolean;
  /**
   * One data row and its 1-based number in the file; `malformed` when the tokenizer could not
   * read it. A blank row is skipped without a report. False once past the row limit.
   */
  row(row: string[], rowNumber: number, malformed?: boolean): boolean;
  finish(): ImportResult | { failure: ImportFailure };
}

/**
 * A reader for one table. `capacity` is a guess of the rows to come (it sizes the columns);
 * `separator` joins a malformed row's cells for its report.
 */
export function createTableReader(
  mapping: ColumnMapping | null,
  gazetteer: Gazetteer,
  capacity: number,
  separator: string,
): TableReader {
  const resolve = createPlaceResolver(gazetteer);
  const fields = createRowValidator(gazetteer);
  const errors: RowError[] = [];
  let failure = null as ImportFailure | null;
  let headerLength = 0;
  let dataRows = 0;
  let builder = null as RowBuilder | null;
  // Column indices, -1 for an unmapped field; set from the header row.
  let [oCol, dCol, vCol, uCol, sCol, tCol, lCol, iCol] = [-1, -1, -1, -1, -1, -1, -1, -1];

  const fail = (row: number, reason: RowErrorReason, detail: string): void => {
    errors.push({ row, reason, detail: toPlainText(detail, TEXT_LIMITS.detail) });
  };

  const readRow = (row: string[], record: number, originText: string, malformed: boolean): void => {
    if (malformed || hasExtraCells(row, headerLength)) return fail(record, 'row-malformed', row.join(separator));
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

  return {
    header(row) {
      headerLength = row.length;
      const columns = mapping ?? guessMapping(row);
      if (columns.origin === undefined) {
        failure = 'no-origin-column';
        return false;
      }
      [oCol = -1, dCol = -1, vCol = -1, uCol = -1, sCol = -1, tCol = -1, lCol = -1, iCol = -1] = FLOW_FIELDS.map(
        (field) => columns[field] ?? -1,
      );
      builder = createRowBuilder(Math.min(capacity, IMPORT_LIMITS.maxRows));
      return true;
    },
    row(row, rowNumber, malformed = false) {
      const originText = cellAt(row, oCol);
      if (!originText && isBlank(row)) return true; // only a row without an origin can be blank: check no further
      dataRows += 1;
      if (dataRows > IMPORT_LIMITS.maxRows) {
        failure = 'too-many-rows';
        return false;
      }
      readRow(row, rowNumber, originText, malformed);
      return true;
    },
    finish() {
      if (failure) return { failure };
      if (!builder || dataRows === 0) return { failure: 'empty' };
      return { rows: builder.finish(), errors, ...fields.counts() };
    },
  };
}
