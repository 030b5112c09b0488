// One pure function from app state to the full, ordered list of deck.gl layers.
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { AppState } from '../../app/state.ts';
import type { Region, ProvinceFeature } from '../../geo/region.ts';
import type { Theme } from '../theme.ts';
import { buildProvinceLayer } from './province-layer.ts';

export interface LayerContext {
  region: Region;
  theme: Theme;
  onProvinceHover: (info: PickingInfo<ProvinceFeature>) => void;
}

export function buildLayers(_state: AppState, context: LayerContext): Layer[] {
  return [buildProvinceLayer({ provinces: context.region.provinces, theme: context.theme, onHover: context.onProvinceHover })];
}
