// The workspace file: the view (AppState) and every imported dataset in one JSON text, and the checks
// that read one back. Pure (no DOM): the typed columns travel as base64 of their little-endian bytes,
// the string tables as JSON arrays. Nothing read from a file is trusted: every field is checked for
// its type, every length against its limit before anything is allocated, every text cleaned as an
// import cleans it, and the view state goes through the URL parser (`validateWorkspaceState`).
import {
  FLOW_FIELDS,
  IMPORT_LIMITS,
  ROW_ERROR_REASONS,
  TEXT_LIMITS,
  type ColumnMapping,
  type FlowField,
  type ImportedRows,
  type RowError,
  type RowErrorReason,
} from '../../core/import-types.ts';
import { toPlainText } from '../../worker/normalise.ts';
import type { AppState, ImportedDataset } from '../../state/state.ts';
import { EMBEDDED_WORKSPACE_ID } from './boot.ts';
import { base64Decode, base64Encode } from './base64.ts';
import { textsOf } from '../../core/text-column.ts';
import { isRecord } from './workspace-state.ts';

export { base64Decode, base64Encode } from './base64.ts';
export { validateWorkspaceState, type StateCatalog } from './workspace-state.ts';

export const WORKSPACE_FORMAT = 'corridor-atlas-workspace';
/** The version this code writes and the newest it reads; a file of a later version is refused with its own message. */
export const WORKSPACE_VERSION = 1;
/** File names the app saves and recognises as workspaces. */
export const WORKSPACE_EXTENSIONS = ['.atlas.json', '.corridor-atlas'] as const;

/** Bounds on what a workspace may hold: a file is refused before anything larger is allocated. */
export const WORKSPACE_LIMITS = {
  /** The file's text, in UTF-16 units (about the bytes of a base64-heavy file). */
  maxChars: 512 * 1024 * 1024,
  maxDatasets: 100,
  maxRowsPerDataset: IMPORT_LIMITS.maxRows,
  maxTotalRows: 5_000_000,
  maxUnitNames: IMPORT_LIMITS.maxRows,
  maxSectors: 1000,
} as const;

/** A spreadsheet has at most 16,384 columns (and sheets are far fewer): a mapping's indexes stay below. */
const MAX_COLUMN = 16_384;

/** Why a workspace could not be opened; each has a message `workspace.failure.<problem>` in both languages. */
export const WORKSPACE_PROBLEMS = ['not-workspace', 'newer-version', 'malformed', 'too-large'] as const;
export type WorkspaceProblem = (typeof WORKSPACE_PROBLEMS)[number];

export class WorkspaceError extends Error {
  constructor(
    readonly problem: WorkspaceProblem,
    /** Where in the file (a path such as `datasets[0].rows.origins`), or the version found. */
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'WorkspaceError';
  }
}

/** What a workspace holds once read: the state as written (check it with `validateWorkspaceState`) and the datasets. */
export interface WorkspaceContent {
  version: number;
  savedAt: string | null;
  state: unknown;
  datasets: ImportedDataset[];
}

type Column = 'origins' | 'destinations' | 'values' | 'dates' | 'sectors' | 'units' | 'rowNumbers';
type TypedColumn = Float64ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor;
/** Each typed column: its array type and values per row. */
const COLUMNS: Record<Column, [TypedColumn, number]> = {
  origins: [Float64Array, 2],
  destinations: [Float64Array, 2],
  values: [Float64Array, 1],
  dates: [Float64Array, 1],
  sectors: [Int16Array, 1],
  units: [Int32Array, 1],
  rowNumbers: [Uint32Array, 1],
};
const TEXT_COLUMNS = { labels: TEXT_LIMITS.label, originNames: TEXT_LIMITS.name, destinationNames: TEXT_LIMITS.name };

/** Typed arrays are written in the machine's byte order; every browser's is little-endian, which the format names. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The workspace as text. `sectorIds` are the ids behind `ImportedRows.sectors` (the gazetteer's sectors, in order):
 * the file keeps them, so a later gazetteer with its sectors in another order still reads the rows right.
 */
export function encodeWorkspace(
  state: AppState,
  datasets: readonly ImportedDataset[],
  sectorIds: readonly string[],
  savedAt: Date = new Date(),
): string {
  if (!LITTLE_ENDIAN) throw new Error('workspace files are little-endian; this machine is not');
  const file = {
    // `format` first: a reader can recognise the file from its first bytes.
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    savedAt: savedAt.toISOString(),
    state,
    sectors: sectorIds,
    datasets: datasets.map((d) => ({
      id: d.id,
      name: d.name,
      unknownSectors: d.unknownSectors,
      truncated: d.truncated,
      errors: d.errors,
      ...(d.mapping ? { mapping: d.mapping } : {}),
      rows: encodeRows(d.rows),
    })),
  };
  return JSON.stringify(file);
}

function encodeRows(rows: ImportedRows): Record<string, unknown> {
  const out: Record<string, unknown> = { count: rows.count, encoding: 'base64-le' };
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const array = rows[column];
    out[column] = base64Encode(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  out['unitNames'] = rows.unitNames;
  for (const column of Object.keys(TEXT_COLUMNS) as (keyof typeof TEXT_COLUMNS)[]) out[column] = textsOf(rows[column]);
  return out;
}

/** True when a file's name or first characters say it is a workspace (an `.atlas.json` file, or JSON that says so). */
export function looksLikeWorkspace(name: string, head: string): boolean {
  const lower = name.toLowerCase();
  if (WORKSPACE_EXTENSIONS.some((ext) => lower.endsWith(ext))) return true;
  return /^\uFEFF?\s*\{\s*"format"\s*:\s*"corridor-atlas-workspace"/.test(head);
}

/**
 * Reads a workspace; throws a `WorkspaceError` for anything that is not a whole, valid workspace of this version
 * or older. `sectorIds` are the current gazetteer's sectors: rows' sectors are mapped onto them (unknown: -1).
 */
export function decodeWorkspace(text: string, sectorIds: readonly string[]): WorkspaceContent {
  if (typeof text !== 'string') throw new WorkspaceError('not-workspace', 'not text');
  if (text.length > WORKSPACE_LIMITS.maxChars) throw new WorkspaceError('too-large', String(text.length));
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new WorkspaceError('not-workspace', 'not JSON');
  }
  if (!isRecord(raw) || raw['format'] !== WORKSPACE_FORMAT) throw new WorkspaceError('not-workspace', 'format');
  const version = raw['version'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
    throw new WorkspaceError('malformed', 'version');
  if (version > WORKSPACE_VERSION) throw new WorkspaceError('newer-version', String(version));

  const savedAt = typeof raw['savedAt'] === 'string' ? raw['savedAt'].slice(0, 40) : null;
  if (!isRecord(raw['state'])) throw new WorkspaceError('malformed', 'state');
  const fileSectors = raw['sectors'];
  if (
    !Array.isArray(fileSectors) ||
    fileSectors.length > WORKSPACE_LIMITS.maxSectors ||
    !fileSectors.every((s) => typeof s === 'string')
  )
    throw new WorkspaceError('malformed', 'sectors');
  // File sector index → current sector index (-1 when the atlas no longer has it).
  const sectorMap = Int16Array.from(fileSectors as string[], (id) => sectorIds.indexOf(id));

  const list = raw['datasets'];
  if (!Array.isArray(list)) throw new WorkspaceError('malformed', 'datasets');
  if (list.length > WORKSPACE_LIMITS.maxDatasets) throw new WorkspaceError('too-large', 'datasets');
  // Every declared count is checked before any column is decoded.
  let total = 0;
  list.forEach((d, i) => {
    const count = isRecord(d) && isRecord(d['rows']) ? d['rows']['count'] : undefined;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
      throw new WorkspaceError('malformed', `datasets[${i}].rows.count`);
    if (count > WORKSPACE_LIMITS.maxRowsPerDataset) throw new WorkspaceError('too-large', `datasets[${i}].rows.count`);
    total += count;
  });
  if (total > WORKSPACE_LIMITS.maxTotalRows) throw new WorkspaceError('too-large', 'rows');

  const ids = new Set<number>();
  const datasets = list.map((d, i) => {
    const dataset = decodeDataset(d as Record<string, unknown>, `datasets[${i}]`, sectorMap);
    if (ids.has(dataset.id)) throw new WorkspaceError('malformed', `datasets[${i}].id`);
    ids.add(dataset.id);
    return dataset;
  });
  return { version, savedAt, state: raw['state'], datasets };
}

function decodeDataset(raw: Record<string, unknown>, at: string, sectorMap: Int16Array): ImportedDataset {
  const bad = (field: string): never => {
    throw new WorkspaceError('malformed', `${at}.${field}`);
  };
  const id = raw['id'];
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) bad('id');
  if (typeof raw['name'] !== 'string') bad('name');
  const errors = raw['errors'];
  if (!Array.isArray(errors) || errors.length > IMPORT_LIMITS.maxRows) bad('errors');
  return {
    id: id as number,
    name: toPlainText(raw['name'] as string, TEXT_LIMITS.name),
    unknownSectors: count(raw['unknownSectors']) ?? bad('unknownSectors'),
    truncated: count(raw['truncated']) ?? bad('truncated'),
    errors: (errors as unknown[]).map((e, i) => decodeError(e) ?? bad(`errors[${i}]`)),
    ...(raw['mapping'] === undefined ? {} : { mapping: decodeMapping(raw['mapping']) ?? bad('mapping') }),
    rows: decodeRows(raw['rows'] as Record<string, unknown>, `${at}.rows`, sectorMap),
  };
}

/** A column mapping: known fields (and `sheet`) to column indexes, nothing else. */
function decodeMapping(raw: unknown): ColumnMapping | null {
  if (!isRecord(raw)) return null;
  const mapping: ColumnMapping = {};
  for (const [key, value] of Object.entries(raw)) {
    const index = count(value);
    if (index === null || index >= MAX_COLUMN) return null;
    if (key === 'sheet') mapping.sheet = index;
    else if ((FLOW_FIELDS as readonly string[]).includes(key)) mapping[key as FlowField] = index;
    else return null;
  }
  return mapping;
}

const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;

function decodeError(raw: unknown): RowError | null {
  if (!isRecord(raw)) return null;
  const { row, reason, detail } = raw;
  if (typeof row !== 'number' || !Number.isSafeInteger(row) || row < 0) return null;
  if (typeof reason !== 'string' || !(ROW_ERROR_REASONS as readonly string[]).includes(reason)) return null;
  if (typeof detail !== 'string') return null;
  return { row, reason: reason as RowErrorReason, detail: toPlainText(detail, TEXT_LIMITS.detail) };
}

function decodeRows(raw: Record<string, unknown>, at: string, sectorMap: Int16Array): ImportedRows {
  const bad = (field: string, problem: WorkspaceProblem = 'malformed'): never => {
    throw new WorkspaceError(problem, `${at}.${field}`);
  };
  const n = raw['count'] as number; // checked by the caller
  if (raw['encoding'] !== 'base64-le') bad('encoding');
  const column = <T extends Column>(name: T): ImportedRows[T] => {
    const [Type, per] = COLUMNS[name];
    const text = raw[name];
    if (typeof text !== 'string') return bad(name);
    const bytes = base64Decode(text, n * per * Type.BYTES_PER_ELEMENT);
    if (!bytes) return bad(name);
    return new Type(bytes.buffer, 0, n * per) as ImportedRows[T];
  };
  const texts = (name: keyof typeof TEXT_COLUMNS | 'unitNames', length: number | null, limit: number): string[] => {
    const list = raw[name];
    if (!Array.isArray(list) || (length !== null && list.length !== length)) return bad(name);
    if (list.length > WORKSPACE_LIMITS.maxUnitNames) return bad(name, 'too-large');
    return list.map((s: unknown) => (typeof s === 'string' ? toPlainText(s, limit) : bad(name)));
  };

  const origins = column('origins');
  const destinations = column('destinations');
  const values = column('values');
  const dates = column('dates');
  const sectors = column('sectors');
  const units = column('units');
  const rowNumbers = column('rowNumbers');
  const unitNames = texts('unitNames', null, TEXT_LIMITS.unit);
  const labels = texts('labels', n, TEXT_LIMITS.label);
  const originNames = texts('originNames', n, TEXT_LIMITS.name);
  const destinationNames = texts('destinationNames', n, TEXT_LIMITS.name);

  const lonLat = (lon: number, lat: number) =>
    Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
  for (let i = 0; i < n; i++) {
    if (!lonLat(origins[2 * i]!, origins[2 * i + 1]!)) bad(`origins[${i}]`);
    const [lon, lat] = [destinations[2 * i]!, destinations[2 * i + 1]!];
    if (!(Number.isNaN(lon) && Number.isNaN(lat)) && !lonLat(lon, lat)) bad(`destinations[${i}]`);
    const value = values[i]!;
    if (!Number.isNaN(value) && !Number.isFinite(value)) bad(`values[${i}]`);
    const date = dates[i]!;
    if (!Number.isNaN(date) && !(Number.isInteger(date) && Math.abs(date) <= 8.64e15)) bad(`dates[${i}]`);
    const sector = sectors[i]!;
    if (sector < -1 || sector >= sectorMap.length) bad(`sectors[${i}]`);
    sectors[i] = sector < 0 ? -1 : sectorMap[sector]!;
    if (units[i]! < -1 || units[i]! >= unitNames.length) bad(`units[${i}]`);
    if (rowNumbers[i]! < 1) bad(`rowNumbers[${i}]`);
  }
  return {
    count: n,
    origins,
    destinations,
    values,
    dates,
    sectors,
    units,
    unitNames,
    labels,
    originNames,
    destinationNames,
    rowNumbers,
  };
}

const EMBEDDED_BLOCK = new RegExp(
  `<script type="application/json" id="${EMBEDDED_WORKSPACE_ID}">[^<]*</script>\n?`,
  'g',
);

/**
 * The page `html` with `workspace` (a workspace's text) in a `<script type="application/json">` data block at the
 * end of its body, in place of any it had. A data block is never run, so the page's script policy is unchanged.
 * Every `<` in the text is written as `\u003c`, which JSON reads back the same: the text cannot end the block.
 */
export function embedWorkspace(html: string, workspace: string): string {
  const block = `<script type="application/json" id="${EMBEDDED_WORKSPACE_ID}">${workspace.replace(/</g, '\\u003c')}</script>`;
  const page = html.replace(EMBEDDED_BLOCK, '');
  const end = page.lastIndexOf('</body>');
  return end < 0 ? `${page}${block}\n` : `${page.slice(0, end)}${block}\n${page.slice(end)}`;
}
