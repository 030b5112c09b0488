// The table drawer: filters, a sortable <table> of virtual rows, and export buttons. Only the rows
// in view (and a few either side) exist as elements, made from row ids when they scroll in, so a
// million imported rows scroll like a hundred; filtering and sorting run in slices between frames
// (see ../model/table-source.ts), the rows shown staying until the new order is ready. Choosing a
// row selects it on the map; the map's selection marks its rows here. Loaded on demand.
// Text from data goes in through textContent only, inside <bdi> where it may be an imported file's
// (title, where, source), so English and Persian text each read right inside the other's table.
import type { EntityRef } from '../state/state.ts';
import { sameRef } from '../state/state.ts';
import { formatNumber, t, tf, type Lang, type MessageKey } from '../core/i18n/i18n.ts';
import { nextTask, runNow, runSliced } from '../core/work-slices.ts';
import { el } from './dom.ts';
import {
  cellText,
  COLUMNS,
  DEFAULT_QUERY,
  queryFor,
  RECORD_KINDS,
  startsDescending,
  type TableColumn,
  type TableQuery,
} from '../model/table-model.ts';
import { filterIds, narrows, queryIds, recordAt, resortIds, type TableSource } from '../model/table-source.ts';
import { createVirtualRows } from './virtual-rows.ts';

/** What the table shows: a source and its row ids in order. Exports take these. */
export interface TableRows {
  source: TableSource;
  ids: Uint32Array;
}

export interface TableOptions {
  lang: Lang;
  provinces: { id: string; name: string }[];
  partners: { id: string; name: string }[];
  onSelect(ref: EntityRef): void;
  onExport(format: 'csv' | 'geojson' | 'xlsx' | 'json', rows: TableRows): void;
  onClose(): void;
  /** "Show all" on the line that says the table lists only the rows behind one arc or place. */
  onShowAll(): void;
}

export interface TableView {
  /** New rows (the map's filters or the data changed); keeps the table's own query. */
  setSource(source: TableSource): void;
  setSelection(ref: EntityRef | null): void;
  /** Says the table lists only the rows of `name` (with "Show all"), or nothing when null. */
  setRestriction(name: string | null): void;
  focus(): void;
}

const SUPERSEDED = Symbol('superseded');
/** Up to this many rows, a query is worked out at once: a few milliseconds. */
const AT_ONCE = 20_000;

export function createTableView(container: HTMLElement, options: TableOptions): TableView {
  const { lang } = options;
  let query: TableQuery = DEFAULT_QUERY;
  let source: TableSource | null = null;
  /** What the rows show: a source, the query they answer, and the ids in order. */
  let shown: TableRows & { query: TableQuery } = {
    source: { atlas: [], parts: [], starts: [], total: 0, gazetteer: null, lang, comparing: false },
    ids: new Uint32Array(0),
    query,
  };
  let selection: EntityRef | null = null;
  let generation = 0;

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
  const busy = el('p', { className: 'table-busy', attrs: { id: 'table-busy', role: 'status' } });
  busy.hidden = true;
  const exportButton = (format: 'csv' | 'geojson' | 'xlsx' | 'json', key: MessageKey) => {
    const button = el('button', { text: t(lang, key), attrs: { type: 'button', 'data-export': format } });
    button.addEventListener('click', () => options.onExport(format, { source: shown.source, ids: shown.ids }));
    return button;
  };
  const close = el('button', {
    className: 'close',
    text: '×',
    attrs: { type: 'button', 'aria-label': t(lang, 'table.close') },
  });
  close.addEventListener('click', () => options.onClose());
  const restrictionText = el('span', { attrs: { dir: 'auto' } });
  const showAll = el('button', { className: 'panel-link', text: t(lang, 'table.showAll'), attrs: { type: 'button' } });
  showAll.addEventListener('click', () => options.onShowAll());
  const restriction = el(
    'p',
    { className: 'table-restriction', attrs: { id: 'table-restriction' } },
    restrictionText,
    document.createTextNode(' · '),
    showAll,
  );
  restriction.hidden = true;

  const headRow = el('tr', { attrs: { 'aria-rowindex': '1' } });
  const colgroup = el('colgroup');
  const sortButtons = new Map<TableColumn, HTMLButtonElement>();
  /** The header and column of each column shown only while comparing. */
  const comparingOnly: HTMLElement[] = [];
  for (const { id: column, ...spec } of COLUMNS) {
    const button = el('button', { text: t(lang, `table.col.${column}` as MessageKey), attrs: { type: 'button' } });
    button.addEventListener('click', () => {
      const descending = query.sort.column === column ? !query.sort.descending : startsDescending(column);
      setQuery({ sort: { column, descending } });
    });
    sortButtons.set(column, button);
    const [th, col] = [
      el('th', { attrs: { scope: 'col', 'data-column': column } }, button),
      el('col', { className: `col-${column}` }),
    ];
    if ('comparing' in spec) comparingOnly.push(th, col);
    headRow.append(th);
    colgroup.append(col);
  }
  const body = el('tbody');
  const table = el(
    'table',
    { className: 'records' },
    el('caption', { className: 'visually-hidden', text: t(lang, 'table.caption') }),
    colgroup,
    el('thead', {}, headRow),
    body,
  );
  const scroller = el(
    'div',
    { className: 'table-scroll table-virtual' },
    el('div', { className: 'table-sizer' }, table),
  );

  container.replaceChildren(
    el(
      'div',
      { className: 'table-toolbar' },
      el('h2', { text: t(lang, 'table.title') }),
      restriction,
      text,
      kind,
      province,
      partner,
      count,
      busy,
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
    scroller,
  );

  const rows = createVirtualRows({
    scroller,
    table,
    body,
    columns: COLUMNS.length,
    emptyText: t(lang, 'table.empty'),
    row(position) {
      const record = recordAt(shown.source, shown.ids[position]!);
      const tr = el(
        'tr',
        {
          attrs: {
            'data-key': record.key,
            'aria-selected': String(record.ref !== null && sameRef(record.ref, selection)),
          },
        },
        ...COLUMNS.map(({ id, ...spec }) => {
          const value = cellText(record, id, lang);
          if ('bdi' in spec) return el('td', {}, el('bdi', { text: value }));
          // Hidden with its header when not comparing (the table's `comparing` class).
          // (The full change text on hover too: the cell cuts it with an ellipsis.)
          if ('comparing' in spec) return el('td', { className: `cell-${id}`, text: value, attrs: { title: value } });
          return el('td', { text: value });
        }),
      );
      return tr;
    },
    choose(position) {
      const ref = recordAt(shown.source, shown.ids[position]!).ref;
      if (ref) options.onSelect(ref);
    },
    showing(first, last, total) {
      count.textContent = tf(lang, 'table.count', {
        from: formatNumber(lang, total === 0 ? 0 : first + 1),
        to: formatNumber(lang, last),
        total: formatNumber(lang, total),
      });
    },
  });

  text.addEventListener('input', () => setQuery({ text: text.value }));
  kind.addEventListener('change', () => setQuery({ kind: kind.value as TableQuery['kind'] }));
  province.addEventListener('change', () => setQuery({ province: province.value }));
  partner.addEventListener('change', () => setQuery({ partner: partner.value }));

  function setQuery(patch: Partial<TableQuery>): void {
    query = { ...query, ...patch };
    run();
  }

  /**
   * Works out the rows for the latest source and query: at once for a few thousand rows, else in
   * slices between frames, the rows shown staying (and "sorting…" or "filtering…" said) until the
   * new order is ready; a newer call supersedes one still running.
   */
  function run(): void {
    if (!source) return;
    const [target, wanted, current] = [source, query, ++generation];
    const sameSource = target === shown.source;
    const sortOnly =
      sameSource && JSON.stringify({ ...wanted, sort: 0 }) === JSON.stringify({ ...shown.query, sort: 0 });
    const steps = sortOnly
      ? resortIds(target, shown.ids, wanted.sort)
      : sameSource && narrows(shown.query, wanted)
        ? filterIds(target, wanted, shown.ids)
        : queryIds(target, wanted);
    const apply = (ids: Uint32Array) => {
      const reset = wanted !== shown.query;
      shown = { source: target, ids, query: wanted };
      busy.hidden = true;
      table.removeAttribute('aria-busy');
      for (const [column, button] of sortButtons) {
        const th = button.parentElement!;
        if (column === wanted.sort.column)
          th.setAttribute('aria-sort', wanted.sort.descending ? 'descending' : 'ascending');
        else th.removeAttribute('aria-sort');
      }
      rows.setCount(ids.length, reset);
    };
    if (target.total <= AT_ONCE) return apply(runNow(steps));
    busy.textContent = t(lang, sortOnly ? 'table.sorting' : 'table.filtering');
    busy.hidden = false;
    table.setAttribute('aria-busy', 'true');
    const pause = async () => {
      await nextTask();
      if (current !== generation) throw SUPERSEDED;
    };
    runSliced(steps, pause)
      .then((ids) => current === generation && apply(ids))
      .catch((error: unknown) => {
        if (error !== SUPERSEDED) throw error;
      });
  }

  /** Marks the selection's rows, and brings its first row into view when asked. */
  function markSelection(reveal: boolean): void {
    const position = selection ? positionOf(selection) : -1;
    if (reveal && position >= 0) rows.reveal(position);
    rows.refresh();
  }

  function positionOf(ref: EntityRef): number {
    const { source: s, ids } = shown;
    if (ref.kind === 'flow') {
      const [datasetId, row] = ref.id.split(':').map(Number);
      const p = s.parts.findIndex((part) => part.dataset.id === datasetId);
      const k = p < 0 ? -1 : s.parts[p]!.rows.indexOf(row!);
      return k < 0 ? -1 : ids.indexOf(s.starts[p]! + k);
    }
    const matching = new Set<number>();
    s.atlas.forEach((r, id) => r.ref && sameRef(r.ref, ref) && matching.add(id));
    return matching.size === 0 ? -1 : ids.findIndex((id) => matching.has(id));
  }

  return {
    setSource(next) {
      source = next;
      query = queryFor(query, next.comparing);
      table.classList.toggle('comparing', next.comparing);
      for (const element of comparingOnly) element.hidden = !next.comparing;
      run();
    },
    setRestriction(name) {
      restriction.hidden = name === null;
      restrictionText.textContent = name === null ? '' : tf(lang, 'table.onlyRows', { name });
    },
    setSelection(ref) {
      selection = ref;
      markSelection(true);
    },
    focus: () => text.focus(),
  };
}
