// Reads an analyst's Excel workbook (.xlsx): one sheet's rows go through the same table reader as a
// CSV's, so mapping, checks and the per-row report are the same. Loaded by the worker only when a
// workbook is imported (read-excel-file and fflate stay out of every other path).
import readXlsxFile, { readSheet, type CellValue } from 'read-excel-file/universal';
import { guessMapping } from './columns.ts';
import { toPlainText } from './normalise.ts';
import type { CsvPreview, SheetPreview } from './parse-csv.ts';
import { createTableReader, isBlank } from './table-reader.ts';
import { mergedRanges, partText, storedZip, unzipWorkbook, workbookInfo, type CellRange } from './xlsx-archive.ts';
import {
  TEXT_LIMITS,
  type ColumnMapping,
  type Gazetteer,
  type ImportFailure,
  type ImportResult,
} from '../core/import-types.ts';

const DAY_MS = 86_400_000;
/** Day 0 of Excel's serial dates: 1899-12-30 (so that 1900-03-01 is 61), or 1904-01-01 in the 1904 system. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** One sheet as read: its cells, where its header is, and its merged cells. */
interface Sheet {
  name: string;
  /** Row i is the sheet's row i + 1; read-excel-file drops only empty rows at the end. */
  cells: (CellValue | null)[][];
  /** Index of the first row with any text: the header. -1 for an empty sheet. */
  header: number;
  merged: CellRange[];
}

interface Workbook {
  sheets: Sheet[];
  date1904: boolean;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const isoDay = (ms: number): string => {
  const d = new Date(ms);
  return Number.isNaN(d.getTime())
    ? ''
    : `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/**
 * A cell as the text a CSV would hold: a date cell as `yyyy-mm-dd` (read-excel-file gives dates at
 * UTC), a number as JavaScript writes it, a boolean as Excel shows it. In the date column a bare
 * number past any year (an Excel serial the sheet did not format as a date) is read as a serial.
 */
function cellText(cell: CellValue | null | undefined, isDate: boolean, date1904: boolean): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') {
    if (isDate && cell >= 3000 && cell < 2_958_466)
      return isoDay((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(cell) * DAY_MS);
    return String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell instanceof Date ? isoDay(cell.getTime()) : '';
}

function rowTexts(row: (CellValue | null)[] | undefined, dateColumn: number, date1904: boolean): string[] {
  // Array.from visits holes too: a merge filled past a row's end leaves some.
  return row ? Array.from(row, (cell, column) => cellText(cell, column === dateColumn, date1904)) : [];
}

/** A merged cell in the header row: its columns could not be told apart. */
const mergesHeader = (sheet: Sheet): boolean =>
  sheet.merged.some((r) => r.top <= sheet.header && r.bottom >= sheet.header);

/** Cells under a merge take the value of its top-left cell, as the sheet shows them (an origin merged down its rows). */
function fillMerged(sheet: Sheet): void {
  for (const range of sheet.merged) {
    if (range.top <= sheet.header) continue;
    const value = sheet.cells[range.top]?.[range.left] ?? null;
    for (let r = range.top; r <= Math.min(range.bottom, sheet.cells.length - 1); r += 1) {
      const row = sheet.cells[r]!;
      for (let c = range.left; c <= range.right; c += 1) if (r !== range.top || c !== range.left) row[c] = value;
    }
  }
}

/**
 * The workbook's sheets (only sheet `only`, 0-based, when given), or why it cannot be read. Any
 * error from the reader is a file it cannot read: 'xlsx-invalid'.
 */
async function readWorkbook(bytes: Uint8Array, only?: number): Promise<Workbook | { failure: ImportFailure }> {
  const unzipped = unzipWorkbook(bytes);
  if ('failure' in unzipped) return unzipped;
  const { parts } = unzipped;
  const info = workbookInfo(parts);
  if (info.sheets.length === 0) return { failure: 'xlsx-invalid' };
  if (only !== undefined && !info.sheets[only]) return { failure: 'xlsx-invalid' };
  // The other sheets' parts are left out: read-excel-file reads the sheets it finds.
  const wanted = only === undefined ? null : info.sheets[only]!.path;
  const kept = Object.fromEntries(
    Object.entries(parts).filter(([name]) => !wanted || !info.sheets.some((s) => s.path === name) || name === wanted),
  );
  let read: { sheet: string; data: (CellValue | null)[][] }[];
  try {
    const zip = storedZip(kept).buffer as ArrayBuffer;
    read =
      only === undefined
        ? await readXlsxFile(zip, { trim: false })
        : [{ sheet: info.sheets[only]!.name, data: await readSheet(zip, only + 1, { trim: false }) }];
  } catch (error) {
    console.warn('workbook not read', error);
    return { failure: 'xlsx-invalid' };
  }
  const sheets = read.map(({ sheet: name, data }): Sheet => {
    const path = info.sheets.find((s) => s.name === name)?.path ?? '';
    const header = data.findIndex((row) => row.some((cell) => cell !== null && String(cell).trim() !== ''));
    const sheet = { name, cells: data, header, merged: mergedRanges(partText(parts, path)) };
    fillMerged(sheet);
    return sheet;
  });
  return { sheets, date1904: info.date1904 };
}

/** The workbook's sheets for the mapping step (first `maxRows` rows each), the first importable one up front. */
export async function previewXlsx(bytes: Uint8Array, maxRows = 20): Promise<CsvPreview | { failure: ImportFailure }> {
  const book = await readWorkbook(bytes);
  if ('failure' in book) return book;
  const sheets = book.sheets.map((sheet): SheetPreview => {
    const plain = (row: string[]) => row.map((cell) => toPlainText(cell, TEXT_LIMITS.name));
    const headers = plain(rowTexts(sheet.cells[sheet.header], -1, book.date1904));
    const mapping: ColumnMapping = guessMapping(headers);
    const rows = sheet.cells
      .slice(sheet.header + 1)
      .map((row) => plain(rowTexts(row, mapping.date ?? -1, book.date1904)))
      .filter((row) => !isBlank(row))
      .slice(0, maxRows);
    const failure =
      sheet.header < 0 || rows.length === 0 ? 'empty' : mergesHeader(sheet) ? 'xlsx-merged-header' : undefined;
    return { name: toPlainText(sheet.name, TEXT_LIMITS.name), headers, rows, mapping, ...(failure ? { failure } : {}) };
  });
  // The first sheet whose origin column is recognised, else the first that can be imported at all.
  const recognised = sheets.findIndex((s) => !s.failure && s.mapping.origin !== undefined);
  const first = recognised >= 0 ? recognised : sheets.findIndex((s) => !s.failure);
  if (first < 0) return { failure: sheets.find((s) => s.failure !== 'empty')?.failure ?? 'empty' };
  const { headers, rows, mapping } = sheets[first]!;
  return { headers, rows, delimiter: '', mapping: { ...mapping, sheet: first }, sheets };
}

/**
 * Imports one sheet of a workbook: `mapping.sheet` (0-based; the first when absent), its first
 * row with text the header. With `mapping` null the columns are guessed. Row numbers are the
 * sheet's, as Excel shows them. `onProgress` hears the fraction done.
 */
export async function parseXlsx(
  bytes: Uint8Array,
  mapping: ColumnMapping | null,
  gazetteer: Gazetteer,
  onProgress?: (fraction: number) => void,
): Promise<ImportResult | { failure: ImportFailure }> {
  const book = await readWorkbook(bytes, mapping?.sheet ?? 0);
  if ('failure' in book) return book;
  const [sheet] = book.sheets;
  if (!sheet || sheet.header < 0) return { failure: 'empty' };
  if (mergesHeader(sheet)) return { failure: 'xlsx-merged-header' };
  onProgress?.(0.5);
  const total = sheet.cells.length;
  const table = createTableReader(mapping, gazetteer, total - sheet.header, '\t');
  const headers = rowTexts(sheet.cells[sheet.header], -1, book.date1904);
  if (!table.header(headers)) return table.finish();
  const dateColumn = (mapping ?? guessMapping(headers)).date ?? -1;
  const step = Math.max(1, Math.floor(total / 50));
  for (let r = sheet.header + 1; r < total; r += 1) {
    if (!table.row(rowTexts(sheet.cells[r], dateColumn, book.date1904), r + 1)) break;
    if (onProgress && r % step === 0) onProgress(0.5 + (0.5 * r) / total);
  }
  const result = table.finish();
  if (!('failure' in result)) onProgress?.(1);
  return result;
}
