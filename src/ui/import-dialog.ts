// The import dialog: pick or drop a file, map its columns when the headers are not recognised,
// watch the progress (and cancel), then read what was skipped and why. Also lists the imported
// datasets, each removable. Everything from the file is shown as text.
import {
  FLOW_FIELDS,
  IMPORT_LIMITS,
  TEXT_LIMITS,
  type ColumnMapping,
  type FlowField,
  type RowError,
  type ImportProblem,
} from '../core/import-types.ts';
import type { CsvPreview, SheetPreview } from '../worker/parse-csv.ts';
import { formatNumber, t, tf, type Lang, type MessageKey } from '../core/i18n/i18n.ts';
import { el } from './dom.ts';
import { createWorkspacePart, type WorkspaceHandlers } from './workspace-section.ts';

export type { StorageStatus, WorkspaceHandlers, WorkspaceOutcome } from './workspace-section.ts';
import { downloadText } from './download.ts';
import { csvCell } from '../worker/to-files.ts';
import { toPlainText } from '../worker/normalise.ts';
import type { ImportedDataset } from '../model/imported-datasets.ts';

export interface ImportDialogHandlers {
  /** Reads the file's first rows (CSV; each sheet's for a workbook) or null for GeoJSON. */
  preview(file: File): Promise<CsvPreview | { failure: ImportProblem } | null>;
  /** Imports; resolves with the new dataset or a failure; `cancel` stops it. */
  run(
    file: File,
    mapping: ColumnMapping | null,
    onProgress: (fraction: number) => void,
  ): { done: Promise<ImportedDataset | { failure: ImportProblem } | null>; cancel(): void };
  remove(id: number): void;
  datasets(): ImportedDataset[];
  /** Workspaces: save and open one, save an offline map, and what this browser keeps of the imports. */
  workspace?: WorkspaceHandlers;
}

export interface ImportDialog {
  open(): void;
  /** Starts an import of a dropped file. */
  importFile(file: File): void;
  refresh(): void;
  /** Rewrites the note on what this browser keeps. */
  refreshStorage(): void;
}

const MAX_LISTED_ERRORS = 200;

export function createImportDialog(
  dialog: HTMLDialogElement,
  lang: () => Lang,
  handlers: ImportDialogHandlers,
): ImportDialog {
  const body = el('div', { className: 'import-body' });
  const list = el('ul', { className: 'import-datasets', attrs: { id: 'import-datasets' } });
  const status = el('div', { className: 'import-status', attrs: { id: 'import-status', 'aria-live': 'polite' } });

  const render = () => {
    const language = lang();
    const input = el('input', {
      attrs: {
        type: 'file',
        id: 'import-file',
        accept:
          '.csv,.tsv,.txt,.geojson,.json,.xlsx,text/csv,application/geo+json,application/json,' +
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });
    input.addEventListener('change', () => input.files?.[0] && importFile(input.files[0]));
    const close = el('button', {
      className: 'close',
      text: '×',
      attrs: { type: 'button', 'aria-label': t(language, 'import.close') },
    });
    close.addEventListener('click', () => dialog.close());
    const drop = el(
      'label',
      { className: 'import-drop', attrs: { for: 'import-file' } },
      el('span', { text: t(language, 'import.drop') }),
      input,
    );
    body.replaceChildren(
      el('p', { className: 'import-help', text: t(language, 'import.help') }),
      el('p', {
        className: 'import-help',
        text: tf(language, 'import.limits', { mb: IMPORT_LIMITS.maxBytes / 1024 / 1024, rows: IMPORT_LIMITS.maxRows }),
      }),
      drop,
      ...(workspacePart ? workspacePart.section(language) : []),
    );
    dialog.replaceChildren(
      el(
        'div',
        { className: 'dialog-head' },
        el('h2', { text: t(language, 'import.title'), attrs: { id: 'import-title' } }),
        close,
      ),
      body,
      status,
      list,
    );
    renderList();
  };

  const workspacePart =
    handlers.workspace &&
    createWorkspacePart(handlers.workspace, {
      dialog,
      status,
      lang,
      opened: () => render(),
      datasetCount: () => handlers.datasets().length,
    });

  const renderList = () => {
    const language = lang();
    list.replaceChildren(
      ...handlers.datasets().map((dataset) => {
        const remove = el('button', {
          text: t(language, 'import.remove'),
          attrs: { type: 'button', 'data-remove': String(dataset.id) },
        });
        remove.addEventListener('click', () => {
          handlers.remove(dataset.id);
          renderList();
        });
        const text = withName(language, 'import.datasetRows', dataset.name, {
          rows: dataset.rows.count,
          errors: dataset.errors.length,
        });
        return el('li', {}, el('span', {}, ...text), remove);
      }),
    );
  };

  const showFailure = (failure: ImportProblem) => {
    status.replaceChildren(
      el('p', {
        className: 'import-error',
        attrs: { role: 'alert' },
        text: t(lang(), `import.failure.${failure}` as MessageKey),
      }),
    );
  };

  /**
   * The column-mapping step: a select per field over the file's headers, and a preview. A workbook
   * of several sheets first gets a sheet picker; each sheet brings its own headers and guess.
   */
  const askMapping = (preview: CsvPreview): Promise<ColumnMapping | null> =>
    new Promise((resolve) => {
      const language = lang();
      const sheets = preview.sheets && preview.sheets.length > 1 ? preview.sheets : null;
      let sheet = preview.mapping.sheet;
      let refused = false;
      const selects = new Map<FlowField, HTMLSelectElement>();
      const mappingBox = el('div', { className: 'import-mapping' });
      const sampleBox = el('div', { className: 'table-scroll' });
      const problem = el('div', { attrs: { id: 'import-sheet-problem' } });
      const go = el('button', { text: t(language, 'import.start'), attrs: { type: 'button', id: 'import-start' } });
      const cancel = el('button', { text: t(language, 'import.cancel'), attrs: { type: 'button' } });
      const check = () => (go.disabled = refused || selects.get('origin')!.value === '');

      /** The selects and sample rows of one table (the file, or the chosen sheet). */
      const show = (table: SheetPreview | CsvPreview) => {
        selects.clear();
        mappingBox.replaceChildren(
          ...FLOW_FIELDS.map((field) => {
            const select = el(
              'select',
              { attrs: { id: `map-${field}` } },
              el('option', { text: t(language, 'import.noColumn'), attrs: { value: '' } }),
            );
            table.headers.forEach((header, i) =>
              select.append(el('option', { text: header || `#${i + 1}`, attrs: { value: String(i) } })),
            );
            select.value = table.mapping[field] === undefined ? '' : String(table.mapping[field]);
            selects.set(field, select);
            return el(
              'label',
              { className: 'select-row', attrs: { for: `map-${field}` } },
              el('span', { text: t(language, `import.field.${field}` as MessageKey) }),
              select,
            );
          }),
        );
        selects.get('origin')!.addEventListener('change', check);
        sampleBox.replaceChildren(
          el(
            'table',
            { className: 'records import-sample' },
            el('thead', {}, el('tr', {}, ...table.headers.map((h) => el('th', { text: h, attrs: { dir: 'auto' } })))),
            el(
              'tbody',
              {},
              ...table.rows
                .slice(0, 5)
                .map((row) => el('tr', {}, ...row.map((cell) => el('td', { text: cell, attrs: { dir: 'auto' } })))),
            ),
          ),
        );
        const failure = 'failure' in table ? table.failure : undefined;
        refused = failure !== undefined;
        problem.replaceChildren(
          ...(failure
            ? [
                el('p', {
                  className: 'import-error',
                  attrs: { role: 'alert' },
                  text: t(language, `import.failure.${failure}` as MessageKey),
                }),
              ]
            : []),
        );
        check();
      };

      const picker: Node[] = [];
      if (sheets) {
        const select = el('select', { attrs: { id: 'import-sheet' } });
        sheets.forEach((s, i) =>
          select.append(el('option', { text: s.name || `#${i + 1}`, attrs: { value: String(i) } })),
        );
        select.value = String(sheet ?? 0);
        select.addEventListener('change', () => {
          sheet = Number(select.value);
          show(sheets[sheet]!);
        });
        picker.push(
          el('p', { text: t(language, 'import.sheetHelp') }),
          el(
            'label',
            { className: 'select-row', attrs: { for: 'import-sheet' } },
            el('span', { text: t(language, 'import.sheet') }),
            select,
          ),
        );
      }
      show(sheets ? sheets[sheet ?? 0]! : preview);
      go.addEventListener('click', () => {
        const mapping: ColumnMapping = sheet === undefined ? {} : { sheet };
        for (const [field, select] of selects) if (select.value !== '') mapping[field] = Number(select.value);
        resolve(mapping);
      });
      cancel.addEventListener('click', () => {
        status.replaceChildren();
        resolve(null);
      });
      status.replaceChildren(
        ...picker,
        el('p', { text: t(language, 'import.mappingHelp') }),
        mappingBox,
        problem,
        sampleBox,
        el('div', { className: 'button-row' }, go, cancel),
      );
      (sheets ? (status.querySelector('#import-sheet') as HTMLSelectElement) : selects.get('origin')!).focus();
    });

  const showReport = (dataset: ImportedDataset) => {
    const language = lang();
    const summary = tf(language, 'import.done', { rows: dataset.rows.count, errors: dataset.errors.length });
    const parts: Node[] = [el('p', { className: 'import-summary', attrs: { id: 'import-summary' }, text: summary })];
    if (dataset.unknownSectors > 0)
      parts.push(el('p', { text: tf(language, 'import.unknownSectors', { n: dataset.unknownSectors }) }));
    if (dataset.truncated > 0)
      parts.push(
        el('p', {
          attrs: { id: 'import-truncated' },
          text: tf(language, 'import.truncated', { n: dataset.truncated }),
        }),
      );
    if (dataset.errors.length > 0) {
      const download = el('button', {
        text: t(language, 'import.downloadReport'),
        attrs: { type: 'button', id: 'import-report-download' },
      });
      download.addEventListener('click', () => downloadReport(dataset, language));
      const rows = dataset.errors.slice(0, MAX_LISTED_ERRORS).map((error) => errorRow(error, language));
      parts.push(
        el(
          'table',
          { className: 'records import-errors', attrs: { id: 'import-errors' } },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', { text: t(language, 'import.errorRow') }),
              el('th', { text: t(language, 'import.errorReason') }),
              el('th', { text: t(language, 'import.errorText') }),
            ),
          ),
          el('tbody', {}, ...rows),
        ),
      );
      if (dataset.errors.length > MAX_LISTED_ERRORS)
        parts.push(
          el('p', { text: tf(language, 'import.moreErrors', { n: dataset.errors.length - MAX_LISTED_ERRORS }) }),
        );
      parts.push(download);
    }
    status.replaceChildren(...parts);
  };

  const importFile = async (file: File) => {
    if (handlers.workspace && workspacePart && (await handlers.workspace.isWorkspace(file)))
      return workspacePart.open(file);
    if (!dialog.open) dialog.showModal();
    status.replaceChildren(el('p', { text: t(lang(), 'import.reading') }));
    const preview = await handlers.preview(file);
    if (preview && 'failure' in preview) return showFailure(preview.failure);
    let mapping: ColumnMapping | null = null;
    // A workbook of several sheets always shows the step: the analyst picks the sheet.
    if (preview && (preview.mapping.origin === undefined || (preview.sheets?.length ?? 0) > 1)) {
      mapping = await askMapping(preview);
      if (!mapping) return;
    } else if (preview) mapping = preview.mapping;
    const language = lang();
    const bar = el('progress', {
      attrs: { id: 'import-progress', max: '100', value: '0', 'aria-label': t(language, 'import.progress') },
    });
    const percent = el('span', { text: '' });
    const cancel = el('button', { text: t(language, 'import.cancel'), attrs: { type: 'button', id: 'import-cancel' } });
    status.replaceChildren(
      el('p', {}, ...withName(language, 'import.importing', file.name, {})),
      el('div', { className: 'import-progress' }, bar, percent, cancel),
    );
    const job = handlers.run(file, mapping, (fraction) => {
      bar.value = Math.round(fraction * 100);
      percent.textContent = tf(language, 'import.percent', { n: Math.round(fraction * 100) });
    });
    cancel.addEventListener('click', () => {
      job.cancel();
      status.replaceChildren(el('p', { text: t(language, 'import.cancelled') }));
    });
    const result = await job.done;
    if (result === null) return; // cancelled
    if ('failure' in result) return showFailure(result.failure);
    renderList();
    showReport(result);
  };

  render();
  return {
    open() {
      render();
      status.replaceChildren();
      dialog.showModal();
    },
    importFile: (file) => void importFile(file),
    refresh: () => render(),
    refreshStorage: () => workspacePart?.refreshStorage(),
  };
}

/**
 * A message with a file's name in it, the name as text in a <bdi dir="auto">: an English name
 * then reads right inside Persian text and the reverse, and a name cannot reorder the words after it.
 */
function withName(lang: Lang, key: MessageKey, name: string, values: Record<string, string | number>): Node[] {
  const [before = '', after = ''] = tf(lang, key, { ...values, name: '\u0000' }).split('\u0000');
  return [
    document.createTextNode(before),
    el('bdi', { text: toPlainText(name, TEXT_LIMITS.name), attrs: { dir: 'auto' } }),
    document.createTextNode(after),
  ];
}

function errorRow(error: RowError, lang: Lang): HTMLTableRowElement {
  // The offending text is the file's, in whatever direction: isolated from the row's other cells.
  return el(
    'tr',
    {},
    el('td', { text: formatNumber(lang, error.row) }),
    el('td', { text: t(lang, `import.reason.${error.reason}` as MessageKey) }),
    el('td', { text: error.detail, attrs: { dir: 'auto' } }),
  );
}

/** The skipped rows as CSV: row, reason (in the UI language), the offending text. */
export function errorReportCsv(errors: RowError[], lang: Lang): string {
  const lines = [
    'row,reason,text',
    ...errors.map((e) =>
      [String(e.row), csvCell(t(lang, `import.reason.${e.reason}` as MessageKey)), csvCell(e.detail)].join(','),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function downloadReport(dataset: ImportedDataset, lang: Lang): void {
  downloadText(
    errorReportCsv(dataset.errors, lang),
    `${dataset.name.replace(/\.[^.]+$/, '')}-skipped-rows.csv`,
    'text/csv;charset=utf-8',
  );
}
