// Exports what the table shows as CSV, GeoJSON or an Excel workbook (each row with its source), and
// the whole dataset as the app's own JSON. All but the JSON use the import format, so they re-import.
// The rows are read from the table's row ids a slice at a time, written into pieces of the file
// between other tasks: a million rows never become a million records at once.
import type { AtlasData } from '../core/atlas.ts';
import { cellText, type TableRecord } from '../model/table-model.ts';
import { t } from '../core/i18n/i18n.ts';
import { recordAt, type TableSource } from '../model/table-source.ts';
import { nextTask } from '../core/work-slices.ts';
import { downloadBlob, downloadText } from '../ui/download.ts';
import {
  csvCell,
  CSV_HEADER,
  csvRows,
  CSV_START,
  exportCells,
  geoJsonFeatures,
  GEOJSON_END,
  GEOJSON_START,
  type ExportRow,
} from '../worker/to-files.ts';

export type ExportFormat = 'csv' | 'geojson' | 'xlsx' | 'json';

/** Rows the table hands over: its source and the ids it shows, in order. */
export interface ExportSelection {
  source: TableSource;
  ids: Uint32Array;
}

/** How many rows each piece of the file holds: some milliseconds of work. */
const ROWS_PER_SLICE = 2000;

/** Rows that have a place on the map; a record without one (none today) is left out. */
export function exportRowsOf(records: TableRecord[]): ExportRow[] {
  return records.flatMap((record): ExportRow[] =>
    record.origin
      ? [
          {
            origin: record.origin.name,
            destination: record.destination?.name ?? '',
            originLonLat: record.origin.lonLat,
            destinationLonLat: record.destination?.lonLat ?? null,
            value: record.amount,
            unit: record.amount === null ? '' : record.unit,
            sector: record.sectors[0] ?? '',
            date: record.date ?? '',
            label: record.title,
            source: record.source,
          },
        ]
      : [],
  );
}

/**
 * While two periods are compared, the table's change column goes with the rows as two more columns: the
 * change as the table words it, and its class (new, more, same, less, gone) for a spreadsheet's filter.
 * Headers in the table's language; empty for a row without a change (an atlas record). Null when not comparing.
 */
export function changeColumns(source: TableSource): { header: string[]; cells(record: TableRecord): string[] } | null {
  if (!source.comparing) return null;
  const { lang } = source;
  return {
    header: [t(lang, 'table.col.change'), t(lang, 'table.col.changeClass')],
    cells: (record) => (record.change ? [cellText(record, 'change', lang), record.change.kind] : ['', '']),
  };
}

type Cell = string | number | null;

/** One CSV line, written as the import format's lines are (csvRows). */
const csvLine = (cells: Cell[]) =>
  `${cells.map((cell) => (typeof cell === 'number' ? String(cell) : cell === null ? '' : csvCell(cell))).join(',')}\r\n`;

/** The file's pieces, a slice of rows each, with a pause between slices. */
export async function exportParts(
  format: Exclude<ExportFormat, 'json'>,
  { source, ids }: ExportSelection,
  pause = nextTask,
): Promise<BlobPart[]> {
  const change = changeColumns(source);
  /** Each slice's rows, and their change cells while comparing (none otherwise). */
  const slices = async (write: (rows: ExportRow[], extra: string[][]) => void) => {
    for (let start = 0; start < ids.length || start === 0; start += ROWS_PER_SLICE) {
      const records: TableRecord[] = [];
      for (const id of ids.subarray(start, start + ROWS_PER_SLICE)) {
        const record = recordAt(source, id);
        if (record.origin) records.push(record);
      }
      write(exportRowsOf(records), change ? records.map(change.cells) : []);
      if (start + ROWS_PER_SLICE < ids.length) await pause();
    }
  };
  /** The import format's cells of each row, with its change cells after them while comparing. */
  const cellsOf = (rows: ExportRow[], extra: string[][]): Cell[][] =>
    exportCells(rows).map((cells, i) => (change ? [...cells, ...extra[i]!] : cells));
  if (format === 'xlsx') {
    const { createXlsxWriter, XLSX_EXPORT } = await import('../worker/to-xlsx.ts');
    const writer = createXlsxWriter([...XLSX_EXPORT.header, ...(change?.header ?? [])], 'rows', XLSX_EXPORT.dateColumn);
    await slices((rows, extra) => writer.add(cellsOf(rows, extra)));
    return writer.finish() as BlobPart[];
  }
  const parts: string[] = [
    format === 'geojson' ? GEOJSON_START : change ? `\uFEFF${csvLine([...CSV_HEADER, ...change.header])}` : CSV_START,
  ];
  let written = 0;
  await slices((rows, extra) => {
    if (format === 'csv') parts.push(change ? cellsOf(rows, extra).map(csvLine).join('') : csvRows(rows));
    else if (rows.length)
      parts.push(
        `${written > 0 ? ',' : ''}${change ? changeFeatures(rows, extra, change.header) : geoJsonFeatures(rows)}`,
      );
    written += rows.length;
  });
  if (format === 'geojson') parts.push(GEOJSON_END);
  return parts;
}

/** GeoJSON features with the change columns among their properties, under the same headers as the CSV's. */
function changeFeatures(rows: ExportRow[], extra: string[][], header: string[]): string {
  const features = JSON.parse(`[${geoJsonFeatures(rows)}]`) as { properties: Record<string, unknown> }[];
  features.forEach((feature, i) => header.forEach((name, k) => (feature.properties[name] = extra[i]![k])));
  return JSON.stringify(features).slice(1, -1);
}

/** Resolves once the file is offered; the workbook writer loads on the first .xlsx export. */
export async function exportRows(format: ExportFormat, rows: ExportSelection, atlas: AtlasData): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  if (format === 'json')
    return downloadText(JSON.stringify(atlas, null, 1), `corridor-atlas-data-${day}.json`, 'application/json');
  const parts = await exportParts(format, rows);
  if (format === 'xlsx') {
    const { XLSX_TYPE } = await import('../worker/to-xlsx.ts');
    return downloadBlob(new Blob(parts, { type: XLSX_TYPE }), `corridor-atlas-${day}.xlsx`);
  }
  if (format === 'csv') downloadBlob(new Blob(parts, { type: 'text/csv;charset=utf-8' }), `corridor-atlas-${day}.csv`);
  else downloadBlob(new Blob(parts, { type: 'application/geo+json' }), `corridor-atlas-${day}.geojson`);
}
