// The panel of an arc that carries several links (a pair): every link between its two ends, each with
// its sectors, kind, status, date and who reported it, and its sources.
import { t, tf } from '../core/i18n/i18n.ts';
import { formatQuantity } from '../core/i18n/format.ts';
import { pairLinks } from './flow-pairs.ts';
import {
  attribution,
  entityName,
  linkDate,
  section,
  sectorChips,
  sourceNote,
  type PanelContext,
  type PanelItem,
  type PanelModel,
} from './panel-items.ts';
import type { Link } from '../core/atlas.ts';

export function pairPanel(id: string, context: PanelContext): PanelModel | null {
  const links = pairLinks(id, context.atlas);
  if (links.length === 0) return null;
  const { lang } = context;
  return {
    ref: { kind: 'pair', id },
    title: entityName({ kind: 'pair', id }, context),
    subtitle: `${t(lang, 'kind.pair')} · ${tf(lang, 'panel.pairCount', { count: links.length })}`,
    sections: [
      section(
        lang,
        'panel.pairLinks',
        links.map((link) => pairLinkItem(link, context)),
      ),
    ],
  };
}

/** One link of the pair; its sectors are named in the text too, since the hover card shows no chips. */
function pairLinkItem(link: Link, context: PanelContext): PanelItem {
  const { atlas, lang } = context;
  const sectors = sectorChips(link.sectors, atlas, lang);
  return {
    text: link.text[lang],
    detail: [
      sectors.map((s) => s.label).join(lang === 'fa' ? '، ' : ', '),
      atlas.vocabulary.linkKinds[link.kind]?.[lang] ?? link.kind,
      atlas.vocabulary.statuses[link.status]?.[lang] ?? link.status,
      // A link's own date, where it has one; the attribution already gives the report's date.
      link.date ? linkDate(link, context) : '',
      attribution(link, context),
      ...link.quantities.map((q) => formatQuantity(lang, q, atlas.vocabulary)),
    ]
      .filter(Boolean)
      .join(' · '),
    chips: sectors,
    sources: link.sources.map((s) => sourceNote(s, context)),
    target: { kind: 'link', id: link.id },
  };
}
