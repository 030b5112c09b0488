// The table drawer: filters, a sortable and paged <table> of the records, and export buttons.
// Choosing a row selects it on the map; the map's selection marks its rows here. Loaded on demand.
// Text from data goes in through textContent only, inside <bdi> where it may be an imported file's
// (title, where, source), so English and Persian text each read right inside the other's table.
import type { EntityRef } from '../state/state.ts';
import { sameRef } from '../state/state.ts';
import { formatNumber, t, tf, type Lang, type MessageKey } from '../core/i18n/i18n.ts';
import { el } from './dom.ts';
import {
  DEFAULT_QUERY,
  queryRecords,
  RECORD_KINDS,
  recordDate,
  TABLE_COLUMNS,
  type TableColumn,
  type TableQuery,
  type TableRecord,
} from '../model/table-model.ts';

const PAGE_SIZE = 100;

export interface TableOptions {
  lang: Lang;
  provinces: { id: string; name: string }[];
  partners: { id: string; name: string }[];
  onSelect(ref: EntityRef): void;
  onExport(format: 'csv' | 'geojson' | 'xlsx' | 'json', rows: TableRecord[]): void;
  onClose(): void;
}

export interface TableView {
  /** New records (the map's filters or the data changed); keeps the table's own query and page. */
  setRecords(records: TableRecord[]): void;
  setSelection(ref: EntityRef | null): void;
  focus(): void;
}

export function createTableView(container: HTMLElement, options: TableOptions): TableView {
  const { lang } = options;
  let records: TableRecord[] = [];
  let rows: TableRecord[] = [];
  let query: TableQuery = DEFAULT_QUERY;
  let page = 0;
  let selection: EntityRef | null = null;

  const select = (id: string, label: string, choices: { id: string; name: string }[]) => {
    const element = el(
      'select',
      { attrs: { id, 'aria-label': label } },
      el('option', { text: label, attrs: { value: '' } }),
    );
    for (const choice of choices) element.append(el('option', { text: choice.name, attrs: { value: choice.id } }));
    return element;
  };
  const text = el('input', {
    attrs: {
      type: 'search',
      id: 'table-text',
      placeholder: t(lang, 'table.filterText'),
      'aria-label': t(lang, 'table.filterText'),
    },
  });
  const kind = select(
    'table-kind',
    t(lang, 'table.anyKind'),
    RECORD_KINDS.map((k) => ({ id: k, name: t(lang, `record.${k}` as MessageKey) })),
  );
  const province = select('table-province', t(lang, 'table.anyProvince'), options.provinces);
  const partner = select('table-partner', t(lang, 'table.anyPartner'), options.partners);
  const count = el('p', { className: 'table-count', attrs: { id: 'table-count', 'aria-live': 'polite' } });
  const exportButton = (format: 'csv' | 'geojson' | 'xlsx' | 'json', key: MessageKey) => {
    const button = el('button', { text: t(lang, key), attrs: { type: 'button', 'data-export': format } });
    button.addEventListener('click', () => options.onExport(format, rows));
    return button;
  };
  const close = el('button', {
    className: 'close',
    text: '×',
    attrs: { type: 'button', 'aria-label': t(lang, 'table.close') },
  });
  close.addEventListener('click', () => options.onClose());

  const headRow = el('tr');
  const sortButtons = new Map<TableColumn, HTMLButtonElement>();
  for (const column of TABLE_COLUMNS) {
    const button = el('button', { text: t(lang, `table.col.${column}` as MessageKey), attrs: { type: 'button' } });
    button.addEventListener('click', () => {
      const descending =
        query.sort.column === column ? !query.sort.descending : column === 'date' || column === 'amount';
      setQuery({ sort: { column, descending } });
    });
    sortButtons.set(column, button);
    headRow.append(el('th', { attrs: { scope: 'col' } }, button));
  }
  const body = el('tbody');
  const table = el(
    'table',
    { className: 'records' },
    el('caption', { className: 'visually-hidden', text: t(lang, 'table.caption') }),
    el('thead', {}, headRow),
    body,
  );
  const previous = el('button', { text: t(lang, 'table.previous'), attrs: { type: 'button', id: 'table-previous' } });
  const next = el('button', { text: t(lang, 'table.next'), attrs: { type: 'button', id: 'table-next' } });
  previous.addEventListener('click', () => showPage(page - 1));
  next.addEventListener('click', () => showPage(page + 1));

  container.replaceChildren(
    el(
      'div',
      { className: 'table-toolbar' },
      el('h2', { text: t(lang, 'table.title') }),
      text,
      kind,
      province,
      partner,
      count,
      el(
        'div',
        { className: 'table-exports', attrs: { role: 'group', 'aria-label': t(lang, 'table.export') } },
        exportButton('csv', 'table.exportCsv'),
        exportButton('geojson', 'table.exportGeoJson'),
        exportButton('xlsx', 'table.exportXlsx'),
        exportButton('json', 'table.exportJson'),
      ),
      close,
    ),
    el('div', { className: 'table-scroll' }, table),
    el('div', { className: 'table-pager' }, previous, next),
  );

  text.addEventListener('input', () => setQuery({ text: text.value }));
  kind.addEventListener('change', () => setQuery({ kind: kind.value as TableQuery['kind'] }));
  province.addEventListener('change', () => setQuery({ province: province.value }));
  partner.addEventListener('change', () => setQuery({ partner: partner.value }));

  function setQuery(patch: Partial<TableQuery>): void {
    query = { ...query, ...patch };
    refresh(0);
  }

  function refresh(toPage: number): void {
    rows = queryRecords(records, query, lang);
    for (const [column, button] of sortButtons) {
      const th = button.parentElement!;
      if (column === query.sort.column)
        th.setAttribute('aria-sort', query.sort.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    showPage(toPage);
  }

  function showPage(index: number): void {
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    page = Math.min(Math.max(0, index), pages - 1);
    const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    body.replaceChildren(...shown.map(rowElement));
    if (rows.length === 0)
      body.append(
        el('tr', {}, el('td', { text: t(lang, 'table.empty'), attrs: { colspan: String(TABLE_COLUMNS.length) } })),
      );
    const first = rows.length === 0 ? 0 : page * PAGE_SIZE + 1;
    count.textContent = tf(lang, 'table.count', {
      from: formatNumber(lang, first),
      to: formatNumber(lang, page * PAGE_SIZE + shown.length),
      total: formatNumber(lang, rows.length),
    });
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  function rowElement(record: TableRecord): HTMLTableRowElement {
    const selected = record.ref !== null && sameRef(record.ref, selection);
    const tr = el(
      'tr',
      { attrs: { 'data-key': record.key, tabindex: '0', 'aria-selected': String(selected) } },
      el('td', { text: t(lang, `record.${record.kind}` as MessageKey) }),
      el('td', {}, el('bdi', { text: record.title })),
      el('td', {}, el('bdi', { text: record.where })),
      el('td', { text: recordDate(record, lang) }),
      el('td', { text: record.amountText }),
      el('td', {}, el('bdi', { text: record.source })),
    );
    const choose = () => record.ref && options.onSelect(record.ref);
    tr.addEventListener('click', choose);
    tr.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        choose();
      }
    });
    return tr;
  }

  return {
    setRecords(next) {
      records = next;
      refresh(page);
    },
    setSelection(ref) {
      selection = ref;
      // Bring the first row of the selection into view, turning the page if it is elsewhere.
      const index = ref ? rows.findIndex((r) => r.ref !== null && sameRef(r.ref, ref)) : -1;
      showPage(index >= 0 ? Math.floor(index / PAGE_SIZE) : page);
      body.querySelector('tr[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    },
    focus: () => text.focus(),
  };
}
