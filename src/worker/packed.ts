// An import result packed for the trip from the worker to the app, and unpacked there in slices.
// A million rows carry three million short strings (labels, place names) and maybe as many error
// rows; posted as they are, the main thread deserialises them in one task of seconds. Packed, they
// are typed arrays only, transferred, and the app rebuilds the lists between frames. Even one long
// string is kept out of the message: a million labels joined (11 MB) took the receiving task 50–85 ms here
// to deserialise, where their UTF-16 code units transfer at no cost and decode a run at a time.
import { eachIndex, runNow, runSliced, type Pause, type Steps } from '../core/work-slices.ts';
import { ROW_ERROR_REASONS, type ImportedRows, type ImportResult, type RowError } from '../core/import-types.ts';
import { numberPlaces } from '../core/place-ids.ts';

/** Strings joined into one as UTF-16 code units, each ending at `ends[i]`. */
export interface PackedStrings {
  units: Uint16Array;
  ends: Uint32Array;
}

type TextColumns = 'labels' | 'originNames' | 'destinationNames' | 'placeIds';

export interface PackedResult {
  rows: Omit<ImportedRows, TextColumns> & {
    labels: PackedStrings;
    /** Place keys as numbered (`PlaceIds`): each distinct key is sent and rebuilt once, the numbers as they are. */
    placeKeys: PackedStrings;
    originPlaces: Uint32Array;
    destinationPlaces: Uint32Array;
  };
  errors: { rows: Uint32Array; reasons: Uint8Array; details: PackedStrings };
  unknownSectors: number;
  truncated: number;
}

export function packStrings(list: readonly string[]): PackedStrings {
  const ends = new Uint32Array(list.length);
  let end = 0;
  list.forEach((item, i) => (ends[i] = end += item.length));
  const units = new Uint16Array(end);
  let at = 0;
  for (const item of list) for (let c = 0; c < item.length; c++) units[at++] = item.charCodeAt(c);
  return { units, ends };
}

export function packResult(result: ImportResult): PackedResult {
  const { labels, originNames, destinationNames, placeIds, ...columns } = result.rows;
  const { errors } = result;
  const places = placeIds ?? runNow(numberPlaces({ count: columns.count, originNames, destinationNames }));
  const reasonIndex = new Map<string, number>(ROW_ERROR_REASONS.map((reason, i) => [reason, i]));
  return {
    rows: {
      ...columns,
      labels: packStrings(labels),
      placeKeys: packStrings(places.keys),
      originPlaces: places.origins,
      destinationPlaces: places.destinations,
    },
    errors: {
      rows: Uint32Array.from(errors, (e) => e.row),
      reasons: Uint8Array.from(errors, (e) => reasonIndex.get(e.reason) ?? 0),
      details: packStrings(errors.map((e) => e.detail)),
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
    rows.originPlaces,
    rows.destinationPlaces,
    errors.rows,
    errors.reasons,
  ];
  for (const strings of [rows.labels, rows.placeKeys, errors.details]) arrays.push(strings.units, strings.ends);
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

async function unpackStrings(packed: PackedStrings, pause: Pause, sliceMs: number): Promise<string[]> {
  const list = new Array<string>(packed.ends.length);
  await runSliced(decodeStrings(packed.units, packed.ends, list), pause, sliceMs);
  return list;
}

/** The keys of numbered places, row by row. */
async function placeNames(keys: string[], ids: Uint32Array, pause: Pause, sliceMs: number): Promise<string[]> {
  const list = new Array<string>(ids.length);
  await runSliced(
    eachIndex(ids.length, (i) => (list[i] = keys[ids[i]!]!)),
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
  const { labels: packedLabels, placeKeys, originPlaces, destinationPlaces, ...columns } = packed.rows;
  const { errors } = packed;
  const labels = await unpackStrings(packedLabels, pause, sliceMs);
  const keys = await unpackStrings(placeKeys, pause, sliceMs);
  const originNames = await placeNames(keys, originPlaces, pause, sliceMs);
  const destinationNames = await placeNames(keys, destinationPlaces, pause, sliceMs);
  const details = await unpackStrings(errors.details, pause, sliceMs);
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
    rows: {
      ...columns,
      labels,
      originNames,
      destinationNames,
      placeIds: { keys, origins: originPlaces, destinations: destinationPlaces },
    },
    errors: list,
    unknownSectors: packed.unknownSectors,
    truncated: packed.truncated,
  };
}
