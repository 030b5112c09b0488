// Workspaces in the page: saving one as a file, opening one (from the dialog or dropped on the page), the
// offline map (the single-file app with a workspace inside), restoring at start, and keeping imports in this
// browser. Loaded on first use; the file format and its checks are in workspace-file.ts.
import type { Store } from '../../state/store.ts';
import type { AppState, ImportedDataset, ViewState } from '../../state/state.ts';
import type { AtlasData } from '../../core/atlas.ts';
import type { Gazetteer } from '../../core/import-types.ts';
import type { MessageKey } from '../../core/i18n/i18n.ts';
import { resolveEntity } from '../../model/selectors.ts';
import { showNotice } from '../../ui/chrome.ts';
import { downloadText } from '../../ui/download.ts';
import type { StorageStatus, WorkspaceOutcome } from '../../ui/import-dialog.ts';
import {
  WORKSPACE_LIMITS,
  WORKSPACE_VERSION,
  WorkspaceError,
  decodeWorkspace,
  embedWorkspace,
  encodeWorkspace,
  looksLikeWorkspace,
  validateWorkspaceState,
  type WorkspaceProblem,
} from './workspace-file.ts';
import { PAGE_SNAPSHOT, canStoreImports, embeddedWorkspace } from './boot.ts';
import { keepText, readKeptText, storageWorks } from './persist.ts';

/** What the workspace code needs of the app (imports.ts gives it). */
export interface WorkspaceHost {
  store: Store;
  atlas: AtlasData;
  gazetteer(): Promise<Gazetteer>;
  /**
   * Puts `datasets` on the map in place of the session's, prepared as a new import is, with `state` (when given)
   * as the new view state.
   */
  restore(datasets: ImportedDataset[], state: AppState | null): Promise<void>;
  /** Moves the camera (the map does not follow the store's view; the store follows the map). */
  setView?(view: ViewState, animate: boolean): void;
}

/** Keep imports in the browser up to this many rows in all: more would hold the page for a second at each change. */
export const KEEP_MAX_ROWS = 250_000;

const today = () => new Date().toISOString().slice(0, 10);
const sectorIds = async (host: WorkspaceHost) => (await host.gazetteer()).sectors.map((s) => s.id);
const workspaceText = async (host: WorkspaceHost) =>
  encodeWorkspace(host.store.get().app, host.store.get().session.datasets, await sectorIds(host));

/** Offers the view and every imported dataset as one `.atlas.json` file. */
export async function saveWorkspace(host: WorkspaceHost): Promise<void> {
  downloadText(await workspaceText(host), `corridor-atlas-${today()}.atlas.json`, 'application/json');
}

/** True when `file` is a workspace by its name, or, for a `.json` file, by its first characters. */
export async function isWorkspaceFile(file: File): Promise<boolean> {
  if (looksLikeWorkspace(file.name, '')) return true;
  if (!/\.json$/i.test(file.name)) return false;
  return looksLikeWorkspace(file.name, await file.slice(0, 256).text());
}

/** Opens a workspace file; on any failure nothing loaded changes. */
export async function openWorkspace(host: WorkspaceHost, file: File): Promise<WorkspaceOutcome> {
  // UTF-8 text is at least one byte per UTF-16 unit: a larger file cannot pass.
  if (file.size > WORKSPACE_LIMITS.maxChars) return failure(new WorkspaceError('too-large', String(file.size)));
  let text: string;
  try {
    text = await file.text();
  } catch {
    return failure(new WorkspaceError('not-workspace', 'unreadable'));
  }
  return applyWorkspace(host, text);
}

async function applyWorkspace(host: WorkspaceHost, text: string): Promise<WorkspaceOutcome> {
  const { store, atlas } = host;
  try {
    const content = decodeWorkspace(text, await sectorIds(host));
    const { state, reset } = validateWorkspaceState(
      content.state,
      {
        sectorIds: atlas.sectors.map((s) => s.id),
        corridorIds: atlas.corridors.map((c) => c.id),
        resolve: (id) => resolveEntity(id, atlas),
        base: store.get().app,
      },
      content.datasets,
    );
    await host.restore(content.datasets, state);
    host.setView?.(state.view, false);
    return { ok: true, reset: reset.length > 0 };
  } catch (error) {
    if (error instanceof WorkspaceError) return failure(error);
    throw error;
  }
}

function failure(error: WorkspaceError): WorkspaceOutcome {
  const problem: WorkspaceProblem = error.problem;
  const values: Record<string, string | number> =
    problem === 'newer-version' ? { version: Number(error.detail), supported: WORKSPACE_VERSION } : {};
  return { ok: false, message: `workspace.failure.${problem}` as MessageKey, values };
}

/**
 * The offline map: this app as one HTML file with the workspace inside, to open from file:// with no server.
 * The single file saves itself (as parsed, before the app changed it); a served build saves `offline.html`,
 * the single file its build puts beside it. False when there is none (the dev server, a build without it).
 */
export async function saveOfflineMap(host: WorkspaceHost): Promise<boolean> {
  let page: string | null = null;
  // Reads the page's own markup back (the inlined script and style come out as they went in, so their hashes in
  // the page's policy still hold); nothing is inserted as HTML.
  // eslint-disable-next-line no-restricted-properties
  if (PAGE_SNAPSHOT) page = `<!doctype html>\n${PAGE_SNAPSHOT.outerHTML}\n`;
  else
    try {
      const response = await fetch(new URL('offline.html', document.baseURI));
      const type = response.headers.get('content-type') ?? '';
      if (response.ok && type.includes('html')) page = await response.text();
    } catch {
      page = null;
    }
  if (!page) return false;
  downloadText(embedWorkspace(page, await workspaceText(host)), `corridor-atlas-offline-${today()}.html`, 'text/html');
  return true;
}

/**
 * At start: the workspace an offline map carries, else the imports kept in this browser (the view stays the
 * URL's). A workspace that cannot be read leaves the app as it started, with a notice.
 */
export async function restoreAtStart(host: WorkspaceHost): Promise<void> {
  const notices = document.getElementById('notices');
  const notice = (key: MessageKey) => notices && showNotice(notices, host.store.get().app.lang, key);
  const embedded = embeddedWorkspace();
  if (embedded !== null) {
    const outcome = await applyWorkspace(host, embedded);
    if (!outcome.ok) notice('workspace.embeddedFailed');
    else if (outcome.reset) notice('workspace.reset');
    return;
  }
  const kept = await readKeptText();
  if (kept === null) return;
  try {
    const content = decodeWorkspace(kept, await sectorIds(host));
    lastKept = content.datasets;
    await host.restore(content.datasets, null);
  } catch (error) {
    console.warn('the imports kept in this browser could not be read', error);
    await keepText(null);
  }
}

let lastKept: readonly ImportedDataset[] = [];
let status: StorageStatus | null = null;
let pending: ReturnType<typeof setTimeout> | undefined;

/** Called on every change of the datasets: keeps them (after a pause), or forgets them when there are none. */
export function keepImports(host: WorkspaceHost, onStatus: (status: StorageStatus) => void): void {
  if (!canStoreImports()) return;
  clearTimeout(pending);
  pending = setTimeout(async () => {
    const { datasets } = host.store.get().session;
    if (datasets === lastKept) return;
    lastKept = datasets;
    const rows = datasets.reduce((sum, d) => sum + d.rows.count, 0);
    const text = datasets.length === 0 || rows > KEEP_MAX_ROWS ? null : await workspaceText(host);
    status = !(await keepText(text)) ? 'refused' : datasets.length === 0 ? 'empty' : text ? 'kept' : 'too-large';
    onStatus(status);
  }, 500);
}

/** What the dialog says about storage. */
export async function storageStatus(host: WorkspaceHost): Promise<StorageStatus> {
  if (!canStoreImports()) return 'file';
  if (status) return status;
  if (!(await storageWorks())) return 'refused';
  const rows = host.store.get().session.datasets.reduce((sum, d) => sum + d.rows.count, 0);
  return rows === 0 ? 'empty' : rows > KEEP_MAX_ROWS ? 'too-large' : 'kept';
}

/** Forgets the kept imports; the datasets stay on the map until the page is reloaded. */
export async function forgetKeptImports(): Promise<StorageStatus> {
  clearTimeout(pending);
  lastKept = [];
  status = (await keepText(null)) ? 'empty' : 'refused';
  return status;
}
