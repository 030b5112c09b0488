// The little of the workspace code that runs at start, in the main bundle: a copy of the page as parsed (the
// single file only, to save it again as an offline map), and whether there is a workspace to restore. The rest
// (workspace.ts, persist.ts) is loaded when used.
/** The id of the data block an offline map carries its workspace in (`workspace-file.ts` writes it). */
export const EMBEDDED_WORKSPACE_ID = 'atlas-workspace';
/** localStorage key, set while imports are kept in this browser: only then is the storage code loaded at start. */
export const STORED_IMPORTS_KEY = 'corridor-atlas:stored-imports';

/**
 * The single file's own page as the parser built it, before the app changes it: taken when this module is first
 * evaluated (module scripts run after parsing, and main.ts imports this before it starts). A deep clone shares
 * the text of the inlined script and style, so it costs little. Null in the served build (the constant condition
 * drops it), which fetches `offline.html` instead.
 */
export const PAGE_SNAPSHOT: HTMLElement | null =
  import.meta.env.VITE_SINGLE_FILE === 'true' && typeof document !== 'undefined'
    ? (document.documentElement.cloneNode(true) as HTMLElement)
    : null;

/** The workspace text an offline map carries, if this page is one. */
export function embeddedWorkspace(): string | null {
  return document.getElementById(EMBEDDED_WORKSPACE_ID)?.textContent ?? null;
}

/** Where imports can be kept in this browser: pages served over http(s) only (a file:// page has no origin of its own). */
export const canStoreImports = (): boolean =>
  // Not in the bench build: what it measures must not include writing its imports to disk.
  import.meta.env.MODE !== 'bench' && (location.protocol === 'http:' || location.protocol === 'https:');

/** True when an earlier visit left imports in this browser's storage. */
export function hasStoredImports(): boolean {
  if (!canStoreImports()) return false;
  try {
    return localStorage.getItem(STORED_IMPORTS_KEY) === '1';
  } catch {
    return false; // storage refused (a sandboxed frame, some private modes)
  }
}
