// Exports what the table shows as CSV, GeoJSON or an Excel workbook (each row with its source), and
// the whole dataset as the app's own JSON. All but the JSON use the import format, so they re-import.
// The rows are read from the table's row ids a slice at a time, written into pieces of the file
// between other tasks: a million rows never become a million records at once.
import type { AtlasData } from '../core/atlas.ts';
import type { TableRecord } from '../model/table-model.ts';
import { recordAt, type TableSource } from '../model/table-source.ts';
import { nextTask } from '../core/work-slices.ts';
import { downloadBlob, downloadText } from '../ui/download.ts';
import {
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

/** The file's pieces, a slice of rows each, with a pause between slices. */
export async function exportParts(
  format: Exclude<ExportFormat, 'json'>,
  { source, ids }: ExportSelection,
  pause = nextTask,
): Promise<BlobPart[]> {
  const slices = async (write: (rows: ExportRow[], first: boolean) => void) => {
    for (let start = 0; start < ids.length || start === 0; start += ROWS_PER_SLICE) {
      const records: TableRecord[] = [];
      for (const id of ids.subarray(start, start + ROWS_PER_SLICE)) records.push(recordAt(source, id));
      write(exportRowsOf(records), start === 0);
      if (start + ROWS_PER_SLICE < ids.length) await pause();
    }
  };
  if (format === 'xlsx') {
    const { createXlsxWriter, XLSX_EXPORT } = await import('../worker/to-xlsx.ts');
    const writer = createXlsxWriter(XLSX_EXPORT.header, 'rows', XLSX_EXPORT.dateColumn);
    await slices((rows) => writer.add(exportCells(rows)));
    return writer.finish() as BlobPart[];
  }
  const parts: string[] = [format === 'csv' ? CSV_START : GEOJSON_START];
  let written = 0;
  await slices((rows) => {
    if (format === 'csv') parts.push(csvRows(rows));
    else if (rows.length) parts.push(`${written > 0 ? ',' : ''}${geoJsonFeatures(rows)}`);
    written += rows.length;
  });
  if (format === 'geojson') parts.push(GEOJSON_END);
  return parts;
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
