// The table view's rows: everything the map shows (facts, links, corridors, routes and imported
// flows) as flat records, filtered by the map's filters and the table's own, and sorted. Pure.
import type { AppState, EntityRef } from '../state/state.ts';
import { filteredFacts, filteredLinks } from './selectors.ts';
import { matchesTime } from '../state/filters.ts';
import { normaliseForSearch } from './search.ts';
import { subjectRef } from '../core/entities.ts';
import type { AtlasData, Citation, Fact } from '../core/atlas.ts';
import type { LonLat } from '../core/geodata.ts';
import { formatApproxYear, formatDate, formatKm, formatQuantity } from '../core/i18n/format.ts';
import { t, type Lang, type MessageKey } from '../core/i18n/i18n.ts';
import { entityName, sourceNote, type PanelContext } from './panel-items.ts';
import type { Change } from './period-compare.ts';
import { changeCellText } from './compare-view.ts';

export const RECORD_KINDS = ['fact', 'link', 'corridor', 'route', 'flow'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface TableRecord {
  /** Unique across kinds, e.g. `fact:ea-units`, `flow:3:1207`. */
  key: string;
  kind: RecordKind;
  /** What choosing the row selects on the map. */
  ref: EntityRef | null;
  title: string;
  /** Where it is: the subject, `origin → destination`, or the corridor's provinces. */
  where: string;
  /** Province and partner ids it concerns, for the table's filters. */
  provinces: string[];
  partners: string[];
  sectors: string[];
  date: string | null;
  /** When `date` is null but the report's year is inferred (report 001: c. 2020). */
  approxYear?: number;
  /** For sorting; null sorts last. */
  amount: number | null;
  amountText: string;
  /** The amount's unit, in the record's language; '' when there is no amount. */
  unit: string;
  source: string;
  /** Where it starts and ends on the map, named so a re-import resolves them; no destination for a point. */
  origin: Endpoint | null;
  destination: Endpoint | null;
  /** While two periods are compared: the change of the pair an imported flow row belongs to. */
  change?: Change | null;
}

export interface Endpoint {
  name: string;
  lonLat: LonLat;
}

/** The fields a column sorts by: an atlas record, or an imported row read without making its record. */
export type SortFields = Pick<TableRecord, 'kind' | 'title' | 'where' | 'source' | 'amount' | 'date' | 'change'>;

/**
 * The table's columns, in order: the one list to add a column to. A column sorts by text (in the
 * language's collation) or by a number (missing values last in either direction); `bdi` cells may
 * hold an imported file's text.
 */
export const COLUMNS = [
  { id: 'kind', sort: { text: (r: SortFields) => r.kind } },
  { id: 'title', sort: { text: (r: SortFields) => r.title }, bdi: true },
  { id: 'where', sort: { text: (r: SortFields) => r.where }, bdi: true },
  { id: 'date', sort: { number: (r: SortFields) => dateKey(r.date) } },
  { id: 'amount', sort: { number: (r: SortFields) => r.amount ?? NaN } },
  // Shown only while two periods are compared; sorts by the pair's change (b − a), rows without one last.
  { id: 'change', sort: { number: (r: SortFields) => r.change?.change ?? NaN }, comparing: true },
  { id: 'source', sort: { text: (r: SortFields) => r.source }, bdi: true },
] as const satisfies readonly ColumnSpec[];

export interface ColumnSpec {
  id: string;
  sort: { text: (r: SortFields) => string } | { number: (r: SortFields) => number };
  bdi?: boolean;
  /** Shown only while two periods are compared. */
  comparing?: boolean;
}

export const TABLE_COLUMNS = COLUMNS.map((c) => c.id);
export type TableColumn = (typeof COLUMNS)[number]['id'];

export function columnSpec(column: TableColumn): ColumnSpec {
  return COLUMNS.find((c) => c.id === column)!;
}

/** A new sort on a column starts descending for numbers (latest, largest first), ascending for text. */
export const startsDescending = (column: TableColumn): boolean => 'number' in columnSpec(column).sort;

/** The cell text of a column (the table shows it; text columns read from the data as is). */
export function cellText(record: TableRecord, column: TableColumn, lang: Lang): string {
  switch (column) {
    case 'kind':
      return t(lang, `record.${record.kind}` as MessageKey);
    case 'date':
      return recordDate(record, lang);
    case 'amount':
      return record.amountText;
    case 'change':
      return record.change ? changeCellText(lang, record.change) : '';
    default:
      return record[column];
  }
}

const dateKeys = new Map<string, number>();
/**
 * `yyyy[-mm[-dd]]` as a number in the same order as the text (a year before its months, a month
 * before its days), NaN when undated: comparing numbers is what lets a million rows sort quickly.
 */
export function dateKey(date: string | null): number {
  if (date === null) return NaN;
  let key = dateKeys.get(date);
  if (key === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    key = (y ?? 0) * 10_000 + (m ?? 0) * 100 + (d ?? 0);
    if (dateKeys.size > 100_000) dateKeys.clear();
    dateKeys.set(date, key);
  }
  return key;
}

/** The table's own filters, on top of the map's sector and time filters. Empty strings mean any. */
export interface TableQuery {
  kind: RecordKind | '';
  province: string;
  partner: string;
  text: string;
  sort: { column: TableColumn; descending: boolean };
}

export const DEFAULT_QUERY: TableQuery = {
  kind: '',
  province: '',
  partner: '',
  text: '',
  sort: { column: 'date', descending: true },
};

/**
 * The query the table answers for rows compared or not: a sort by a column shown only while comparing (the
 * change) gives way to the default sort once the comparison ends, as the column itself goes.
 */
export function queryFor(query: TableQuery, comparing: boolean): TableQuery {
  if (comparing || !columnSpec(query.sort.column).comparing) return query;
  return { ...query, sort: DEFAULT_QUERY.sort };
}

/** Records for the atlas itself, under the map's state (sectors, time, visible corridors and layers). */
export function atlasRecords(
  state: Pick<AppState, 'sectors' | 'time' | 'corridors' | 'layers'>,
  context: PanelContext,
): TableRecord[] {
  const { atlas, lang } = context;
  const records: TableRecord[] = [];
  for (const fact of filteredFacts(state, atlas)) records.push(factRecord(fact, context));
  for (const link of filteredLinks(state, atlas)) {
    const ref: EntityRef = { kind: 'link', id: link.id };
    records.push({
      key: `link:${link.id}`,
      kind: 'link',
      ref,
      title: link.text[lang],
      where: entityName(ref, context),
      provinces: link.fromProvince ? [link.fromProvince] : [],
      partners: [link.to],
      sectors: link.sectors,
      date: link.date,
      ...approxYearOf(link.reportId, atlas),
      amount: link.quantities[0]?.value ?? null,
      amountText: link.quantities.map((q) => formatQuantity(lang, q, atlas.vocabulary)).join('، '),
      unit: unitName(link.quantities[0]?.unit, atlas, lang),
      source: firstSource(link.sources, context),
      origin: {
        name: link.fromProvince
          ? entityName({ kind: 'province', id: link.fromProvince }, context)
          : atlas.national.name[lang],
        lonLat: link.sourcePosition,
      },
      destination: link.targetPosition
        ? { name: entityName({ kind: 'partner', id: link.to }, context), lonLat: link.targetPosition }
        : null,
    });
  }
  const undatedShown = matchesTime(null, state.time);
  if (state.layers.corridors && undatedShown) {
    for (const corridor of atlas.corridors.filter((c) => state.corridors.includes(c.id))) {
      records.push({
        key: `corridor:${corridor.id}`,
        kind: 'corridor',
        ref: { kind: 'corridor', id: corridor.id },
        title: corridor.name[lang],
        where: corridor.provinces.map((id) => entityName({ kind: 'province', id }, context)).join('، '),
        provinces: corridor.provinces,
        partners: corridor.members,
        sectors: [],
        date: null,
        amount: corridor.lengthKm,
        amountText: formatKm(lang, corridor.lengthKm),
        unit: t(lang, 'unit.km'),
        source: corridor.sources[0] ? sourceNote({ ref: corridor.sources[0] }, context).label : '',
        ...placeEnds(corridor.branches[0]?.nodes ?? [], atlas, lang),
      });
    }
  }
  if (state.layers.caspian && undatedShown) {
    for (const route of atlas.caspianRoutes) {
      const ref: EntityRef = { kind: 'route', id: route.id };
      records.push({
        key: `route:${route.id}`,
        kind: 'route',
        ref,
        title: t(lang, 'legend.caspian'),
        where: entityName(ref, context),
        provinces: [],
        partners: route.countries.filter((c) => c !== 'IRN'),
        sectors: [],
        date: null,
        amount: route.lengthKm,
        amountText: formatKm(lang, route.lengthKm),
        unit: t(lang, 'unit.km'),
        source: firstSource(
          route.services.flatMap((s) => s.sources),
          context,
        ),
        ...placeEnds(route.ports, atlas, lang),
      });
    }
  }
  return records;
}

function factRecord(fact: Fact, context: PanelContext): TableRecord {
  const { atlas, lang } = context;
  const subject = subjectRef(fact.subject, atlas);
  // National bodies count for Iran as a whole, not for the province they sit in.
  const national = subject.kind === 'national' || atlas.national.organisationIds.includes(subject.id);
  const seat =
    subject.kind === 'organisation' && !national
      ? atlas.organisations.find((o) => o.id === subject.id)?.seat
      : undefined;
  return {
    key: `fact:${fact.id}`,
    kind: 'fact',
    ref: subject,
    title: fact.text[lang],
    where: entityName(subject, context),
    provinces: [subject.kind === 'province' ? subject.id : seat?.startsWith('IR-') ? seat : null].filter(
      (id): id is string => id !== null,
    ),
    partners: subject.kind === 'partner' ? [subject.id] : [],
    sectors: fact.sectors,
    date: fact.date,
    ...approxYearOf(fact.reportId, atlas),
    amount: fact.quantities[0]?.value ?? null,
    amountText: fact.quantities.map((q) => formatQuantity(lang, q, atlas.vocabulary)).join('، '),
    unit: unitName(fact.quantities[0]?.unit, atlas, lang),
    source: firstSource(fact.sources, context),
    origin: national
      ? { name: atlas.national.name[lang], lonLat: atlas.national.anchor }
      : subjectPoint(subject, seat, context),
    destination: null,
  };
}

/** A fact's subject on the map: its province's or partner's capital, or an organisation's seat. */
function subjectPoint(subject: EntityRef, seat: string | undefined, context: PanelContext): Endpoint | null {
  const { atlas, lang } = context;
  const place = subject.kind === 'organisation' && seat ? subjectRef(seat, atlas) : subject;
  const found =
    place.kind === 'province'
      ? atlas.provinces.find((p) => p.id === place.id)
      : atlas.partners.find((p) => p.id === place.id);
  return found ? { name: found.name[lang], lonLat: found.capital.lonLat } : null;
}

/** For a record from a report with no exact date: the year its content points to. */
function approxYearOf(reportId: string | null, atlas: AtlasData): Pick<TableRecord, 'approxYear'> {
  const year = atlas.sources.reports.find((r) => r.id === reportId)?.dateInferred?.year;
  return year === undefined ? {} : { approxYear: year };
}

function unitName(unit: string | undefined, atlas: AtlasData, lang: Lang): string {
  return unit ? (atlas.vocabulary.units[unit]?.[lang] ?? unit) : '';
}

/** A route's ports, or a corridor's first and last node. */
function placeEnds(nodes: string[], atlas: AtlasData, lang: Lang): Pick<TableRecord, 'origin' | 'destination'> {
  const [a, b] = [nodes[0], nodes[nodes.length - 1]].map((id) => atlas.places.find((p) => p.id === id));
  return {
    origin: a ? { name: a.name[lang], lonLat: a.lonLat } : null,
    destination: b ? { name: b.name[lang], lonLat: b.lonLat } : null,
  };
}

function firstSource(sources: Citation[], context: PanelContext): string {
  const first = sources[0];
  if (!first) return '';
  const label = sourceNote(first, context).label;
  return sources.length > 1 ? `${label} (+${sources.length - 1})` : label;
}

// Normalised search text per record, made once: typing in the filter box then costs one pass.
const HAYSTACKS = new WeakMap<TableRecord, string>();

/** Applies the table's filters and sort; returns a new array. */
export function queryRecords(records: TableRecord[], query: TableQuery, lang: Lang): TableRecord[] {
  const needle = normaliseForSearch(query.text);
  const kept = records.filter((r) => recordMatches(r, query, needle));
  const spec = columnSpec(query.sort.column).sort;
  const order = query.sort.descending ? -1 : 1;
  const collator = new Intl.Collator(lang === 'fa' ? 'fa' : 'en');
  const compare = (a: TableRecord, b: TableRecord): number => {
    if ('number' in spec) {
      const [x, y] = [spec.number(a), spec.number(b)];
      // Missing values sort last whichever the direction.
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? 0 : Number.isNaN(x) ? 1 : -1;
      return (x < y ? -1 : x > y ? 1 : 0) * order;
    }
    return collator.compare(spec.text(a), spec.text(b)) * order;
  };
  return kept.sort(compare);
}

/** Whether a record passes the table's own filters; `needle` is the normalised text. */
export function recordMatches(r: TableRecord, query: TableQuery, needle: string): boolean {
  return (
    (query.kind === '' || r.kind === query.kind) &&
    (query.province === '' || r.provinces.includes(query.province)) &&
    (query.partner === '' || r.partners.includes(query.partner)) &&
    (needle === '' || haystack(r).includes(needle))
  );
}

/** The text the filter box searches, for any record. */
export const searchText = (r: Pick<TableRecord, 'title' | 'where' | 'source'>): string =>
  normaliseForSearch(`${r.title} ${r.where} ${r.source}`);

function haystack(r: TableRecord): string {
  let text = HAYSTACKS.get(r);
  if (text === undefined) HAYSTACKS.set(r, (text = searchText(r)));
  return text;
}

/** The date column's text. */
export function recordDate(record: TableRecord, lang: Lang): string {
  return record.date === null && record.approxYear !== undefined
    ? formatApproxYear(lang, record.approxYear)
    : formatDate(lang, record.date);
}
