// An import result packed for the trip from the worker to the app. A million rows carry three million
// short strings (labels, place names) and maybe as many error rows; posted as they are, the main thread
// deserialises them in one task of seconds. Packed, they are typed arrays only, transferred. The app keeps
// the labels and place keys packed (`PackedText`) and rebuilds only the error report, between frames. Even
// one long string is kept out of the message: a million labels joined (11 MB) took the receiving task
// 50–85 ms here to deserialise, where their UTF-16 code units transfer at no cost.
import { eachIndex, runNow, runSliced, type Pause } from '../core/work-slices.ts';
import { ROW_ERROR_REASONS, type ImportedRows, type ImportResult, type RowError } from '../core/import-types.ts';
import { KeyColumn, numberPlaces } from '../core/place-ids.ts';
import { PackedText, packStrings, type PackedStrings } from '../core/text-column.ts';

type TextColumns = 'labels' | 'originNames' | 'destinationNames' | 'placeIds';

export interface PackedResult {
  rows: Omit<ImportedRows, TextColumns> & {
    labels: PackedStrings;
    /** Place keys as numbered (`PlaceIds`): each distinct key is sent once, the numbers as they are. */
    placeKeys: PackedStrings;
    originPlaces: Uint32Array;
    destinationPlaces: Uint32Array;
  };
  errors: { rows: Uint32Array; reasons: Uint8Array; details: PackedStrings };
  unknownSectors: number;
  truncated: number;
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

/**
 * The result as the app uses it: labels and place keys stay packed, read a row at a time; the error
 * report is rebuilt in slices of `sliceMs` with a `pause` between them, so the page keeps drawing.
 */
export async function unpackResult(packed: PackedResult, pause: Pause, sliceMs = 8): Promise<ImportResult> {
  const { labels, placeKeys, originPlaces, destinationPlaces, ...columns } = packed.rows;
  const { errors } = packed;
  const keys = new PackedText(placeKeys);
  const details = new PackedText(errors.details);
  const list = new Array<RowError>(errors.rows.length);
  await runSliced(
    eachIndex(
      list.length,
      (i) =>
        (list[i] = { row: errors.rows[i]!, reason: ROW_ERROR_REASONS[errors.reasons[i]!]!, detail: details.at(i)! }),
    ),
    pause,
    sliceMs,
  );
  return {
    rows: {
      ...columns,
      labels: new PackedText(labels),
      originNames: new KeyColumn(keys, originPlaces),
      destinationNames: new KeyColumn(keys, destinationPlaces),
      placeIds: { keys, origins: originPlaces, destinations: destinationPlaces },
    },
    errors: list,
    unknownSectors: packed.unknownSectors,
    truncated: packed.truncated,
  };
}
