// Writes rows as an Excel workbook (.xlsx) in the import format, so it re-imports as the same rows.
// A minimal SpreadsheetML package (one sheet, inline strings, one date style) zipped by fflate
// synchronously: write-excel-file zips through fflate's async API, which starts blob: workers that
// the served build's Content-Security-Policy (worker-src 'self') refuses. Loaded on demand.
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { CSV_HEADER, exportCells, type ExportRow } from './to-files.ts';
import type { Gazetteer } from '../core/import-types.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const DAY_MS = 86_400_000;
/** Excel's day 0 (1900 date system): 1899-12-30, so that serials from 1900-03-01 on are right. */
const EPOCH = Date.UTC(1899, 11, 30);

// Characters XML 1.0 cannot hold at all (Excel refuses the file): C0 controls but tab, LF, CR; lone surrogates; U+FFFE/F.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data or attribute value. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** "A", "B", … "Z", "AA": a 0-based column's letters. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A full ISO day as an Excel serial, else null (a year or month alone stays text). */
function daySerial(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return ms >= Date.UTC(1900, 2, 1) ? Math.round((ms - EPOCH) / DAY_MS) : null;
}

/**
 * One cell. Text is an inline string, never a formula, so nothing in it runs (no guard needed);
 * a number is a number; a day in the date column a date (style 1, yyyy-mm-dd).
 */
function cell(ref: string, value: string | number | null, isDate: boolean): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  const serial = isDate ? daySerial(value) : null;
  if (serial !== null) return `<c r="${ref}" s="1"><v>${serial}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
}

/** The sheet part: a header row, then one row per exported row. */
function sheetXml(header: readonly string[], rows: (string | number | null)[][], dateColumn: number): string {
  const lines = [header, ...rows].map((row, r) => rowXml(row, r, dateColumn));
  return `${SHEET_START}${lines.join('')}${SHEET_END}`;
}

/** The sheet's row `r` (0-based: 0 is the header). */
function rowXml(row: readonly (string | number | null)[], r: number, dateColumn: number): string {
  const cells = row.map((value, c) => cell(`${columnName(c)}${r + 1}`, value, r > 0 && c === dateColumn)).join('');
  return `<row r="${r + 1}">${cells}</row>`;
}

const SHEET_START =
  `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">` +
  `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
const SHEET_END = '</sheetData></worksheet>';

const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Every part of the package but the sheet. */
function packageParts(sheetName: string): Record<string, string> {
  return {
    '[Content_Types].xml':
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
    '_rels/.rels':
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      `<sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': STYLES,
  };
}

/** A workbook of one sheet named `sheetName` holding `header` and `rows`; `dateColumn` holds ISO days. */
export function workbookBytes(
  header: readonly string[],
  rows: (string | number | null)[][],
  sheetName = 'rows',
  dateColumn = -1,
): Uint8Array {
  const parts: Record<string, string> = {
    ...packageParts(sheetName),
    'xl/worksheets/sheet1.xml': sheetXml(header, rows, dateColumn),
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])), { level: 6 });
}

/** The rows as an .xlsx workbook in the import format (the CSV export's columns). */
export function toXlsx(rows: ExportRow[], gazetteer?: Gazetteer): Uint8Array {
  return workbookBytes(CSV_HEADER, exportCells(rows, gazetteer), 'rows', CSV_HEADER.indexOf('date'));
}

/**
 * A workbook written a slice of rows at a time (a million rows' sheet is hundreds of megabytes of
 * XML): each slice is deflated as it comes, so neither the whole text nor a long task is needed.
 */
export function createXlsxWriter(
  header: readonly string[],
  sheetName = 'rows',
  dateColumn = -1,
): { add(rows: (string | number | null)[][]): void; finish(): Uint8Array[] } {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  for (const [name, xml] of Object.entries(packageParts(sheetName))) {
    const part = new ZipDeflate(name, { level: 6 });
    zip.add(part);
    part.push(strToU8(xml), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8(SHEET_START + rowXml(header, 0, dateColumn)));
  let r = 0;
  return {
    add(rows) {
      sheet.push(strToU8(rows.map((row) => rowXml(row, ++r, dateColumn)).join('')));
    },
    finish() {
      sheet.push(strToU8(SHEET_END), true);
      zip.end();
      return chunks;
    },
  };
}

/** The CSV export's columns for {@link createXlsxWriter}. */
export const XLSX_EXPORT = { header: CSV_HEADER, dateColumn: CSV_HEADER.indexOf('date') } as const;
