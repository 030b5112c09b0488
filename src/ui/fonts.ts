// Loads the bundled Vazirmatn (OFL) before anything draws text: the UI and maplibre's labels use it.
import vazirmatnUrl from 'vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2?url';
import { LABEL_FONT } from '../layers/basemap-style.ts';

export async function loadFonts(): Promise<void> {
  const face = new FontFace(LABEL_FONT, `url("${vazirmatnUrl}") format("woff2")`, {
    weight: '100 900',
    display: 'block',
  });
  document.fonts.add(await face.load());
}
