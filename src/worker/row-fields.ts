// One validator for the fields both readers share (id, value, date, sector, unit, label): a CSV row
// and a GeoJSON feature get the same checks, reasons, limits and counts, in the same order.
import { createRowTextCleaner, parseDate, parseNumber } from './normalise.ts';
import { createSectorMatcher } from './resolve-place.ts';
import { TEXT_LIMITS, type Gazetteer, type RowErrorReason } from '../core/import-types.ts';

export interface FieldTexts {
  id: string;
  value: string;
  date: string;
  sector: string;
  unit: string;
  label: string;
}

export interface Fields {
  value: number;
  /** Epoch milliseconds, NaN when absent. */
  date: number;
  /** Index in the gazetteer's sectors, -1 when absent or unknown. */
  sector: number;
  unit: string;
  label: string;
}

export interface FieldProblem {
  reason: RowErrorReason;
  detail: string;
}

export interface RowValidator {
  /** The first row with an id keeps it; a later one is skipped, so no row is silently overwritten or doubled. */
  duplicateId(id: string): FieldProblem | null;
  /** Starts a row: any text cut from here until `endRow` counts once. */
  startRow(): void;
  /** Control and bidi-override characters stripped, cut to `max` characters. */
  clean(text: string, max: number): string;
  /** Checks and reads a row's fields; on success the row is accepted and its id kept. */
  accept(texts: FieldTexts): Fields | FieldProblem;
  endRow(): void;
  counts(): { unknownSectors: number; truncated: number };
}

/** Distinct date texts remembered: spreadsheets repeat a few dates over many rows. */
const DATE_CACHE_SIZE = 10_000;

export function createRowValidator(gazetteer: Gazetteer): RowValidator {
  const matchSector = createSectorMatcher(gazetteer);
  const cleaner = createRowTextCleaner();
  const dateCache = new Map<string, number>();
  const ids = new Set<string>();
  let unknownSectors = 0;
  let truncated = 0;
  const dateOf = (text: string): number => {
    let date = dateCache.get(text);
    if (date === undefined) {
      date = parseDate(text);
      if (dateCache.size < DATE_CACHE_SIZE) dateCache.set(text, date);
    }
    return date;
  };
  return {
    duplicateId: (id) => (id && ids.has(id) ? { reason: 'duplicate-id', detail: id } : null),
    startRow: () => cleaner.startRow(),
    clean: (text, max) => cleaner.clean(text, max),
    accept(texts) {
      const value = texts.value ? parseNumber(texts.value) : NaN;
      if (texts.value && !(value >= 0)) return { reason: 'value-invalid', detail: texts.value };
      const date = texts.date ? dateOf(texts.date) : NaN;
      if (texts.date && Number.isNaN(date)) return { reason: 'date-invalid', detail: texts.date };
      const sector = texts.sector ? matchSector(texts.sector) : -1;
      if (texts.sector && sector < 0) unknownSectors += 1;
      if (texts.id) ids.add(texts.id);
      return {
        value,
        date,
        sector,
        unit: cleaner.clean(texts.unit, TEXT_LIMITS.unit),
        label: cleaner.clean(texts.label, TEXT_LIMITS.label),
      };
    },
    endRow() {
      if (cleaner.cut()) truncated += 1;
    },
    counts: () => ({ unknownSectors, truncated }),
  };
}
