// The map palette, typed so the style builder, the layers and the legend read the same colours.
import type { RGBA } from './colours.ts';

export interface Theme {
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
  caspianRoute: RGBA;
  port: RGBA;
  border: RGBA;
  capital: RGBA;
  forum: RGBA;
}

export const LIGHT_THEME: Theme = {
  water: '#c9dde8',
  land: '#f2efe9',
  partnerLand: '#e3ecd6',
  iranLand: '#fbf8f2',
  countryBorder: '#9a9389',
  provinceBorder: '#b9ae9f',
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
  // Tol's dark blue: apart from every corridor colour (the INSTC blue shares the Caspian), also under colour-vision deficiencies.
  caspianRoute: [0, 68, 136, 230],
  port: [0, 68, 136, 255],
  border: [110, 60, 20, 255],
  capital: [40, 40, 40, 255],
  forum: [204, 76, 2, 255],
};
