// What the map's first download needs of imported flows: the zoom levels flows cluster at, and the ids of
// imported arcs and places. Kept apart from the flow-map code (imported-flows.ts, flow-clusters.ts), which
// loads with the first import.
import type { EntityRef } from '../core/entities.ts';

/**
 * Below this zoom places may cluster; from it on every place is its own end. In a 1280×800 window the atlas
 * opens at about zoom 3.8, at 800×600 at about 3.37: smaller windows open further out, so clustering also
 * waits until the map is zoomed out beyond the view that fits the region in the window (`fitBucketOf`): what
 * the window opens at is never clustered.
 */
export const CLUSTER_BELOW_ZOOM = 3.5;
/** Zoom buckets per zoom level: a bucket is `Math.floor(zoom * 4)`, so a quarter level apart is another bucket. */
export const BUCKETS_PER_ZOOM = 4;
/** The level at which nothing merges: every zoom from `CLUSTER_BELOW_ZOOM` on. */
export const UNCLUSTERED = CLUSTER_BELOW_ZOOM * BUCKETS_PER_ZOOM;

/** The zoom bucket of a camera: what the session keeps, so panning changes nothing and a quarter level does. */
export const zoomBucketOf = (zoom: number): number => Math.floor(zoom * BUCKETS_PER_ZOOM);

/** How far under the fitting zoom its bucket is taken, so the opening view never falls a hair below it. */
const FIT_SLACK = 0.05;

/**
 * The lowest bucket that stays unclustered in a window that fits the region at `fitZoom`: places cluster
 * only once the map is zoomed out of that bucket.
 */
export const fitBucketOf = (fitZoom: number): number => zoomBucketOf(fitZoom - FIT_SLACK);

/**
 * The level flows are merged at for a zoom bucket: the bucket itself when it is below both `UNCLUSTERED` and
 * the window's fitting bucket (`fitBucketOf`; unknown: `UNCLUSTERED` alone decides), else `UNCLUSTERED`.
 */
export function clusterLevel(zoomBucket: number | undefined, fitBucket: number | undefined = UNCLUSTERED): number {
  if (zoomBucket === undefined || !Number.isFinite(zoomBucket)) return UNCLUSTERED;
  const below = Number.isFinite(fitBucket) ? Math.min(UNCLUSTERED, fitBucket) : UNCLUSTERED;
  return zoomBucket >= below ? UNCLUSTERED : Math.max(0, Math.floor(zoomBucket));
}

// ---- refs: an arc or dot by its dataset, level and cluster leaders' keys, never by an index that a filter
// change would point elsewhere. Keys are encoded, so ':' and '>' only ever separate.

export const flowPairRef = (datasetId: number, level: number, origin: string, destination: string): EntityRef => ({
  kind: 'flow-pair',
  id: `${datasetId}:${level}:${encodeURIComponent(origin)}>${encodeURIComponent(destination)}`,
});

export const flowPlaceRef = (datasetId: number, level: number, key: string): EntityRef => ({
  kind: 'flow-place',
  id: `${datasetId}:${level}:${encodeURIComponent(key)}`,
});

export interface ImportedRefParts {
  datasetId: number;
  level: number;
  /** The leader of the origin cluster, or of the place's cluster. */
  origin: string;
  /** The leader of the destination cluster; null for a place. */
  destination: string | null;
}

export function parseImportedRef(ref: EntityRef): ImportedRefParts | null {
  if (ref.kind !== 'flow-pair' && ref.kind !== 'flow-place') return null;
  const match = /^(\d+):(\d+):([^:>]*)(?:>([^:>]*))?$/.exec(ref.id);
  if (!match || (ref.kind === 'flow-pair') !== (match[4] !== undefined)) return null;
  try {
    return {
      datasetId: Number(match[1]),
      level: Number(match[2]),
      origin: decodeURIComponent(match[3]!),
      destination: match[4] === undefined ? null : decodeURIComponent(match[4]),
    };
  } catch {
    return null; // a malformed escape
  }
}
