/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Opt-in online basemap: a maplibre style URL. Unset by default, so nothing leaves the origin. */
  readonly VITE_BASEMAP_STYLE_URL?: string;
}
