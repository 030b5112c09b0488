// What the legend shows, derived from state so it always matches what is drawn.
import type { AppState } from '../state/state.ts';
import { ACTIVITY_BREAKS, arcLinks } from './selectors.ts';
import { flowPairs } from './flow-pairs.ts';
import type { AtlasData } from '../core/atlas.ts';
import { formatNumber, t } from '../core/i18n/i18n.ts';
import { cssColour, hexToRgba } from '../core/colours.ts';
import { LINE_ALPHA, needsCasing, type Theme } from '../core/theme.ts';

export interface LegendEntry {
  label: string;
  colour: string;
  shape: 'fill' | 'line' | 'dash' | 'dot' | 'ring';
  /** The casing drawn under this line on the map (theme.ts `needsCasing`), shown around the legend mark too. */
  casing?: string;
}

export interface LegendGroup {
  heading: string;
  entries: LegendEntry[];
}

/** `imported` names the imported datasets, drawn coloured by sector like the atlas's links. */
export function legendModel(
  state: Omit<AppState, 'view'>,
  atlas: AtlasData,
  theme: Theme,
  imported: string[] = [],
): LegendGroup[] {
  const { lang, layers } = state;
  const groups: LegendGroup[] = [];
  if (layers.provinces) {
    const classes = ACTIVITY_BREAKS.map((lower, i) => {
      const upper = ACTIVITY_BREAKS[i + 1];
      const label =
        upper === undefined
          ? `${formatNumber(lang, lower)}+`
          : upper - 1 === lower
            ? formatNumber(lang, lower)
            : `${formatNumber(lang, lower)}–${formatNumber(lang, upper - 1)}`;
      return { label, colour: cssColour(theme.activity[i]!), shape: 'fill' as const };
    });
    const heading = state.metric === 'activity' ? t(lang, 'legend.activity') : t(lang, `legend.${state.metric}`);
    groups.push({
      heading,
      entries: [{ label: t(lang, 'legend.noActivity'), colour: theme.iranLand, shape: 'fill' }, ...classes],
    });
  }
  const arcs = arcLinks(state, atlas);
  if (arcs.length > 0) {
    // As drawn: one arc per pair, in its links' shared sector or neutral.
    const sectorIds = new Set(flowPairs(arcs, state.sectors, atlas.national.id).map((p) => p.sector));
    const entries: LegendEntry[] = atlas.sectors
      .filter((s) => sectorIds.has(s.id))
      .map((s) => cased({ label: s.name[lang], colour: s.colour, shape: 'line' }, theme));
    if (sectorIds.has(null))
      entries.push({ label: t(lang, 'legend.neutral'), colour: cssColour(theme.mixedLink), shape: 'line' });
    groups.push({ heading: t(lang, 'legend.arcs'), entries });
  }
  if (layers.links && atlas.links.some((l) => l.targetPosition === null)) {
    groups.push({
      heading: t(lang, 'layer.links'),
      entries: [{ label: t(lang, 'legend.forum'), colour: cssColour(theme.forum), shape: 'ring' }],
    });
  }
  if (layers.corridors && state.corridors.length > 0) {
    const entries: LegendEntry[] = atlas.corridors
      .filter((c) => state.corridors.includes(c.id))
      .map((c) => cased({ label: c.shortName[lang], colour: c.colour, shape: 'line' }, theme));
    entries.push({ label: t(lang, 'legend.sea'), colour: theme.legendLine, shape: 'dash' });
    const visible = atlas.corridors.filter((c) => state.corridors.includes(c.id));
    if (visible.some((c) => c.branches.some((b) => b.drawnByProject)))
      entries.push({ label: t(lang, 'legend.drawnByProject'), colour: theme.legendLine, shape: 'dash' });
    groups.push({ heading: t(lang, 'layer.corridors'), entries });
  }
  if (layers.caspian)
    groups.push({
      heading: t(lang, 'layer.caspian'),
      entries: [{ label: t(lang, 'legend.caspian'), colour: cssColour(theme.caspianRoute), shape: 'dash' }],
    });
  if (layers.places) {
    groups.push({
      heading: t(lang, 'layer.places'),
      entries: [
        { label: t(lang, 'legend.port'), colour: cssColour(theme.port), shape: 'dot' },
        { label: t(lang, 'legend.border'), colour: cssColour(theme.border), shape: 'dot' },
        { label: t(lang, 'legend.capital'), colour: cssColour(theme.capital), shape: 'dot' },
        { label: t(lang, 'legend.national'), colour: cssColour(theme.capital), shape: 'ring' },
      ],
    });
  }
  if (imported.length > 0) {
    groups.push({
      heading: t(lang, 'import.legend'),
      entries: imported.map((name) => ({ label: name, colour: cssColour(theme.neutralLink), shape: 'line' as const })),
    });
  }
  return groups;
}

/** A data-coloured line entry with the casing it is drawn over on the map, if any. */
function cased(entry: LegendEntry, theme: Theme): LegendEntry {
  return needsCasing(theme, hexToRgba(entry.colour, LINE_ALPHA))
    ? { ...entry, casing: cssColour(theme.lineCasing) }
    : entry;
}
