// Panels of the transport network: a corridor, a Caspian route, a port or crossing.
import { t } from '../core/i18n/i18n.ts';
import { formatDate, formatKm, formatQuantity } from '../core/i18n/format.ts';
import {
  corridorItem,
  entityName,
  routeItem,
  section,
  sourceNote,
  type PanelContext,
  type PanelModel,
} from './panel-items.ts';

export function corridorPanel(id: string, context: PanelContext): PanelModel | null {
  const { atlas, lang } = context;
  const corridor = atlas.corridors.find((c) => c.id === id);
  if (!corridor) return null;
  const placeName = (placeId: string) => atlas.places.find((p) => p.id === placeId)?.name[lang] ?? placeId;
  const founding = [
    corridor.founding.agreement[lang],
    corridor.founding.date ? formatDate(lang, corridor.founding.date) : corridor.founding.year?.toString(),
    corridor.founding.place?.[lang],
  ]
    .filter(Boolean)
    .join(' · ');
  const members = corridor.members.map(
    (m) => context.countryName(m)?.[lang] ?? atlas.partners.find((p) => p.id === m)?.name[lang] ?? m,
  );
  return {
    ref: { kind: 'corridor', id },
    title: corridor.name[lang],
    subtitle: `${t(lang, 'kind.corridor')} · ${corridor.modes.map((m) => atlas.vocabulary.modes[m]?.[lang] ?? m).join('، ')}`,
    sections: [
      {
        heading: t(lang, 'panel.overview'),
        items: [
          { text: t(lang, 'panel.founded'), detail: founding },
          // No treaty (East–West): the countries the route crosses, not members.
          {
            text: t(lang, corridor.membership === 'route' ? 'panel.routeCountries' : 'panel.members'),
            detail: members.join(lang === 'fa' ? '، ' : ', '),
          },
          { text: t(lang, 'panel.length'), detail: formatKm(lang, corridor.lengthKm) },
          {
            text: t(lang, 'panel.provincesCrossed'),
            detail:
              corridor.provinces.length === 0 && corridor.branches.some((b) => b.drawnByProject)
                ? t(lang, 'panel.noSourcedProvinces')
                : corridor.provinces
                    .map((p) => atlas.provinces.find((x) => x.id === p)!.name[lang])
                    .join(lang === 'fa' ? '، ' : ', '),
          },
        ],
      },
      section(
        lang,
        'panel.facts',
        corridor.facts.map((f) => ({ text: f.text[lang], sources: f.sources.map((s) => sourceNote(s, context)) })),
      ),
      section(
        lang,
        'panel.branches',
        corridor.branches.map((b) => ({
          text: b.drawnByProject ? `${b.name[lang]} — ${t(lang, 'panel.drawnByProject')}` : b.name[lang],
          detail: `${atlas.vocabulary.modes[b.mode]?.[lang] ?? b.mode} · ${formatKm(lang, b.lengthKm)} · ${b.nodes
            .filter((n) => !n.startsWith('wp-'))
            .map(placeName)
            .join(' – ')}`,
        })),
      ),
      section(
        lang,
        'panel.sources',
        corridor.sources.map((r) => ({ text: '', sources: [sourceNote({ ref: r }, context)] })),
      ),
      {
        heading: t(lang, 'panel.identification'),
        items: [
          {
            text: atlas.identification.text[lang],
            sources: atlas.identification.sources.map((s) => sourceNote(s, context)),
          },
        ],
      },
    ].filter((s) => s.items.length > 0),
  };
}

export function routePanel(id: string, context: PanelContext): PanelModel | null {
  const { atlas, lang } = context;
  const route = atlas.caspianRoutes.find((r) => r.id === id);
  if (!route) return null;
  const published = route.services.find((s) => s.publishedKm)?.publishedKm;
  return {
    ref: { kind: 'route', id },
    title: entityName({ kind: 'route', id }, context),
    subtitle: `${t(lang, 'kind.route')} · ${t(lang, 'panel.drawnLength')}: ${formatKm(lang, route.lengthKm)}`,
    sections: [
      section(
        lang,
        'panel.services',
        route.services.map((s) => ({
          text: s.text[lang],
          detail: [
            atlas.vocabulary.serviceKinds[s.kind]?.[lang],
            s.since ? `${t(lang, 'panel.since')} ${formatDate(lang, s.since)}` : '',
            s.frequency ? formatQuantity(lang, s.frequency, atlas.vocabulary) : '',
            s.asOf ? `${t(lang, 'panel.asOf')} ${formatDate(lang, s.asOf)}` : '',
          ]
            .filter(Boolean)
            .join(' · '),
          sources: s.sources.map((c) => sourceNote(c, context)),
        })),
      ),
      {
        heading: t(lang, 'panel.overview'),
        items: [
          { text: t(lang, 'panel.drawnLength'), detail: formatKm(lang, route.lengthKm) },
          ...(published ? [{ text: t(lang, 'panel.publishedLength'), detail: formatKm(lang, published) }] : []),
          ...route.ports.map((p) => ({
            text: atlas.places.find((x) => x.id === p)!.name[lang],
            target: { kind: 'place' as const, id: p },
          })),
        ],
      },
    ],
  };
}

export function placePanel(id: string, context: PanelContext): PanelModel | null {
  const { atlas, lang } = context;
  const place = atlas.places.find((p) => p.id === id);
  if (!place) return null;
  const where = place.province
    ? atlas.provinces.find((p) => p.id === place.province)!.name[lang]
    : place.country
      ? (context.countryName(place.country)?.[lang] ?? place.country)
      : '';
  const corridors = atlas.corridors.filter((c) => c.branches.some((b) => b.nodes.includes(id)));
  const routes = atlas.caspianRoutes.filter((r) => r.ports.includes(id));
  return {
    ref: { kind: 'place', id },
    title: place.name[lang],
    subtitle: [atlas.vocabulary.placeKinds[place.kind]?.[lang], where].filter(Boolean).join(' · '),
    sections: [
      section(
        lang,
        'panel.corridors',
        corridors.map((c) => corridorItem(c.id, context)),
      ),
      section(
        lang,
        'panel.routes',
        routes.map((r) => routeItem(r.id, context)),
      ),
    ].filter((s) => s.items.length > 0),
  };
}
