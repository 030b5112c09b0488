/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Opt-in online basemap: a maplibre style URL. Unset by default, so nothing leaves the origin. */
  readonly VITE_BASEMAP_STYLE_URL?: string;
  /** 'true' in the single-file build (vite build --mode single): data and worker are bundled. */
  readonly VITE_SINGLE_FILE?: string;
}
