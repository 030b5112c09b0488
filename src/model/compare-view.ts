// Words of the two-period comparison: the hover card of a change arc or dot, the legend's section and the
// change text the table shows. Pure; every figure comes from the comparison (period-compare.ts).
import { cssColour } from '../core/colours.ts';
import { changePalette } from '../core/change-palette.ts';
import { formatDateRange } from '../core/i18n/format.ts';
import { formatNumber, t, tf, type Lang } from '../core/i18n/i18n.ts';
import type { Theme } from '../core/theme.ts';
import type { Period, PeriodPair } from '../state/compare-state.ts';
import type { LegendGroup } from './legend-model.ts';
import type { PanelModel } from './panel-items.ts';
import { CHANGE_CLASSES, type Change, type ChangeClass, type PeriodComparison } from './period-compare.ts';

/** The hover ref of a change arc or dot: a `flow` id no dataset row has (`cmp:<dataset>:pair|place:<index>`). */
export const compareHoverId = (datasetId: number, what: 'pair' | 'place', index: number): string =>
  `cmp:${datasetId}:${what}:${index}`;

export function parseCompareHoverId(id: string): { datasetId: number; what: 'pair' | 'place'; index: number } | null {
  const match = /^cmp:(\d+):(pair|place):(\d+)$/.exec(id);
  return match ? { datasetId: Number(match[1]), what: match[2] as 'pair' | 'place', index: Number(match[3]) } : null;
}

export const classWords = (lang: Lang, kind: ChangeClass): string => t(lang, `compare.class.${kind}`);

const periodDates = (lang: Lang, period: Period) => formatDateRange(lang, period.from, period.to);

/** An amount in the pair's measure: "150 tonnes", or "2 rows" when rows are counted. */
function amount(lang: Lang, change: Change, value: number): string {
  if (change.measure === 'rows') return tf(lang, 'compare.rows', { count: value });
  return change.unit ? `${formatNumber(lang, value, 2)} ${change.unit}` : formatNumber(lang, value, 2);
}

/** "+50 tonnes (+50 %)"; new and gone have no base, so no percentage. */
export function changeText(lang: Lang, change: Change): string {
  const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');
  const absolute = `${sign(change.change)}${amount(lang, change, Math.abs(change.change))}`;
  if (change.relative === null) return `${absolute} (${t(lang, 'compare.noChange')})`;
  const percent = formatNumber(lang, Math.abs(change.relative) * 100, 1);
  return `${absolute} (${sign(change.relative)}${percent}${lang === 'fa' ? '٪' : ' %'})`;
}

/** The table's change cell: "100 tonnes → 150 tonnes · +50 tonnes (+50 %) · more"; row counts say so. */
export function changeCellText(lang: Lang, change: Change): string {
  const parts = [
    `${amount(lang, change, change.a)} → ${amount(lang, change, change.b)}`,
    changeText(lang, change),
    classWords(lang, change.kind),
  ];
  if (change.measure === 'rows') parts.push(t(lang, 'table.changeByRows'));
  return parts.join(' · ');
}

/** The hover card of a change arc (title "origin → destination") or dot (the place's name). */
export function changeCard(
  lang: Lang,
  ref: PanelModel['ref'],
  title: string,
  change: Change,
  periods: PeriodPair,
): PanelModel {
  const line = (key: 'compare.a' | 'compare.b', period: Period, value: number) =>
    tf(lang, 'compare.period', {
      period: t(lang, key),
      dates: periodDates(lang, period),
      value: amount(lang, change, value),
    });
  return {
    ref,
    title,
    subtitle: t(lang, 'compare.subtitle'),
    sections: [
      {
        heading: classWords(lang, change.kind),
        items: [
          { text: classWords(lang, change.kind) },
          { text: line('compare.a', periods.a, change.a) },
          { text: line('compare.b', periods.b, change.b) },
          {
            text: tf(lang, 'compare.change', { change: changeText(lang, change) }),
            ...(change.measure === 'rows' ? { notes: [t(lang, 'compare.byRowsNote')] } : {}),
          },
        ],
      },
    ],
  };
}

/** The legend's comparison section: each class with its colour and its count of pairs, then the places' counts. */
export function compareLegend(lang: Lang, theme: Theme, comparisons: PeriodComparison[]): LegendGroup {
  const { colours } = changePalette(theme);
  const sum = (pick: (c: PeriodComparison) => Record<ChangeClass, number>, kind: ChangeClass) =>
    comparisons.reduce((n, c) => n + pick(c)[kind], 0);
  const entries: LegendGroup['entries'] = CHANGE_CLASSES.map((kind) => ({
    label: tf(lang, 'compare.legendPairs', { label: classWords(lang, kind), count: sum((c) => c.pairCounts, kind) }),
    colour: cssColour(colours[kind]),
    shape: 'line' as const,
  }));
  const places = CHANGE_CLASSES.filter((kind) => sum((c) => c.placeCounts, kind) > 0)
    .map(
      (kind) =>
        `${classWords(lang, kind)} ${formatNumber(
          lang,
          sum((c) => c.placeCounts, kind),
        )}`,
    )
    .join(lang === 'fa' ? '، ' : ', ');
  if (places)
    entries.push({
      label: tf(lang, 'compare.legendPlaces', { counts: places }),
      colour: cssColour(colours.same),
      shape: 'dot',
    });
  const byRows = comparisons.reduce((n, c) => n + c.byRows, 0);
  if (byRows > 0)
    entries.push({
      label: tf(lang, 'compare.byRows', { count: byRows }),
      colour: cssColour(colours.same),
      shape: 'dash',
    });
  return { heading: t(lang, 'compare.legend'), entries };
}
