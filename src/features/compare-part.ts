// Two periods side by side, loaded on demand: this part draws nothing until `compare=` is set while imported
// data is on the map; then it loads the comparison (features/compare.ts) and asks for a redraw, so the
// comparison's model, palette and layers stay out of the first download.
import type { Snapshot } from '../state/store.ts';
import { comparing } from '../state/compare-state.ts';
import type { RenderPart } from '../render/render.ts';
import type { CompareApi, CompareFeature } from './compare.ts';

export function createComparePart(api: CompareApi): RenderPart {
  let feature: CompareFeature | null = null;
  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    import('./compare.ts')
      .then(({ createCompare }) => {
        feature = createCompare(api);
        api.store.updateSession({}); // a redraw, now with the comparison
      })
      .catch((error: unknown) => {
        loading = false; // a later change tries again
        console.error('the comparison did not load', error);
      });
  };
  const wanted = ({ app, session }: Snapshot) => comparing(app) && session.datasets.length > 0;
  return {
    layers(now, beforeId) {
      if (!feature && wanted(now)) load();
      return feature?.layers?.(now, beforeId) ?? [];
    },
    view: (now, before) => feature?.view?.(now, before),
    legend: (groups, app, datasets, theme) => feature?.legend?.(groups, app, datasets, theme) ?? groups,
  };
}
