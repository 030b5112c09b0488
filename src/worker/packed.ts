// An import result packed for the trip from the worker to the app, and unpacked there in slices.
// A million rows carry three million short strings (labels, place names) and maybe as many error
// rows; posted as they are, the main thread deserialises them in one task of seconds. Packed, they
// are typed arrays only, transferred, and the app rebuilds the lists between frames. Even one long
// string is kept out of the message: a million labels joined (11 MB) took the receiving task 50–85 ms here
// to deserialise, where their UTF-16 code units transfer at no cost and decode a run at a time.
import { eachIndex, runSliced, type Pause, type Steps } from '../core/work-slices.ts';
import { ROW_ERROR_REASONS, type ImportedRows, type ImportResult, type RowError } from '../core/import-types.ts';

/**
 * Strings joined into one as UTF-16 code units, each ending at `ends[i]`; the text of a string that repeats is
 * kept once (`index`).
 */
export interface PackedStrings {
  units: Uint16Array;
  ends: Uint32Array;
  /** The distinct string each item is, or null when every item is its own. */
  index: Uint32Array | null;
}

type TextColumns = 'labels' | 'originNames' | 'destinationNames';

export interface PackedResult {
  rows: Omit<ImportedRows, TextColumns> & Record<TextColumns, PackedStrings>;
  errors: { rows: Uint32Array; reasons: Uint8Array; details: PackedStrings };
  unknownSectors: number;
  truncated: number;
}

/** `dedupe` for columns of few distinct values (place names), so each is sent and rebuilt once. */
export function packStrings(list: readonly string[], dedupe: boolean): PackedStrings {
  let distinct: readonly string[] = list;
  let index: Uint32Array | null = null;
  if (dedupe) {
    const seen = new Map<string, number>();
    const unique: string[] = [];
    index = new Uint32Array(list.length);
    list.forEach((item, i) => {
      let at = seen.get(item);
      if (at === undefined) seen.set(item, (at = unique.push(item) - 1));
      index![i] = at;
    });
    distinct = unique;
  }
  const ends = new Uint32Array(distinct.length);
  let end = 0;
  distinct.forEach((item, i) => (ends[i] = end += item.length));
  const units = new Uint16Array(end);
  let at = 0;
  for (const item of distinct) for (let c = 0; c < item.length; c++) units[at++] = item.charCodeAt(c);
  return { units, ends, index };
}

export function packResult(result: ImportResult): PackedResult {
  const { rows, errors } = result;
  const reasonIndex = new Map<string, number>(ROW_ERROR_REASONS.map((reason, i) => [reason, i]));
  return {
    rows: {
      ...rows,
      labels: packStrings(rows.labels, false),
      originNames: packStrings(rows.originNames, true),
      destinationNames: packStrings(rows.destinationNames, true),
    },
    errors: {
      rows: Uint32Array.from(errors, (e) => e.row),
      reasons: Uint8Array.from(errors, (e) => reasonIndex.get(e.reason) ?? 0),
      details: packStrings(
        errors.map((e) => e.detail),
        false,
      ),
    },
    unknownSectors: result.unknownSectors,
    truncated: result.truncated,
  };
}

/** The buffers of a packed result, to transfer rather than copy. */
export function packedTransferables(packed: PackedResult): ArrayBuffer[] {
  const { rows, errors } = packed;
  const arrays: ArrayBufferView[] = [
    rows.origins,
    rows.destinations,
    rows.values,
    rows.dates,
    rows.sectors,
    rows.units,
    rows.rowNumbers,
    errors.rows,
    errors.reasons,
  ];
  for (const strings of [rows.labels, rows.originNames, rows.destinationNames, errors.details])
    arrays.push(strings.units, strings.ends, ...(strings.index ? [strings.index] : []));
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

/** Code units decoded in one step: a run of short strings, or a piece of a long one. */
const RUN_UNITS = 16_384;
/** Code units per `String.fromCharCode` call, well inside the engines' limit on arguments. */
const CALL_UNITS = 8192;

function decode(units: Uint16Array, from: number, to: number): string {
  let text = '';
  for (let a = from; a < to; a += CALL_UNITS)
    text += String.fromCharCode.apply(null, units.subarray(a, Math.min(to, a + CALL_UNITS)) as unknown as number[]);
  return text;
}

/** The strings ending at `ends` into `out`, a run of about `RUN_UNITS` code units decoded and cut apart per step. */
function* decodeStrings(units: Uint16Array, ends: Uint32Array, out: string[]): Steps<void> {
  for (let i = 0; i < ends.length;) {
    const start = i === 0 ? 0 : ends[i - 1]!;
    let j = i + 1;
    while (j < ends.length && ends[j]! - start <= RUN_UNITS) j++;
    const text = decode(units, start, ends[j - 1]!);
    for (let k = i; k < j; k++) out[k] = text.slice((k === 0 ? 0 : ends[k - 1]!) - start, ends[k]! - start);
    i = j;
    yield;
  }
}

async function unpackStrings(packed: PackedStrings, length: number, pause: Pause, sliceMs: number): Promise<string[]> {
  const { units, ends, index } = packed;
  const distinct = new Array<string>(ends.length);
  await runSliced(decodeStrings(units, ends, distinct), pause, sliceMs);
  if (!index) return distinct;
  const list = new Array<string>(length);
  await runSliced(
    eachIndex(length, (i) => (list[i] = distinct[index[i]!]!)),
    pause,
    sliceMs,
  );
  return list;
}

/**
 * The result as the app uses it, rebuilt in slices of `sliceMs` with a `pause` between them,
 * so the main thread keeps drawing and answering input while a million rows arrive.
 */
export async function unpackResult(packed: PackedResult, pause: Pause, sliceMs = 8): Promise<ImportResult> {
  const { rows, errors } = packed;
  const labels = await unpackStrings(rows.labels, rows.count, pause, sliceMs);
  const originNames = await unpackStrings(rows.originNames, rows.count, pause, sliceMs);
  const destinationNames = await unpackStrings(rows.destinationNames, rows.count, pause, sliceMs);
  const details = await unpackStrings(errors.details, errors.rows.length, pause, sliceMs);
  const list = new Array<RowError>(errors.rows.length);
  await runSliced(
    eachIndex(
      list.length,
      (i) => (list[i] = { row: errors.rows[i]!, reason: ROW_ERROR_REASONS[errors.reasons[i]!]!, detail: details[i]! }),
    ),
    pause,
    sliceMs,
  );
  return {
    rows: { ...rows, labels, originNames, destinationNames },
    errors: list,
    unknownSectors: packed.unknownSectors,
    truncated: packed.truncated,
  };
}
