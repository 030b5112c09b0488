// The app's handle for tests and the benchmark (`window.__atlas`): readiness, projection, state,
// what each layer draws, selection, hover, imports and PNG export. Reads the app; holds nothing of its own.
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { AppState, EntityRef, Session } from '../state/state.ts';
import type { Listener, Store } from '../state/store.ts';
import type { StoryExports } from './story-export/menu.ts';
import type { LonLat } from '../core/geodata.ts';
import type { AtlasView, MapView } from '../map/map-view.ts';

export interface AtlasHandle {
  ready: Promise<void>;
  state(): AppState;
  /** What lives only in this tab: hover, imported datasets, measure points, open drawers. */
  session(): Session;
  project(lonLat: LonLat): [number, number];
  /** The live map; where WebGL is unavailable (html[data-map-state="static"]) its still picture, without `map` and `overlay`. */
  view: MapView;
  /** Ids of the objects a deck.gl layer was last given, e.g. layerData('links'). */
  layerData(layerId: string): string[];
  /** The data objects a layer was last given, as plain values (e.g. the comparison's pairs and their classes). */
  layerObjects(layerId: string): unknown[];
  /** How many items a layer draws (binary layers too); -1 when there is no such layer. */
  layerLength(layerId: string): number;
  /** A binary layer's attribute as numbers (e.g. an imported arc's `getTargetColor`, 4 per arc); null when absent. */
  layerAttribute(layerId: string, attribute: string): number[] | null;
  select(id: string | null): void;
  /** Runs the app's hover handler on item `index` of a layer, as a deck.gl pick there would (long-session tests). */
  hover(layerId: string, index: number | null): void;
  /** Exports the view as PNG and returns its size (the file is also offered as a download). */
  exportPng(scale?: 1 | 2 | 4): Promise<{ width: number; height: number; url: string }>;
  /** Imports a file as the dialog would, without it; `onMap: false` prepares its layer data and drops it. */
  importFile(file: File, options?: { onMap?: boolean }): Promise<unknown>;
  /** True when every layer handed to the map has its data loaded. */
  layersLoaded(): boolean;
  /** The slides, images and video exports (absent without a live map). */
  storyExports?: StoryExports;
  /** Hears every change of the store (the benchmark's hover probe). */
  subscribe(listener: Listener): () => void;
}
declare global {
  interface Window {
    __atlas?: AtlasHandle;
  }
}

export interface HandleInputs extends Pick<AtlasHandle, 'select' | 'exportPng' | 'importFile' | 'storyExports'> {
  view: AtlasView;
  store: Store;
  /** The layers last handed to the map. */
  layers(): Layer[];
  onHover(info: PickingInfo): void;
}

export function installTestHandle(inputs: HandleInputs): void {
  const { view, store, layers, select, onHover, exportPng, importFile, storyExports } = inputs;
  const layer = (id: string) => layers().find((l) => l.id === id);
  window.__atlas = {
    ready: view.ready,
    state: () => store.get().app,
    session: () => store.get().session,
    subscribe: (listener) => store.subscribe(listener),
    layersLoaded: () => layers().every((l) => l.isLoaded),
    importFile,
    ...(storyExports ? { storyExports } : {}),
    project: view.project,
    view: view as MapView,
    layerData: (layerId) => ((layer(layerId)?.props.data as unknown[] | undefined) ?? []).map(pickedId),
    layerObjects: (layerId) => {
      const data = layer(layerId)?.props.data;
      return Array.isArray(data) ? data.map((item: unknown) => structuredClone(item)) : [];
    },
    layerLength: (layerId) => (layer(layerId)?.props.data as { length: number } | undefined)?.length ?? -1,
    layerAttribute: (layerId, attribute) => {
      const data = layer(layerId)?.props.data as
        { attributes?: Record<string, { value: ArrayLike<number> }> } | undefined;
      const values = data?.attributes?.[attribute]?.value;
      return values ? Array.from(values) : null;
    },
    select,
    hover: (layerId, index) => {
      const picked = layer(layerId) ?? null;
      const object = picked && index !== null ? (picked.props.data as unknown[])[index] : null;
      const info = { layer: picked, object, index: index ?? -1, x: 100, y: 100 } as unknown as PickingInfo;
      // A layer's own hover handler first, as deck.gl calls it (the comparison's change arcs have one).
      const handled = (picked?.props.onHover as ((i: PickingInfo) => boolean) | null | undefined)?.(info);
      if (!handled) onHover(info);
    },
    exportPng,
  };
}

/** A readable id for a layer's data item: a feature's, a corridor branch's, a point's or a record's. */
function pickedId(object: unknown): string {
  const o = object as {
    id?: string;
    corridorId?: string;
    branchId?: string;
    ref?: EntityRef;
    properties?: { id: string };
  };
  return o.properties?.id ?? (o.corridorId ? `${o.corridorId}/${o.branchId}` : undefined) ?? o.ref?.id ?? o.id ?? '';
}
