// The map palettes (light, dark, projector), typed so the style builder, the layers and the legend read the
// same colours, and the rule that keeps data-coloured lines (corridors, sectors) visible on each of them.
import { hexToRgba, type RGBA } from './colours.ts';

export type ThemeId = 'light' | 'dark' | 'projector';
export const THEME_IDS: readonly ThemeId[] = ['light', 'dark', 'projector'];

export const isThemeId = (value: unknown): value is ThemeId => (THEME_IDS as readonly unknown[]).includes(value);

export interface Theme {
  id: ThemeId;
  /**
   * Least contrast (WCAG ratio) of every line and symbol against each fill of `lineGrounds` (WCAG 1.4.11 asks 3).
   * Lines whose data colour falls short are drawn over `lineCasing` (`needsCasing`).
   */
  lineContrast: number;
  water: string;
  land: string;
  partnerLand: string;
  iranLand: string;
  countryBorder: string;
  provinceBorder: string;
  labelText: string;
  partnerLabelText: string;
  placeLabelText: string;
  labelHalo: string;
  /** Sequential scale for sourced activity per province, one colour per class (ColorBrewer YlOrBr). */
  activity: readonly RGBA[];
  provinceHighlight: RGBA;
  partnerFill: RGBA;
  partnerHighlight: RGBA;
  selection: RGBA;
  /** Arcs whose several sectors are all shown. */
  neutralLink: RGBA;
  /** Arcs whose links are in several sectors (or one link in several): calm, and never the darkest mark on the map. */
  mixedLink: RGBA;
  caspianRoute: RGBA;
  port: RGBA;
  border: RGBA;
  capital: RGBA;
  forum: RGBA;
  /** The ring around place dots and the inside of Iran's hollow ring: the ground's side of the contrast. */
  pointOutline: RGBA;
  /** Neutral line samples in the legend (sea legs, project-drawn branches). */
  legendLine: string;
  /** The band under lines whose own colour does not stand out from every ground (`needsCasing`). */
  lineCasing: RGBA;
}

export const LIGHT_THEME: Theme = {
  id: 'light',
  lineContrast: 3,
  water: '#c9dde8',
  land: '#f2efe9',
  partnerLand: '#e3ecd6',
  iranLand: '#fbf8f2',
  // 3:1 against every land fill they divide (WCAG 1.4.11); they were #9a9389 and #b9ae9f, 2.2:1 and 1.6:1.
  countryBorder: '#7d7469',
  provinceBorder: '#8a8073',
  labelText: '#5b5650',
  partnerLabelText: '#33502a',
  placeLabelText: '#26313b',
  labelHalo: 'rgba(255,255,255,0.9)',
  activity: [
    [254, 227, 145, 190],
    [254, 196, 79, 190],
    [254, 153, 41, 190],
    [236, 112, 20, 195],
    [204, 76, 2, 200],
  ],
  provinceHighlight: [120, 90, 40, 70],
  partnerFill: [0, 0, 0, 0],
  partnerHighlight: [51, 80, 42, 60],
  selection: [20, 20, 20, 255],
  // Dark enough to stay apart from the sector colours under colour-vision deficiencies (wine #882255 greys out for deuteranopes).
  neutralLink: [51, 51, 51, 230],
  // Mid grey, lighter than the darkest marks (steel #332288, the capitals): the one band of greys that stays apart
  // from wine (#882255, deuteranopes) and rose (#CC6677, protanopes), which grey out on either side of it.
  mixedLink: [102, 102, 102, 235],
  // Tol's dark blue: apart from every corridor colour (the INSTC blue shares the Caspian), also under colour-vision deficiencies.
  caspianRoute: [0, 68, 136, 230],
  port: [0, 68, 136, 255],
  border: [110, 60, 20, 255],
  capital: [40, 40, 40, 255],
  forum: [204, 76, 2, 255],
  pointOutline: [255, 255, 255, 255],
  legendLine: '#555555',
  lineCasing: [38, 34, 30, 235],
};

// --- Lines and symbols against what they cross: the contrast rule ---

/** Alpha of data-coloured lines (corridors, sector arcs) in deck.gl accessors; the contrast rule blends at it. */
export const LINE_ALPHA = 235;

type Rgb = [number, number, number];

const rgbOf = (colour: string | RGBA): Rgb =>
  (typeof colour === 'string' ? hexToRgba(colour) : colour).slice(0, 3) as Rgb;
const toLinear = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
export function luminance(colour: string | RGBA): number {
  const [r, g, b] = rgbOf(colour).map(toLinear) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: string | RGBA, b: string | RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A colour with alpha painted over an opaque ground, as the GPU blends it. */
export function over(colour: RGBA, ground: string | RGBA): RGBA {
  const alpha = colour[3] / 255;
  const under = rgbOf(ground);
  return [0, 1, 2].map((i) => Math.round(colour[i]! * alpha + under[i]! * (1 - alpha))).concat(255) as RGBA;
}

/** The basemap fills lines and symbols are drawn over: water and the three land fills. */
export function basemapGrounds(theme: Theme): RGBA[] {
  return [theme.water, theme.land, theme.partnerLand, theme.iranLand].map((c) => hexToRgba(c));
}

/** Everything a corridor, route or arc may cross: the basemap fills and each class of the province fill over Iran. */
export function lineGrounds(theme: Theme): RGBA[] {
  return [...basemapGrounds(theme), ...theme.activity.map((c) => over(c, theme.iranLand))];
}

/** The least contrast of a line colour (blended at its alpha) against grounds. */
export function leastContrast(colour: RGBA, grounds: RGBA[]): number {
  return Math.min(...grounds.map((g) => contrast(over(colour, g), g)));
}

const casingCache = new WeakMap<Theme, Map<string, boolean>>();

/**
 * Whether a line of this colour is drawn over a casing. The rule: data colours (corridors, sectors) are never
 * changed; a line whose colour reaches `theme.lineContrast` against every ground it may cross (`lineGrounds`)
 * is drawn bare, and any other one over a casing of `theme.lineCasing`, a band wider than the line on each
 * side, which itself reaches `lineContrast` against every ground. Memoised per theme and colour.
 */
export function needsCasing(theme: Theme, colour: RGBA): boolean {
  let cache = casingCache.get(theme);
  if (!cache) casingCache.set(theme, (cache = new Map()));
  const key = colour.join(',');
  let result = cache.get(key);
  if (result === undefined) {
    result = leastContrast(colour, lineGrounds(theme)) < theme.lineContrast;
    cache.set(key, result);
  }
  return result;
}

/** The casing colour under a line of this colour: the theme's casing, or transparent where the line needs none. */
export function casingColour(theme: Theme, colour: RGBA): RGBA {
  return needsCasing(theme, colour) ? theme.lineCasing : TRANSPARENT;
}

const TRANSPARENT: RGBA = [0, 0, 0, 0];

/**
 * Dark: for dim rooms and night use. Fills are dark and close in lightness (land warm, partners green, water
 * blue-black); the province fill climbs from brown to amber but stays dark enough that the light casing still
 * stands out on it; labels, borders and symbols are light.
 */
export const DARK_THEME: Theme = {
  id: 'dark',
  lineContrast: 3,
  water: '#13222d',
  land: '#2a2927',
  partnerLand: '#2a3a29',
  iranLand: '#37332c',
  countryBorder: '#a39c91',
  provinceBorder: '#8f877b',
  labelText: '#d9d3c9',
  partnerLabelText: '#b8d9a3',
  placeLabelText: '#e8eef3',
  labelHalo: 'rgba(16,16,16,0.85)',
  activity: [
    [84, 62, 30, 230],
    [112, 76, 28, 230],
    [142, 90, 24, 230],
    [172, 104, 20, 230],
    [200, 118, 16, 230],
  ],
  provinceHighlight: [255, 236, 200, 60],
  partnerFill: [0, 0, 0, 0],
  partnerHighlight: [184, 217, 163, 60],
  selection: [255, 255, 255, 255],
  neutralLink: [238, 238, 238, 235],
  // Darker than the 'general' sector grey (#bbbbbb) and the neutral arcs, apart from the teal and rose sectors too; cased.
  mixedLink: [100, 100, 100, 235],
  caspianRoute: [200, 214, 240, 235],
  port: [119, 170, 221, 255],
  border: [238, 136, 102, 255],
  capital: [235, 235, 235, 255],
  forum: [255, 187, 68, 255],
  pointOutline: [0, 0, 0, 255],
  legendLine: '#c8c2b8',
  lineCasing: [240, 237, 232, 235],
};

/**
 * Projector: for lit rooms, where ambient light greys out dark tones and washes out pale ones. Near-white land,
 * clear blue water, black borders and labels, and a stricter rule: lines and symbols reach 4.5:1 (not 3:1)
 * against every ground, so they survive the loss of contrast on the screen.
 */
export const PROJECTOR_THEME: Theme = {
  id: 'projector',
  lineContrast: 4.5,
  water: '#cfe3f2',
  land: '#ffffff',
  partnerLand: '#e8f3dc',
  iranLand: '#fffcf2',
  countryBorder: '#4a443d',
  provinceBorder: '#5e564c',
  labelText: '#1f1c19',
  partnerLabelText: '#1c3a12',
  placeLabelText: '#0b1a26',
  labelHalo: 'rgba(255,255,255,0.95)',
  activity: [
    [254, 227, 145, 200],
    [254, 196, 79, 200],
    [254, 153, 41, 200],
    [236, 112, 20, 205],
    [214, 90, 10, 210],
  ],
  provinceHighlight: [90, 60, 20, 80],
  partnerFill: [0, 0, 0, 0],
  partnerHighlight: [28, 58, 18, 70],
  selection: [0, 0, 0, 255],
  neutralLink: [34, 34, 34, 240],
  mixedLink: [105, 105, 105, 240],
  caspianRoute: [0, 51, 102, 240],
  // Dark enough to reach 4.5:1 on the darkest province class, where the white ring does not.
  port: [0, 40, 85, 255],
  border: [72, 28, 0, 255],
  capital: [0, 0, 0, 255],
  forum: [168, 56, 0, 255],
  pointOutline: [255, 255, 255, 255],
  legendLine: '#333333',
  lineCasing: [0, 0, 0, 240],
};

export const THEMES: Record<ThemeId, Theme> = { light: LIGHT_THEME, dark: DARK_THEME, projector: PROJECTOR_THEME };
