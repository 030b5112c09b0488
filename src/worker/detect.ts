// Tells a CSV, a GeoJSON file and an Excel workbook apart by the file's name and its first characters.
const CSV_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);
const JSON_EXTENSIONS = new Set(['geojson', 'json']);
/** .xls (the binary format before 2007) too, so it is refused with the workbook message that says to save it as .xlsx. */
const WORKBOOK_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xls']);

/**
 * The format to read a file as, or null when it is neither. Content beats the name: text that
 * opens with `{` is JSON even in a .txt. A .json file is read as GeoJSON whatever it holds, so
 * a wrong one is reported as invalid GeoJSON rather than as an unknown format; a file with
 * another extension is CSV when its first line has a comma, semicolon or tab in it. A workbook
 * extension, or a zip (`PK\3\4`) under a name that is not CSV or JSON, is a workbook: one that is
 * not a zip is then refused as an unreadable workbook.
 */
export function detectFormat(fileName: string, head: string): 'csv' | 'geojson' | 'xlsx' | null {
  const extension = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (WORKBOOK_EXTENSIONS.has(extension)) return 'xlsx';
  if (head.startsWith('PK\u0003\u0004') && !CSV_EXTENSIONS.has(extension) && !JSON_EXTENSIONS.has(extension))
    return 'xlsx';
  const start = head.replace(/^[\uFEFF\s]+/, '');
  if (start.startsWith('{')) return 'geojson';
  if (JSON_EXTENSIONS.has(extension)) return 'geojson';
  if (CSV_EXTENSIONS.has(extension)) return 'csv';
  const firstLine = start.split(/\r\n|\n|\r/, 1)[0] ?? '';
  // eslint-disable-next-line no-control-regex -- a NUL byte means binary, never a table
  return /[,;\t]/.test(firstLine) && !/\u0000/.test(head) ? 'csv' : null;
}
