// The pieces panels are made of, as plain data: item builders for facts, links, corridors and
// routes, who said what and when, source notes, and the name of anything the map shows.
import type { EntityRef } from '../state/state.ts';
import { pairEnds, subjectRef } from '../core/entities.ts';
import type { AtlasData, Citation, Fact, Link, Note } from '../core/atlas.ts';
import type { Bilingual } from '../core/geodata.ts';
import { t, tf, type Lang, type MessageKey } from '../core/i18n/i18n.ts';
import {
  formatApproxYear,
  formatDateRange,
  formatKm,
  formatNoteDate,
  formatQuantity,
  formatReportDate,
} from '../core/i18n/format.ts';

export interface SourceNote {
  /** "Report title — outlet, date" or a reference title. */
  label: string;
  /** The report's file name, shown left-to-right inside any text. */
  file?: string;
  excerpt?: string;
  /** Said of the excerpt, e.g. that its word order is scrambled in the source. */
  excerptNote?: string;
  url?: string;
}

export interface Chip {
  label: string;
  colour: string;
}

export interface PanelItem {
  text: string;
  detail?: string;
  chips?: Chip[];
  /** Later knowledge and editorial remarks, shown with the item. */
  notes?: string[];
  sources?: SourceNote[];
  /** Selecting the item selects this entity. */
  target?: EntityRef;
  /** A button that opens the table on the rows behind the panel's entity (imported arcs and places). */
  action?: 'open-table';
}

export interface PanelSection {
  heading: string;
  items: PanelItem[];
}

export interface PanelModel {
  ref: EntityRef;
  title: string;
  subtitle: string;
  /** Shown when there is nothing sourced to say. */
  empty?: string;
  sections: PanelSection[];
}

export interface PanelContext {
  atlas: AtlasData;
  lang: Lang;
  /** Names of countries outside the partner list (corridor members), from the basemap. */
  countryName(id: string): Bilingual | undefined;
  /** The panel of an imported row, when datasets are loaded. */
  flowPanel?(id: string, lang: Lang): PanelModel | null;
  /** The panel of an imported arc, place or cluster (`flow-pair`, `flow-place`). */
  importedPanel?(ref: EntityRef, lang: Lang): PanelModel | null;
  /** "Imported flows through here" for a province, partner, place or Iran as a whole. */
  importedSections?(ref: EntityRef, lang: Lang): PanelSection[];
}

/** The name of anything the map shows, in one language. */
export function entityName(ref: EntityRef, { atlas, lang, countryName }: PanelContext): string {
  const find = <T extends { id: string }>(items: T[]) => items.find((item) => item.id === ref.id);
  switch (ref.kind) {
    case 'province':
      return find(atlas.provinces)?.name[lang] ?? ref.id;
    case 'partner':
      return find(atlas.partners)?.name[lang] ?? countryName(ref.id)?.[lang] ?? ref.id;
    case 'corridor':
      return find(atlas.corridors)?.shortName[lang] ?? ref.id;
    case 'place':
      return find(atlas.places)?.name[lang] ?? ref.id;
    case 'organisation':
      return find(atlas.organisations)?.name[lang] ?? ref.id;
    case 'group':
      return find(atlas.groups)?.name[lang] ?? ref.id;
    case 'national':
      return atlas.national.name[lang];
    case 'flow':
    case 'flow-pair':
    case 'flow-place':
      return ref.id;
    case 'link': {
      const link = find(atlas.links);
      return link
        ? `${originName(link.from, atlas, lang)} → ${entityName(subjectRef(link.to, atlas), { atlas, lang, countryName })}`
        : ref.id;
    }
    case 'pair': {
      // "East Azerbaijan → Kazakhstan": its ends, origin first.
      const ends = pairEnds(ref.id);
      return ends
        ? ends.map((end) => entityName(subjectRef(end, atlas), { atlas, lang, countryName })).join(' → ')
        : ref.id;
    }
    case 'route': {
      const route = find(atlas.caspianRoutes);
      return route ? route.ports.map((p) => atlas.places.find((pl) => pl.id === p)!.name[lang]).join(' ↔ ') : ref.id;
    }
  }
}

/** Items for facts given by id (the indexes the build derives). */
export function factItems(ids: string[], context: PanelContext): PanelItem[] {
  return ids.map((id) =>
    factItem(
      context.atlas.facts.find((f) => f.id === id)!,
      context,
    ),
  );
}

/** Items naming organisations, each selecting its own panel. */
export function organisationItems(ids: string[], context: PanelContext): PanelItem[] {
  return ids.map((id) => ({
    text: entityName({ kind: 'organisation', id }, context),
    target: { kind: 'organisation', id },
  }));
}

/** Items for links given by id. */
export function linkItems(ids: string[], context: PanelContext): PanelItem[] {
  return ids.map((id) =>
    linkItem(
      context.atlas.links.find((l) => l.id === id)!,
      context,
    ),
  );
}

export function factItem(fact: Fact, context: PanelContext): PanelItem {
  const { atlas, lang } = context;
  const quantities = fact.quantities.map((q) => formatQuantity(lang, q, atlas.vocabulary));
  const subject = subjectRef(fact.subject, atlas).kind === 'organisation' ? originName(fact.subject, atlas, lang) : '';
  return {
    text: fact.text[lang],
    detail: [attribution(fact, context), atlas.vocabulary.factKinds[fact.kind]?.[lang], ...quantities, subject]
      .filter(Boolean)
      .join(' · '),
    chips: sectorChips(fact.sectors, atlas, lang),
    ...notesOf(fact.notes, context),
    sources: [...fact.sources, ...noteSources(fact.notes)].map((s) => sourceNote(s, context)),
  };
}

/** Who said it and when it was reported: "According to the head of IMIDRO (26 Aug 2025)"; officials' claims read as claims. */
export function attribution(record: Pick<Fact, 'saidBy' | 'reportId'>, { atlas, lang }: PanelContext): string {
  const report = atlas.sources.reports.find((r) => r.id === record.reportId);
  const date = formatReportDate(lang, report);
  if (record.saidBy === 'report') return tf(lang, 'panel.reportedBy', { outlet: report?.outlet[lang] ?? '', date });
  const speaker = atlas.speakers.find((s) => s.id === record.saidBy);
  return tf(lang, 'panel.according', { who: speaker?.according[lang] ?? record.saidBy, date });
}

/** A link's own date; for an undated link, its report's inferred year when that is all there is. */
export function linkDate(link: Link, { atlas, lang }: PanelContext): string {
  if (link.date) return formatDateRange(lang, link.date, link.dateEnd);
  const inferred = atlas.sources.reports.find((r) => r.id === link.reportId)?.dateInferred;
  return inferred ? formatApproxYear(lang, inferred.year) : t(lang, 'date.undated');
}

export function notesOf(notes: Note[], { lang }: PanelContext): Pick<PanelItem, 'notes'> {
  if (notes.length === 0) return {};
  return {
    notes: notes.map((n) =>
      n.kind === 'later'
        ? tf(lang, 'panel.later', { date: formatNoteDate(lang, n.date), text: n.text[lang] })
        : tf(lang, 'panel.editorial', { text: n.text[lang] }),
    ),
  };
}

export function noteSources(notes: Note[]): Citation[] {
  return notes.flatMap((n) => (n.kind === 'later' ? n.sources : []));
}

export function speakerItem(id: string, { atlas, lang }: PanelContext): PanelItem {
  const speaker = atlas.speakers.find((s) => s.id === id);
  return speaker ? { text: speaker.name[lang], detail: speaker.role[lang] } : { text: id };
}

export function linkItem(link: Link, context: PanelContext): PanelItem {
  const { atlas, lang } = context;
  return {
    text: `${entityName({ kind: 'link', id: link.id }, context)}: ${link.text[lang]}`,
    detail: [
      attribution(link, context),
      atlas.vocabulary.linkKinds[link.kind]?.[lang],
      atlas.vocabulary.statuses[link.status]?.[lang],
      linkDate(link, context),
      ...link.quantities.map((q) => formatQuantity(lang, q, atlas.vocabulary)),
    ].join(' · '),
    chips: sectorChips(link.sectors, atlas, lang),
    sources: link.sources.map((s) => sourceNote(s, context)),
    target: { kind: 'link', id: link.id },
  };
}

export function corridorItem(id: string, context: PanelContext): PanelItem {
  const corridor = context.atlas.corridors.find((c) => c.id === id)!;
  return {
    text: corridor.name[context.lang],
    chips: [{ label: corridor.shortName[context.lang], colour: corridor.colour }],
    target: { kind: 'corridor', id },
  };
}

export function routeItem(id: string, context: PanelContext): PanelItem {
  const route = context.atlas.caspianRoutes.find((r) => r.id === id)!;
  return {
    text: entityName({ kind: 'route', id }, context),
    detail: formatKm(context.lang, route.lengthKm),
    target: { kind: 'route', id },
  };
}

export function sourceNote(citation: Citation, { atlas, lang }: PanelContext): SourceNote {
  if ('report' in citation) {
    const report = atlas.sources.reports.find((r) => r.id === citation.report);
    const title =
      report?.titleKind === 'summary'
        ? tf(lang, 'panel.summaryTitle', { title: report.title[lang] })
        : report?.title[lang];
    const label = report
      ? `${title} — ${report.outlet[lang]}${lang === 'fa' ? '، ' : ', '}${formatReportDate(lang, report)}`
      : citation.report;
    return {
      label,
      file: citation.report,
      excerpt: citation.excerpt,
      ...(citation.scrambled ? { excerptNote: t(lang, 'panel.scrambled') } : {}),
      ...(report?.url ? { url: report.url } : {}),
    };
  }
  const reference = atlas.sources.references.find((r) => r.id === citation.ref);
  return reference ? { label: reference.title, url: reference.url } : { label: citation.ref };
}

export function sectorChips(sectorIds: string[], atlas: AtlasData, lang: Lang): Chip[] {
  return sectorIds.map((id) => {
    const sector = atlas.sectors.find((s) => s.id === id);
    return { label: sector?.name[lang] ?? id, colour: sector?.colour ?? '#999999' };
  });
}

export function section(lang: Lang, key: MessageKey, items: PanelItem[]): PanelSection {
  return { heading: t(lang, key), items };
}

export function other(lang: Lang): Lang {
  return lang === 'fa' ? 'en' : 'fa';
}

export function originName(id: string, atlas: AtlasData, lang: Lang): string {
  if (id === atlas.national.id) return atlas.national.name[lang];
  return (
    atlas.provinces.find((p) => p.id === id)?.name[lang] ??
    atlas.organisations.find((o) => o.id === id)?.name[lang] ??
    id
  );
}
