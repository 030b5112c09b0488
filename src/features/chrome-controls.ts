// The layer panel, the search box and the header's buttons, wired to the store: every control
// dispatches a change; the render rebuilds the panel for a new language or new imported dates.
import type { Store } from '../state/store.ts';
import type { AppState, EntityRef, ImportedDataset } from '../state/state.ts';
import type { AtlasData } from '../core/atlas.ts';
import type { Theme } from '../core/theme.ts';
import { datasetDateRange } from '../model/dataset-dates.ts';
import { createControls, type ControlsView } from '../ui/controls-panel.ts';
import { createSearchBox } from '../ui/search-box.ts';
import { bindChrome } from '../ui/chrome.ts';
import type { ChromeView } from '../render/render.ts';

export interface ChromeControlsApi {
  store: Store;
  atlas: AtlasData;
  select(ref: EntityRef | null, fly: boolean): void;
  fitRegion(): void;
}

const byId = (id: string) => document.getElementById(id)!;
/** The imported rows' date range as the comparison's domain (none: nothing dated to compare). */
const compareDomain = (range: string[]): [string, string] | null =>
  range.length === 2 ? [range[0]!, range[1]!] : null;

export function createChromeControls({ store, atlas, select, fitRegion }: ChromeControlsApi): ChromeView {
  const elements = { controls: byId('controls'), search: byId('search-box') };
  bindChrome(
    {
      controls: elements.controls,
      controlsToggle: byId('controls-toggle'),
      langSwitch: byId('lang-switch'),
      fit: byId('fit-region'),
      map: byId('map'),
    },
    {
      switchLanguage: () => store.update({ lang: store.get().app.lang === 'fa' ? 'en' : 'fa' }),
      fitRegion,
      escape: () => store.get().app.selection && select(null, false),
      pointerLeftMap: () => store.updateSession({ hover: null }),
    },
  );
  const corridorIds = atlas.corridors.map((c) => c.id);
  const update = (patch: Partial<AppState>) => store.update(patch);
  const app = () => store.get().app;
  let controls: ControlsView | null = null;
  return {
    rebuild(state: AppState, datasets: ImportedDataset[], theme: Theme, legend) {
      controls = createControls(elements.controls, atlas, state.lang, theme, {
        onLayer: (group, visible) => update({ layers: { ...app().layers, [group]: visible } }),
        onCorridor: (id, visible) =>
          update({
            corridors: visible
              ? corridorIds.filter((c) => c === id || app().corridors.includes(c))
              : app().corridors.filter((c) => c !== id),
          }),
        onSectors: (sectors) => update({ sectors }),
        onTime: (time) => update({ time }),
        onMetric: (metric) => update({ metric }),
        onAnimate: (animate) => update({ animate }),
        legend,
        // The time slider's range follows the imported data.
        extraDates: datasetDateRange(datasets),
        onCompare: (compare) => update({ compare }),
        compareDomain: compareDomain(datasetDateRange(datasets)),
      });
      createSearchBox(elements.search, atlas, state.lang, (ref) => select(ref, true));
    },
    update: (state, reducedMotion) => controls?.update(state, reducedMotion),
  };
}
