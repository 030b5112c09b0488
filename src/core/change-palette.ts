// Colours of the two-period comparison: a diverging scheme, blue for growth and orange-brown for decline
// (the pair that stays apart under protanopia, deuteranopia and tritanopia), grey for no change. New and gone,
// the ends of the scale, are the furthest in lightness from the theme's land (darkest in the light themes,
// lightest in the dark one) and are also drawn over a halo band, so they read apart from more and less without
// hue. Every colour reaches the theme's line contrast against water and each land fill (tests/unit/change-palette.test.ts).
import type { RGBA } from './colours.ts';
import type { Theme, ThemeId } from './theme.ts';

export type ChangeColourKey = 'new' | 'more' | 'same' | 'less' | 'gone';

export interface ChangePalette {
  colours: Record<ChangeColourKey, RGBA>;
  /** The band under new and gone arcs and around their dots: the land's side of the contrast. */
  halo: RGBA;
}

/** Alpha of change arcs: nearly opaque, so the contrast holds where arcs cross each other. */
export const CHANGE_ALPHA = 245;

export const CHANGE_PALETTES: Record<ThemeId, ChangePalette> = {
  light: {
    colours: {
      new: [8, 48, 107, CHANGE_ALPHA],
      more: [33, 102, 172, CHANGE_ALPHA],
      same: [110, 110, 110, CHANGE_ALPHA],
      less: [179, 88, 6, CHANGE_ALPHA],
      gone: [110, 40, 0, CHANGE_ALPHA],
    },
    halo: [255, 255, 255, 235],
  },
  dark: {
    colours: {
      new: [209, 229, 240, CHANGE_ALPHA],
      more: [110, 170, 220, CHANGE_ALPHA],
      same: [150, 150, 150, CHANGE_ALPHA],
      less: [235, 140, 60, CHANGE_ALPHA],
      gone: [253, 208, 162, CHANGE_ALPHA],
    },
    halo: [0, 0, 0, 235],
  },
  projector: {
    colours: {
      new: [5, 32, 75, CHANGE_ALPHA],
      more: [24, 80, 150, CHANGE_ALPHA],
      same: [90, 90, 90, CHANGE_ALPHA],
      less: [150, 64, 0, CHANGE_ALPHA],
      gone: [85, 30, 0, CHANGE_ALPHA],
    },
    halo: [255, 255, 255, 240],
  },
};

export const changePalette = (theme: Pick<Theme, 'id'>): ChangePalette => CHANGE_PALETTES[theme.id];
