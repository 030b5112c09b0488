// The one plain state: `AppState` (what the URL holds) and `Session` (what lives only in this tab).
// Structured-cloneable data only: no map objects, layers or DOM nodes live here.
import type { Lang } from '../core/i18n/i18n.ts';
import type { LonLat } from '../core/geodata.ts';
import type { ColumnMapping, ImportedRows, RowError } from '../core/import-types.ts';
import type { ThemeId } from '../core/theme.ts';
import { ALL_TIME, type ProvinceMetric, type TimeFilter } from './filters.ts';
import type { PeriodPair } from './compare-state.ts';

export interface ViewState {
  center: LonLat;
  zoom: number;
}

import type { EntityRef, LayerGroup } from '../core/entities.ts';

export { LAYER_GROUPS, sameRef, type EntityKind, type EntityRef, type LayerGroup } from '../core/entities.ts';

export interface AppState {
  lang: Lang;
  view: ViewState;
  /** What the side panel shows; also outlined on the map. */
  selection: EntityRef | null;
  layers: Record<LayerGroup, boolean>;
  /** Visible corridors, by id. */
  corridors: string[];
  /** Active sector ids; null means every sector. */
  sectors: string[] | null;
  /** Dates drawn and listed. */
  time: TimeFilter;
  /** What the province fill counts. */
  metric: ProvinceMetric;
  /** The open story and its 1-based scene. */
  story: StoryPosition | null;
  /** The colour theme chosen in the link; null follows the system's light or dark setting. */
  theme: ThemeId | null;
  /** Two periods compared side by side (`compare=`); null when not comparing. */
  compare: PeriodPair | null;
  /** "Animate flows": dots travel along the arcs and Caspian lanes (never drawn under reduced motion). */
  animate: boolean;
}

export interface StoryPosition {
  id: string;
  scene: number;
}

/** An imported file in the session. */
export interface ImportedDataset {
  /** Unique in the session; part of layer ids and row keys. */
  id: number;
  /** The file's name, shown as text. */
  name: string;
  rows: ImportedRows;
  errors: RowError[];
  unknownSectors: number;
  /** Rows kept with a text shortened to its limit. */
  truncated: number;
  /** The columns the rows were read from (and the sheet), as chosen or guessed; absent for GeoJSON. */
  mapping?: ColumnMapping;
}

/** A point of the measure tool; `along` when it was placed on a drawn path (snapped onto that path). */
export interface MeasurePoint {
  lonLat: LonLat;
  along?: { key: string; path: LonLat[] };
}

/** What lives only in this tab: never in the URL. */
export interface Session {
  /** What is under the pointer, and where the pointer is (CSS pixels in the map). */
  hover: EntityRef | null;
  pointer: [number, number];
  datasets: ImportedDataset[];
  measure: { active: boolean; points: MeasurePoint[] };
  /** Drawers over the map that are open. */
  drawers: { table: boolean };
  /** The system's colour scheme (`prefers-color-scheme`), used when the link names no theme. */
  systemTheme: 'light' | 'dark';
  /** The map's zoom in quarter levels (`Math.floor(zoom * 4)`) after the last move: imported flows cluster by it. */
  zoomBucket?: number;
  /** The zoom bucket of the view that fits the region in this window (`fitBucketOf`): flows cluster only below it. */
  fitBucket?: number;
  /**
   * The imported arc, place or row whose rows the table lists alone, set by the panel's "Show in the table";
   * null or absent: the table lists everything. Its rows are `importedRefRows(ref, ...)` (model/imported-through.ts).
   */
  tableRows?: EntityRef | null;
  /** The system asks for reduced motion (`prefers-reduced-motion: reduce`): flows never move. */
  reducedMotion: boolean;
  /** Where the moving dots are (0–1), advanced by the flow clock while the animation runs. */
  motionPhase: number;
}

export const EMPTY_SESSION: Session = {
  hover: null,
  pointer: [0, 0],
  datasets: [],
  measure: { active: false, points: [] },
  drawers: { table: false },
  systemTheme: 'light',
  reducedMotion: false,
  motionPhase: 0.35,
};

/** The theme drawn: the link's, else the system's. */
export function themeIdOf(app: Pick<AppState, 'theme'>, session: Pick<Session, 'systemTheme'>): ThemeId {
  return app.theme ?? session.systemTheme;
}

/** Iran and Central Asia: roughly lon 40–80, lat 22–52. */
export const REGION_BOUNDS: [LonLat, LonLat] = [
  [40, 22],
  [80, 52],
];

export const DEFAULT_VIEW: ViewState = { center: [58, 37.5], zoom: 3.6 };

export const ALL_LAYERS_ON: Record<LayerGroup, boolean> = {
  provinces: true,
  partners: true,
  corridors: true,
  caspian: true,
  links: true,
  places: true,
};

export function initialState(lang: Lang, corridorIds: string[] = []): AppState {
  return {
    lang,
    view: DEFAULT_VIEW,
    selection: null,
    layers: { ...ALL_LAYERS_ON },
    corridors: corridorIds,
    sectors: null,
    time: ALL_TIME,
    metric: 'activity',
    story: null,
    theme: null,
    compare: null,
    animate: false,
  };
}
