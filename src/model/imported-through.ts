// "Everything through one place": which imported flows a selection reaches (those that start or end at it,
// or the rows behind a selected arc), as a strength per drawn mark for the focus fade, the rows behind a ref
// for the panel and the table, and a per-dataset summary of the flows through a place.
import type { AtlasData } from '../core/atlas.ts';
import type { EntityRef } from '../core/entities.ts';
import type { AppState, ImportedDataset } from '../state/state.ts';
import { memoLast } from '../core/memo.ts';
import { pairRows } from './flow-aggregate.ts';
import { clusterKeys, parseImportedRef, visiblePairs, type FlowMarks, type PlacedPairs } from './imported-flows.ts';
import { visibleRows } from './imported-datasets.ts';

/**
 * What a selection reaches among imported flows, by place key (a gazetteer id or coordinate text), so it
 * applies to every dataset alike: flows through some place, flows between two sets of places, or none.
 */
export type FlowFocus =
  | { kind: 'through'; keys: ReadonlySet<string> }
  | { kind: 'between'; origins: ReadonlySet<string>; destinations: ReadonlySet<string> }
  | { kind: 'none' };

/** The place keys a province, partner, place or Iran as a whole stands for: itself and its atlas places. */
export function throughKeys(ref: EntityRef, atlas: Pick<AtlasData, 'places' | 'national'>): Set<string> | null {
  switch (ref.kind) {
    case 'province':
      return new Set([ref.id, ...atlas.places.filter((p) => p.province === ref.id).map((p) => p.id)]);
    case 'partner':
      return new Set([ref.id, ...atlas.places.filter((p) => p.country === ref.id).map((p) => p.id)]);
    case 'place':
    case 'national':
      return new Set([ref.id]);
    default:
      return null;
  }
}

/** The focus of a selection on imported flows; null when nothing is selected (nothing fades). */
export const importedFocus = memoLast(
  (selection: EntityRef | null, atlas: Pick<AtlasData, 'places' | 'national'>, datasets: ImportedDataset[]) =>
    focusOf(selection, atlas, datasets),
);

function focusOf(
  selection: EntityRef | null,
  atlas: Pick<AtlasData, 'places' | 'national'>,
  datasets: ImportedDataset[],
): FlowFocus | null {
  if (!selection) return null;
  const keys = throughKeys(selection, atlas);
  if (keys) return { kind: 'through', keys };
  if (selection.kind === 'flow') {
    const [datasetId, row] = selection.id.split(':').map(Number);
    const rows = datasets.find((d) => d.id === datasetId)?.rows;
    if (!rows || row === undefined || !(row < rows.count)) return { kind: 'none' };
    const origin = new Set([rows.originNames.at(row)!]);
    if (Number.isNaN(rows.destinations[2 * row]!)) return { kind: 'through', keys: origin };
    return { kind: 'between', origins: origin, destinations: new Set([rows.destinationNames.at(row)!]) };
  }
  return refFocus(selection, datasets);
}

/** The focus of an imported pair or place (or cluster) ref: the places its clusters hold. */
function refFocus(selection: EntityRef, datasets: ImportedDataset[]): FlowFocus {
  const parts = parseImportedRef(selection);
  const rows = parts && datasets.find((d) => d.id === parts.datasetId)?.rows;
  if (!parts || !rows) return { kind: 'none' };
  const members = (leader: string) => new Set(clusterKeys(rows, parts.level, leader) ?? [leader]);
  if (parts.destination === null) return { kind: 'through', keys: members(parts.origin) };
  return { kind: 'between', origins: members(parts.origin), destinations: members(parts.destination) };
}

/** Whether each visible pair is reached by the focus. */
function pairStrength(pairs: PlacedPairs, focus: FlowFocus): Uint8Array {
  const strong = new Uint8Array(pairs.count);
  if (focus.kind === 'none') return strong;
  for (let p = 0; p < pairs.count; p++) {
    const o = pairs.originKeys.at(p);
    const d = pairs.destinationKeys.at(p);
    strong[p] = Number(
      focus.kind === 'through'
        ? focus.keys.has(o) || focus.keys.has(d)
        : focus.origins.has(o) && focus.destinations.has(d),
    );
  }
  return strong;
}

/**
 * Per drawn arc and per node, 1 when at full strength: an arc when any pair behind it is reached; a node when
 * it holds a place of the focus or ends a reached arc. Null: no focus, everything full.
 */
export function markStrength(
  marks: FlowMarks,
  focus: FlowFocus | null,
): { arcs: Uint8Array; nodes: Uint8Array } | null {
  if (!focus) return null;
  const pairs = pairStrength(marks.pairs, focus);
  const arcs = new Uint8Array(marks.count);
  const strongClusters = new Uint8Array(marks.clusters.count);
  for (let m = 0; m < marks.count; m++) {
    for (let k = marks.pairStarts[m]!; k < marks.pairStarts[m + 1]!; k++) if (pairs[marks.pairIndexes[k]!]) arcs[m] = 1;
    if (arcs[m]) strongClusters[marks.originClusters[m]!] = strongClusters[marks.destinationClusters[m]!] = 1;
  }
  if (focus.kind === 'through')
    for (let i = 0; i < marks.places.count; i++)
      if (focus.keys.has(marks.places.keys.at(i))) strongClusters[marks.clusters.of[i]!] = 1;
  return { arcs, nodes: Uint8Array.from(marks.nodes.clusters, (c) => strongClusters[c]!) };
}

type Filters = Pick<AppState, 'sectors' | 'time'>;

/**
 * The visible rows behind an imported ref (a pair arc, a place or cluster, a row), in file order, with their
 * dataset: what the panel lists and the table filters to. Null when the ref names no imported thing.
 */
export function importedRefRows(
  ref: EntityRef,
  datasets: ImportedDataset[],
  filters: Filters,
  sectorIds: string[],
): { dataset: ImportedDataset; rows: Uint32Array } | null {
  const parts = ref.kind === 'flow' ? { datasetId: Number(ref.id.split(':')[0]) } : parseImportedRef(ref);
  const dataset = parts && datasets.find((d) => d.id === parts.datasetId);
  if (!dataset) return null;
  if (ref.kind === 'flow') {
    const row = Number(ref.id.split(':')[1]);
    return row < dataset.rows.count ? { dataset, rows: Uint32Array.of(row) } : null;
  }
  const focus = refFocus(ref, datasets);
  if (focus.kind === 'none') return null;
  const pairs = visiblePairs(dataset.rows, visibleRows(dataset.rows, filters, sectorIds).flows);
  const strong = pairStrength(pairs, focus);
  const out: number[] = [];
  for (let p = 0; p < pairs.count; p++) if (strong[p]) for (const i of pairRows(pairs, p)) out.push(i);
  return { dataset, rows: Uint32Array.from(out).sort() };
}

/** The imported flows through a place in one dataset, as its panel section says them. */
export interface ThroughSummary {
  dataset: ImportedDataset;
  rowsOut: number;
  rowsIn: number;
  /** Sums of the valued rows by unit name ('' for rows without a unit). */
  byUnit: { unit: string; out: number; in: number }[];
  /** The places at the other end, most rows first (ties: first seen), at most five. */
  top: { key: string; rows: number }[];
}

export function throughSummary(
  dataset: ImportedDataset,
  pairs: PlacedPairs,
  keys: ReadonlySet<string>,
): ThroughSummary | null {
  const { rows } = dataset;
  let rowsOut = 0;
  let rowsIn = 0;
  const units = new Map<string, { unit: string; out: number; in: number }>();
  const counterparts = new Map<string, number>();
  const add = (p: number, direction: 'out' | 'in') => {
    for (const i of pairRows(pairs, p)) {
      const value = rows.values[i]!;
      if (Number.isNaN(value)) continue;
      const unit = rows.units[i]! >= 0 ? rows.unitNames[rows.units[i]!]! : '';
      let sums = units.get(unit);
      if (!sums) units.set(unit, (sums = { unit, out: 0, in: 0 }));
      sums[direction] += value;
    }
  };
  for (let p = 0; p < pairs.count; p++) {
    const o = pairs.originKeys.at(p);
    const d = pairs.destinationKeys.at(p);
    const n = pairs.rowCounts[p]!;
    if (keys.has(o)) {
      rowsOut += n;
      add(p, 'out');
      counterparts.set(d, (counterparts.get(d) ?? 0) + n);
    }
    if (keys.has(d)) {
      rowsIn += n;
      add(p, 'in');
      if (!keys.has(o)) counterparts.set(o, (counterparts.get(o) ?? 0) + n);
    }
  }
  if (rowsOut + rowsIn === 0) return null;
  const top = [...counterparts]
    .map(([key, n]) => ({ key, rows: n }))
    .sort((a, b) => b.rows - a.rows)
    .slice(0, 5);
  return { dataset, rowsOut, rowsIn, byUnit: [...units.values()], top };
}
