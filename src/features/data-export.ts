// Exports what the table shows as CSV, GeoJSON or an Excel workbook (each row with its source), and
// the whole dataset as the app's own JSON. All but the JSON use the import format, so they re-import.
import type { AtlasData } from '../core/atlas.ts';
import type { TableRecord } from '../model/table-model.ts';
import { downloadBlob, downloadText } from '../ui/download.ts';
import { toCsv, toGeoJson, type ExportRow } from '../worker/to-files.ts';

export type ExportFormat = 'csv' | 'geojson' | 'xlsx' | 'json';

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

/** Resolves once the file is offered; the workbook writer loads on the first .xlsx export. */
export async function exportRows(format: ExportFormat, records: TableRecord[], atlas: AtlasData): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  if (format === 'json')
    return downloadText(JSON.stringify(atlas, null, 1), `corridor-atlas-data-${day}.json`, 'application/json');
  const rows = exportRowsOf(records);
  if (format === 'xlsx') {
    const { toXlsx, XLSX_TYPE } = await import('../worker/to-xlsx.ts');
    return downloadBlob(new Blob([toXlsx(rows) as BlobPart], { type: XLSX_TYPE }), `corridor-atlas-${day}.xlsx`);
  }
  if (format === 'csv') downloadText(toCsv(rows), `corridor-atlas-${day}.csv`, 'text/csv;charset=utf-8');
  else downloadText(toGeoJson(rows), `corridor-atlas-${day}.geojson`, 'application/geo+json');
}
