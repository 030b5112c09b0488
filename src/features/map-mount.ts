// Puts the map on the page: the live WebGL map where the browser can draw one, otherwise its still
// picture (the same AtlasView, so the rest of the app drives both alike). Input goes to the store.
import type { PickingInfo } from '@deck.gl/core';
import type { Store } from '../state/store.ts';
import type { EntityRef } from '../state/state.ts';
import type { ParsedUrl } from '../state/url-state.ts';
import type { AtlasData } from '../core/atlas.ts';
import type { Region } from '../core/region.ts';
import type { Theme } from '../core/theme.ts';
import type { LonLat } from '../core/geodata.ts';
import { t } from '../core/i18n/i18n.ts';
import { placeLabelFeatures } from '../model/place-labels.ts';
import { buildBasemapStyle } from '../layers/basemap-style.ts';
import { entityFromPick } from '../layers/build-layers.ts';
import { compareEntityFromPick } from '../layers/compare-pick.ts';
import { tryCreateMapView, type AtlasView, type MapView } from '../map/map-view.ts';
import { deferredView } from '../map/deferred-view.ts';
import { showStatus } from '../ui/chrome.ts';
import { mapPadding } from '../ui/map-covers.ts';
import { homeBounds } from '../model/focus.ts';
import { fitBucketOf, zoomBucketOf } from '../model/imported-refs.ts';

export interface MountInputs {
  container: HTMLElement;
  status: HTMLElement;
  region: Region;
  atlas: AtlasData;
  theme: Theme;
  store: Store;
  parsed: ParsedUrl;
  reducedMotion: boolean;
  onHover(info: PickingInfo): void;
  /** A click on the map: tools (the measure tool) may take it; otherwise it selects what is under it. */
  onClick(info: PickingInfo, lonLat: LonLat): void;
  onSelect(ref: EntityRef | null): void;
}

/** The view, and the live map when there is one (null: the still picture). */
export function mountMap(inputs: MountInputs): { view: AtlasView; mapView: MapView | null } {
  const { container, region, atlas, theme, store, parsed } = inputs;
  const { lang } = parsed.state;
  const mapView = tryCreateMapView({
    container,
    styleFor: (drawn) =>
      import.meta.env['VITE_BASEMAP_STYLE_URL'] ||
      buildBasemapStyle({ ...region.basemap, places: placeLabelFeatures(atlas) }, drawn, lang),
    theme,
    home: homeBounds(atlas),
    padding: () => mapPadding(container),
    lang,
    view: parsed.hasView ? parsed.state.view : null,
    reducedMotion: inputs.reducedMotion,
    onHover: inputs.onHover,
    onClick: inputs.onClick,
    onViewChange: (view) => {
      store.update({ view });
      // Imported flows cluster by zoom buckets: a pan keeps the bucket and rebuilds nothing.
      const zoomBucket = zoomBucketOf(view.zoom);
      if (store.get().session.zoomBucket !== zoomBucket) store.updateSession({ zoomBucket });
    },
    handover: () => import('./map-handover.ts'),
    onContext: (lost) => {
      showStatus(inputs.status, lost ? t(store.get().app.lang, 'map.contextLost') : null);
      document.documentElement.dataset['mapState'] = lost ? 'lost' : 'ready';
    },
  });
  // The first camera fits the region without a move: its zoom bucket is taken here.
  if (mapView) store.updateSession({ zoomBucket: zoomBucketOf(mapView.map.getZoom()) });
  // Flows cluster only when zoomed out beyond the view that fits the region in this window (a small window
  // opens further out): worked out now, whatever view a link opened, and again when the window changes size.
  if (mapView) {
    const { map } = mapView;
    const bounds = homeBounds(atlas);
    const fit = () => {
      const zoom = map.cameraForBounds(
        [
          [bounds[0], bounds[1]],
          [bounds[2], bounds[3]],
        ],
        { padding: mapPadding(container) },
      )?.zoom;
      const fitBucket = zoom === undefined ? undefined : fitBucketOf(zoom);
      if (fitBucket !== undefined && store.get().session.fitBucket !== fitBucket) store.updateSession({ fitBucket });
    };
    fit();
    map.on('resize', fit);
  }
  // Without WebGL the data, the chrome and the table still load; the map becomes a still picture, whose
  // code loads only then.
  const view =
    mapView ??
    deferredView(
      import('../map/static-map.ts').then(({ createStaticView }) =>
        createStaticView({
          container,
          region,
          atlas,
          theme,
          lang,
          state: () => store.get().app,
          onSelect: inputs.onSelect,
        }),
      ),
    );
  return { view, mapView };
}

/**
 * What a click stands for: a change arc or dot names the imported pair or place it compares. (Their hover is
 * their layers' own: it shows the change card.)
 */
const pickedEntity = (info: Pick<PickingInfo, 'layer' | 'object' | 'index'>): EntityRef | null =>
  compareEntityFromPick(info) ?? entityFromPick(info);

/** Hover as a session change: what is under the pointer, and where. */
export const hoverFromPick = (store: Store) => (info: PickingInfo) =>
  store.updateSession({ hover: entityFromPick(info), pointer: [info.x, info.y] });

/** A click: the tools' first, else a selection of what is under it. */
export const clickFromPick =
  (tools: { mapClick(info: PickingInfo, lonLat: LonLat): boolean }, select: (ref: EntityRef | null) => void) =>
  (info: PickingInfo, lonLat: LonLat) => {
    if (!tools.mapClick(info, lonLat)) select(pickedEntity(info));
  };
