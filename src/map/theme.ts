// The basemap palette, typed so the style builder and the legend read the same colours.

export interface Theme {
  water: string;
  land: string;
  partnerLand: string;
  iranLand: string;
  countryBorder: string;
  provinceBorder: string;
  labelText: string;
  partnerLabelText: string;
  labelHalo: string;
  /** Province fill and hover highlight on the deck.gl layer, RGBA 0–255. */
  provinceFill: [number, number, number, number];
  provinceHighlight: [number, number, number, number];
  provinceLine: [number, number, number, number];
}

export const LIGHT_THEME: Theme = {
  water: '#c9dde8',
  land: '#f2efe9',
  partnerLand: '#e3ecd6',
  iranLand: '#fbf8f2',
  countryBorder: '#9a9389',
  provinceBorder: '#c8bfb2',
  labelText: '#5b5650',
  partnerLabelText: '#33502a',
  labelHalo: 'rgba(255,255,255,0.85)',
  provinceFill: [244, 237, 226, 0],
  provinceHighlight: [230, 159, 0, 110],
  provinceLine: [150, 138, 122, 255],
};
