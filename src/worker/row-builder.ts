// Collects accepted rows into the columnar, transferable form both readers (CSV, GeoJSON) return.
import type { LonLat } from '../core/geodata.ts';
import type { ImportedRows } from '../core/import-types.ts';

/** One accepted row, before it is spread over the columns. */
export interface RowInput {
  origin: LonLat;
  originName: string;
  destination: LonLat | null;
  destinationName: string;
  value: number;
  date: number;
  sector: number;
  /** '' when absent. */
  unit: string;
  label: string;
  rowNumber: number;
}

/** Collects rows into typed arrays; {@link RowBuilder.finish} trims them to the rows pushed. */
export interface RowBuilder {
  push(row: RowInput): void;
  finish(): ImportedRows;
}

/** A row builder for about `capacity` rows (it grows if more come). Shared by the CSV and GeoJSON readers. */
export function createRowBuilder(capacity: number): RowBuilder {
  let size = Math.max(16, capacity);
  let origins = new Float64Array(size * 2);
  let destinations = new Float64Array(size * 2);
  let values = new Float64Array(size);
  let dates = new Float64Array(size);
  let sectors = new Int16Array(size);
  let units = new Int32Array(size);
  let rowNumbers = new Uint32Array(size);
  const labels: string[] = [];
  const originNames: string[] = [];
  const destinationNames: string[] = [];
  const unitNames: string[] = [];
  const unitIndex = new Map<string, number>();
  let count = 0;
  // Copies into a bigger array; also trims to `count` at the end, so every column owns its buffer and can be transferred.
  const resize = <T extends Float64Array | Int16Array | Int32Array | Uint32Array>(array: T, length: number): T => {
    const next = new (array.constructor as new (n: number) => T)(length);
    next.set(array.subarray(0, Math.min(length, array.length)));
    return next;
  };
  return {
    push(row) {
      if (count === size) {
        size *= 2;
        [origins, destinations] = [resize(origins, size * 2), resize(destinations, size * 2)];
        [values, dates, sectors, units, rowNumbers] = [
          resize(values, size),
          resize(dates, size),
          resize(sectors, size),
          resize(units, size),
          resize(rowNumbers, size),
        ];
      }
      origins[count * 2] = row.origin[0];
      origins[count * 2 + 1] = row.origin[1];
      destinations[count * 2] = row.destination ? row.destination[0] : NaN;
      destinations[count * 2 + 1] = row.destination ? row.destination[1] : NaN;
      values[count] = row.value;
      dates[count] = row.date;
      sectors[count] = row.sector;
      let unit = -1;
      if (row.unit) {
        unit = unitIndex.get(row.unit) ?? unitNames.length;
        if (unit === unitNames.length) {
          unitNames.push(row.unit);
          unitIndex.set(row.unit, unit);
        }
      }
      units[count] = unit;
      rowNumbers[count] = row.rowNumber;
      labels.push(row.label);
      originNames.push(row.originName);
      destinationNames.push(row.destinationName);
      count += 1;
    },
    finish() {
      return {
        count,
        origins: resize(origins, count * 2),
        destinations: resize(destinations, count * 2),
        values: resize(values, count),
        dates: resize(dates, count),
        sectors: resize(sectors, count),
        units: resize(units, count),
        unitNames,
        labels,
        originNames,
        destinationNames,
        rowNumbers: resize(rowNumbers, count),
      };
    },
  };
}
