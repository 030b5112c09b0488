// Panels of imported flows as plain data: an arc between two places or clusters (its total, the rows behind
// it and a way to the table), a place or cluster, and the section "Imported flows through here" that a
// province's, partner's or place's panel gets. Pure functions of the ref, the datasets, the filters and the language.
import type { AtlasData } from '../core/atlas.ts';
import type { EntityRef } from '../core/entities.ts';
import type { Gazetteer } from '../core/import-types.ts';
import { formatAmount, formatDate } from '../core/i18n/format.ts';
import { t, tf, type Lang } from '../core/i18n/i18n.ts';
import type { AppState, ImportedDataset } from '../state/state.ts';
import { clusterKeys, parseImportedRef, visiblePairs } from './imported-flows.ts';
import { importedRefRows, throughKeys, throughSummary } from './imported-through.ts';
import { placeName, rowSummary, visibleRows } from './imported-datasets.ts';
import type { PanelItem, PanelModel, PanelSection } from './panel-items.ts';

export interface ImportedPanelInputs {
  datasets: ImportedDataset[];
  filters: Pick<AppState, 'sectors' | 'time'>;
  gazetteer: Gazetteer;
  atlas: Pick<AtlasData, 'sectors' | 'places' | 'national' | 'provinces' | 'partners'>;
  lang: Lang;
}

/** Rows a pair's panel lists before "and N more". */
export const PANEL_ROWS = 50;
/** Names listed for what a cluster merges. */
const LISTED_NAMES = 12;

const list = (lang: Lang, names: string[]) => names.join(lang === 'fa' ? '، ' : ', ');

/** "Tehran, Alborz and 3 more": a cluster's places, the heaviest first. */
function namesOf(keys: string[], { gazetteer, lang }: ImportedPanelInputs): string {
  const names = keys.slice(0, LISTED_NAMES).map((k) => placeName(gazetteer, k, lang));
  const more = keys.length - names.length;
  return more > 0 ? tf(lang, 'flows.andMore', { names: list(lang, names), count: more }) : list(lang, names);
}

/** "Tehran" for a place, "Tehran and 4 more places" for a cluster it leads. */
function clusterName(keys: string[], inputs: ImportedPanelInputs): string {
  const name = placeName(inputs.gazetteer, keys[0]!, inputs.lang);
  return keys.length > 1 ? tf(inputs.lang, 'flows.clusterName', { name, count: keys.length - 1 }) : name;
}

/** The total of rows, with its unit, or their count when they add different units. */
function totalItem(dataset: ImportedDataset, rows: Uint32Array, lang: Lang): PanelItem {
  const { values, units, unitNames } = dataset.rows;
  const sums = new Map<number, number>();
  for (const i of rows) if (!Number.isNaN(values[i]!)) sums.set(units[i]!, (sums.get(units[i]!) ?? 0) + values[i]!);
  const count = tf(lang, 'flows.rowCount', { count: rows.length });
  if (sums.size > 1) return { text: tf(lang, 'flows.mixedUnits', { count: rows.length }) };
  if (sums.size === 0) return { text: count };
  const [[unit, sum]] = [...sums] as [[number, number]];
  return {
    text: [formatAmount(lang, sum), unit >= 0 ? unitNames[unit]! : ''].filter(Boolean).join(' '),
    detail: count,
  };
}

function rowItems(dataset: ImportedDataset, rows: Uint32Array, inputs: ImportedPanelInputs): PanelItem[] {
  const { gazetteer, atlas, lang } = inputs;
  const items: PanelItem[] = [...rows.subarray(0, PANEL_ROWS)].map((i) => {
    const row = rowSummary(dataset, i, gazetteer, lang);
    const sector = row.sector ? atlas.sectors.find((s) => s.id === row.sector) : undefined;
    return {
      text: row.title,
      detail: [row.amountText, formatDate(lang, row.date), sector?.name[lang] ?? '', row.source]
        .filter(Boolean)
        .join(' · '),
    };
  });
  if (rows.length > PANEL_ROWS) items.push({ text: tf(lang, 'flows.moreRows', { count: rows.length - PANEL_ROWS }) });
  return items;
}

const tableItem = (lang: Lang): PanelItem => ({ text: t(lang, 'flows.showInTable'), action: 'open-table' });

/** The panel of an imported arc or place (or cluster); null when the ref names nothing loaded. */
export function importedPanel(ref: EntityRef, inputs: ImportedPanelInputs): PanelModel | null {
  const parts = parseImportedRef(ref);
  const dataset = parts && inputs.datasets.find((d) => d.id === parts.datasetId);
  if (!parts || !dataset) return null;
  const { lang } = inputs;
  const members = (leader: string) => clusterKeys(dataset.rows, parts.level, leader);
  const origins = members(parts.origin);
  if (!origins) return null;
  const behind = importedRefRows(
    ref,
    inputs.datasets,
    inputs.filters,
    inputs.gazetteer.sectors.map((s) => s.id),
  );
  const rows = behind?.rows ?? new Uint32Array(0);
  if (parts.destination === null) return placePanel(ref, dataset, origins, rows, inputs);
  const destinations = members(parts.destination);
  if (!destinations) return null;
  const merged = origins.length > 1 || destinations.length > 1;
  return {
    ref,
    title: `${clusterName(origins, inputs)} → ${clusterName(destinations, inputs)}`,
    subtitle: tf(lang, 'flows.pairKind', { file: dataset.name }),
    sections: [
      {
        heading: t(lang, 'flows.summary'),
        items: [
          totalItem(dataset, rows, lang),
          ...(merged
            ? [
                { text: t(lang, 'flows.mergesFrom'), detail: namesOf(origins, inputs) },
                { text: t(lang, 'flows.mergesTo'), detail: namesOf(destinations, inputs) },
              ]
            : []),
        ],
      },
      { heading: t(lang, 'flows.rows'), items: [...rowItems(dataset, rows, inputs), tableItem(lang)] },
    ],
  };
}

function placePanel(
  ref: EntityRef,
  dataset: ImportedDataset,
  keys: string[],
  rows: Uint32Array,
  inputs: ImportedPanelInputs,
): PanelModel {
  const { lang, atlas } = inputs;
  // The atlas's own province, partner or place at the same spot: its panel lists corridors and Caspian routes.
  const onAtlas: PanelItem[] = keys.flatMap((key) => {
    const kind = atlas.provinces.some((p) => p.id === key)
      ? 'province'
      : atlas.partners.some((p) => p.id === key)
        ? 'partner'
        : atlas.places.some((p) => p.id === key)
          ? 'place'
          : null;
    return kind ? [{ text: placeName(inputs.gazetteer, key, lang), target: { kind, id: key } }] : [];
  });
  return {
    ref,
    title: clusterName(keys, inputs),
    subtitle: tf(lang, 'flows.placeKind', { file: dataset.name }),
    sections: [
      {
        heading: t(lang, 'flows.summary'),
        items: [
          totalItem(dataset, rows, lang),
          ...(keys.length > 1 ? [{ text: t(lang, 'flows.merges'), detail: namesOf(keys, inputs) }] : []),
          tableItem(lang),
        ],
      },
      ...throughSections(new Set(keys), inputs),
      ...(onAtlas.length > 0 ? [{ heading: t(lang, 'flows.onAtlas'), items: onAtlas.slice(0, LISTED_NAMES) }] : []),
    ],
  };
}

function throughSections(keys: ReadonlySet<string>, inputs: ImportedPanelInputs): PanelSection[] {
  const { lang, filters, gazetteer } = inputs;
  const sectorIds = gazetteer.sectors.map((s) => s.id);
  const items = inputs.datasets.flatMap((dataset): PanelItem[] => {
    const pairs = visiblePairs(dataset.rows, visibleRows(dataset.rows, filters, sectorIds).flows);
    const summary = throughSummary(dataset, pairs, keys);
    if (!summary) return [];
    const sums = summary.byUnit.map(({ unit, out, in: incoming }) =>
      tf(lang, 'flows.unitSums', {
        unit: unit || t(lang, 'flows.noUnit'),
        out: formatAmount(lang, out),
        in: formatAmount(lang, incoming),
      }),
    );
    return [
      {
        text: dataset.name,
        detail: [tf(lang, 'flows.rowsOutIn', { out: summary.rowsOut, in: summary.rowsIn }), ...sums].join(' · '),
      },
      {
        text: t(lang, 'flows.topCounterparts'),
        detail: list(
          lang,
          summary.top.map(({ key, rows }) =>
            tf(lang, 'flows.counterpart', { name: placeName(gazetteer, key, lang), count: rows }),
          ),
        ),
      },
    ];
  });
  return items.length > 0 ? [{ heading: t(lang, 'flows.throughHere'), items }] : [];
}

/** The section "Imported flows through here" of a province's, partner's, place's or Iran's panel; none otherwise. */
export function importedThroughSections(ref: EntityRef, inputs: ImportedPanelInputs): PanelSection[] {
  const keys = throughKeys(ref, inputs.atlas);
  return keys && inputs.datasets.length > 0 ? throughSections(keys, inputs) : [];
}
