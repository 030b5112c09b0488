// From a pick on an imported layer back to the row it stands for. Kept apart from the layer
// builders so the map's picking code does not load the import code.
import type { PickingInfo } from '@deck.gl/core';
import type { EntityRef } from '../state/state.ts';

/** Arcs of imported pairs (or pairs of clusters); dots of single-ended rows; dots of the places flows end at. */
export const FLOWS = 'imported-flows-';
export const PLACES = 'imported-places-';
export const NODES = 'imported-nodes-';

/** Binary data for deck.gl plus the row each drawn item stands for. */
export interface BinaryData {
  length: number;
  attributes: Record<string, { value: Float32Array | Uint8Array; size: number }>;
  rowIndexes: Uint32Array;
  /** What a drawn item stands for when it is not one row (an arc of a pair, a place's dot). */
  refOf?(index: number): EntityRef | null;
  /** Rows behind each drawn item, when it merges several. */
  rowCounts?: Uint32Array;
}

/** The imported row a pick stands for, or null when the pick is not on an imported layer. */
export function importedEntityFromPick(info: Pick<PickingInfo, 'layer'> & { index?: number }): EntityRef | null {
  const id = info.layer?.id ?? '';
  const prefix = [FLOWS, PLACES, NODES].find((p) => id.startsWith(p));
  const index = info.index ?? -1;
  if (!prefix || index < 0) return null;
  const data = info.layer!.props.data as unknown as BinaryData;
  if (data.refOf) return data.refOf(index);
  const row = data.rowIndexes[index];
  return row === undefined ? null : { kind: 'flow', id: `${id.slice(prefix.length)}:${row}` };
}
