// What a scene cites: the sources of everything its selection's panel lists, each once, with the
// report's date apart from its title (the deck prints "title — outlet, date" and lists dates on
// its closing slide). Pure: reads the panel model and the atlas.
import type { PanelModel } from '../../model/panel-model.ts';
import type { AtlasData } from '../../core/atlas.ts';
import { tf, type Lang } from '../../core/i18n/i18n.ts';
import { formatReportDate } from '../../core/i18n/format.ts';
import type { DeckLegendEntry, DeckSource } from './deck.ts';
import type { LegendGroup } from '../../model/legend-model.ts';

export function panelSources(panel: PanelModel | null, atlas: AtlasData, lang: Lang): DeckSource[] {
  const sources = new Map<string, DeckSource>();
  for (const section of panel?.sections ?? [])
    for (const item of section.items)
      for (const note of item.sources ?? []) {
        const key = note.file ?? note.url ?? note.label;
        if (sources.has(key)) continue;
        const report = note.file ? atlas.sources.reports.find((r) => r.id === note.file) : undefined;
        if (report) {
          const title =
            report.titleKind === 'summary'
              ? tf(lang, 'panel.summaryTitle', { title: report.title[lang] })
              : report.title[lang];
          sources.set(key, {
            label: `${title} — ${report.outlet[lang]}`,
            date: formatReportDate(lang, report),
            ...(report.url ? { url: report.url } : {}),
          });
        } else sources.set(key, { label: note.label, date: '', ...(note.url ? { url: note.url } : {}) });
      }
  return [...sources.values()];
}

/** The legend as the deck's compact list: each group's heading (no colour), then its entries. */
export function deckLegend(groups: LegendGroup[]): DeckLegendEntry[] {
  return groups.flatMap((group) => [
    { label: group.heading, colour: '' },
    ...group.entries.map((entry) => ({ label: entry.label, colour: entry.colour })),
  ]);
}
