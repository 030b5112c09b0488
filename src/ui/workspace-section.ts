// The import dialog's workspace section: save and open a workspace, save an offline map, and the note
// on what this browser keeps of the imports. The dialog hands it its status line and asks it to open a
// workspace file chosen or dropped there.
import { t, tf, type Lang, type MessageKey } from '../core/i18n/i18n.ts';
import { el } from './dom.ts';

/** How opening a workspace went: a failure names its message and the values it takes. */
export type WorkspaceOutcome =
  { ok: true; reset: boolean } | { ok: false; message: MessageKey; values: Record<string, string | number> };

/** Where imports stand in this browser's storage; each has a message `workspace.storage.<status>`. */
export type StorageStatus = 'kept' | 'empty' | 'too-large' | 'file' | 'refused';

export interface WorkspaceHandlers {
  /** True when a chosen or dropped file is a workspace rather than data to import. */
  isWorkspace(file: File): Promise<boolean>;
  open(file: File): Promise<WorkspaceOutcome>;
  save(): Promise<void>;
  /** False when this build cannot make one. */
  saveOffline(): Promise<boolean>;
  storage(): Promise<StorageStatus>;
  forget(): Promise<StorageStatus>;
}

export interface WorkspaceHost {
  dialog: HTMLDialogElement;
  /** The dialog's status line. */
  status: HTMLElement;
  lang(): Lang;
  /** A workspace was opened: the dialog redraws its list. */
  opened(): void;
  datasetCount(): number;
}

export interface WorkspacePart {
  section(language: Lang): Node[];
  /** Rewrites the note on what this browser keeps. */
  refreshStorage(): void;
  /** Opens a workspace in place of what is loaded; a file that cannot be opened changes nothing. */
  open(file: File): Promise<void>;
}

export function createWorkspacePart(workspace: WorkspaceHandlers, host: WorkspaceHost): WorkspacePart {
  const { status, lang } = host;
  const storageNote = el('div', { className: 'import-help', attrs: { id: 'import-storage' } });
  /** Save / open a workspace, save an offline map, and the note on storage in this browser. */
  const section = (language: Lang): Node[] => {
    const button = (key: MessageKey, id: string, action: () => void) => {
      const b = el('button', { text: t(language, key), attrs: { type: 'button', id } });
      b.addEventListener('click', action);
      return b;
    };
    const input = el('input', {
      attrs: { type: 'file', id: 'workspace-file', accept: '.json,.corridor-atlas,application/json', hidden: '' },
    });
    input.addEventListener('change', () => input.files?.[0] && void openWorkspace(input.files[0]));
    const say = (key: MessageKey) => status.replaceChildren(el('p', { text: t(lang(), key) }));
    refreshStorage();
    return [
      el('h3', { text: t(language, 'workspace.title') }),
      el('p', { className: 'import-help', text: t(language, 'workspace.help') }),
      el(
        'div',
        { className: 'button-row' },
        button('workspace.save', 'workspace-save', () => void workspace.save().then(() => say('workspace.saved'))),
        button('workspace.open', 'workspace-open', () => input.click()),
        button('workspace.offline', 'workspace-offline', async () => {
          say('workspace.offlineMaking');
          say((await workspace.saveOffline()) ? 'workspace.offlineSaved' : 'workspace.offlineUnavailable');
        }),
        input,
      ),
      storageNote,
    ];
  };

  const refreshStorage = () => {
    void workspace.storage().then((state) => {
      const language = lang();
      const forget = el('button', {
        text: t(language, 'workspace.forget'),
        attrs: { type: 'button', id: 'storage-forget' },
      });
      forget.addEventListener('click', async () => {
        const after = await workspace.forget();
        status.replaceChildren(
          el('p', { text: t(language, after === 'refused' ? 'workspace.storage.refused' : 'workspace.forgotten') }),
        );
        refreshStorage();
      });
      storageNote.dataset['storage'] = state;
      storageNote.replaceChildren(
        el('p', { text: t(language, `workspace.storage.${state}` as MessageKey) }),
        ...(state === 'kept' ? [forget] : []),
      );
    });
  };

  /** Opens a workspace in place of what is loaded; a file that cannot be opened changes nothing. */
  const openWorkspace = async (file: File) => {
    if (!host.dialog.open) host.dialog.showModal();
    status.replaceChildren(el('p', { text: t(lang(), 'workspace.opening') }));
    const outcome = await workspace.open(file);
    const language = lang();
    if (!outcome.ok) {
      status.replaceChildren(
        el('p', {
          className: 'import-error',
          attrs: { role: 'alert', id: 'workspace-error' },
          text: tf(language, outcome.message, outcome.values),
        }),
      );
      return;
    }
    host.opened();
    status.replaceChildren(
      el('p', {
        attrs: { id: 'workspace-opened' },
        text: tf(language, 'workspace.opened', { n: host.datasetCount() }),
      }),
      ...(outcome.reset ? [el('p', { text: t(language, 'workspace.reset') })] : []),
    );
  };

  return { section, refreshStorage, open: openWorkspace };
}
