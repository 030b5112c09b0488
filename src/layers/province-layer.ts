// Iran's provinces, filled by how much sourced activity they have under the sector filter;
// hover highlight on the GPU; the selected province outlined.
import { RegionLayer } from './region-layer.ts';
import { beforeMapLayer } from './before-map-layer.ts';
import type { ProvinceFeature } from '../core/region.ts';
import { activityClass } from '../model/selectors.ts';
import type { Theme } from '../core/theme.ts';
import { inFocus, type Focus } from '../model/focus.ts';
import { focusColour, focusTrigger } from './focus-style.ts';

export const PROVINCE_LAYER_ID = 'provinces';

export interface ProvinceLayerInputs {
  provinces: ProvinceFeature[];
  activity: Map<string, number>;
  selectedId: string | null;
  focus: Focus | null;
  theme: Theme;
  beforeId: string;
}

const NONE: [number, number, number, number] = [0, 0, 0, 0];

export function provinceFill(count: number, theme: Theme): [number, number, number, number] {
  const cls = activityClass(count);
  return cls === 0 ? NONE : theme.activity[cls - 1]!;
}

export function buildProvinceLayer({
  provinces,
  activity,
  selectedId,
  focus,
  theme,
  beforeId,
}: ProvinceLayerInputs): RegionLayer<ProvinceFeature['properties']> {
  return new RegionLayer<ProvinceFeature['properties']>(
    beforeMapLayer(
      {
        id: PROVINCE_LAYER_ID,
        data: provinces,
        pickable: true,
        getFillColor: (f) =>
          focusColour(
            provinceFill(activity.get(f.properties.id) ?? 0, theme),
            inFocus(focus, 'province', f.properties.id),
          ),
        getLineColor: (f) => (f.properties.id === selectedId ? theme.selection : NONE),
        getLineWidth: (f) => (f.properties.id === selectedId ? 3 : 0),
        lineWidthUnits: 'pixels',
        autoHighlight: true,
        highlightColor: theme.provinceHighlight,
        // `activity` is memoised per filter, so its identity changes only when a filter does.
        updateTriggers: {
          getFillColor: { activity, focus: focusTrigger(focus) },
          getLineColor: selectedId,
          getLineWidth: selectedId,
        },
      },
      beforeId,
    ),
  );
}
