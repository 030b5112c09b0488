// What the legend shows, derived from state so it always matches what is drawn. With a selection, an entry
// whose marks are all outside its focus (focus.ts) is faded, as those marks are on the map; Esc restores both.
import type { AppState } from '../state/state.ts';
import { ACTIVITY_BREAKS, activityClass, arcLinks, provinceActivity } from './selectors.ts';
import { flowPairs } from './flow-pairs.ts';
import { focusOf, inFocus, pairInFocus } from './focus.ts';
import type { EntityKind } from '../core/entities.ts';
import type { AtlasData } from '../core/atlas.ts';
import { formatNumber, t } from '../core/i18n/i18n.ts';
import { cssColour, hexToRgba, lighten, type RGBA } from '../core/colours.ts';
import { LINE_ALPHA, needsCasing, type Theme } from '../core/theme.ts';

export interface LegendEntry {
  label: string;
  colour: string;
  shape: 'fill' | 'line' | 'dash' | 'dot' | 'ring';
  /** The casing drawn under this line on the map (theme.ts `needsCasing`), shown around the legend mark too. */
  casing?: string;
  /**
   * A selection is open and none of the marks this entry explains is in its focus: the entry is faded like them,
   * and this says so in words (for screen readers).
   */
  faded?: string;
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
  // With a selection, `reach(entry, connected)` fades an entry none of whose marks the selection connects to.
  const focus = focusOf(state.selection, atlas);
  const reach = (entry: LegendEntry, connected: () => boolean): LegendEntry =>
    focus && !connected() ? { ...entry, faded: t(lang, 'legend.notConnected') } : entry;
  const anyInFocus = (kind: EntityKind, ids: string[]) => ids.some((id) => inFocus(focus, kind, id));
  const activity = focus ? provinceActivity(state, atlas) : null;
  const focusedClasses = new Set(
    atlas.provinces.filter((p) => inFocus(focus, 'province', p.id)).map((p) => activityClass(activity?.get(p.id) ?? 0)),
  );
  if (layers.provinces) {
    const classes = ACTIVITY_BREAKS.map((lower, i) => {
      const upper = ACTIVITY_BREAKS[i + 1];
      const label =
        upper === undefined
          ? `${formatNumber(lang, lower)}+`
          : upper - 1 === lower
            ? formatNumber(lang, lower)
            : `${formatNumber(lang, lower)}–${formatNumber(lang, upper - 1)}`;
      return reach({ label, colour: cssColour(theme.activity[i]!), shape: 'fill' }, () => focusedClasses.has(i + 1));
    });
    const heading = state.metric === 'activity' ? t(lang, 'legend.activity') : t(lang, `legend.${state.metric}`);
    groups.push({
      heading,
      entries: [
        reach({ label: t(lang, 'legend.noActivity'), colour: theme.iranLand, shape: 'fill' }, () =>
          focusedClasses.has(0),
        ),
        ...classes,
      ],
    });
  }
  const arcs = arcLinks(state, atlas);
  if (arcs.length > 0) {
    // As drawn: one arc per pair, in its links' shared sector or neutral.
    const pairs = flowPairs(arcs, state.sectors, atlas.national.id);
    const sectorIds = new Set(pairs.map((p) => p.sector));
    const reached = (sector: string | null) => pairs.some((p) => p.sector === sector && pairInFocus(focus, p));
    const entries: LegendEntry[] = atlas.sectors
      .filter((s) => sectorIds.has(s.id))
      .map((s) =>
        reach(
          arcEntry({ label: s.name[lang], colour: s.colour, shape: 'line' }, theme, hexToRgba(s.colour, LINE_ALPHA)),
          () => reached(s.id),
        ),
      );
    if (sectorIds.has(null))
      entries.push(
        reach(
          arcEntry(
            { label: t(lang, 'legend.neutral'), colour: cssColour(theme.mixedLink), shape: 'line' },
            theme,
            theme.mixedLink,
          ),
          () => reached(null),
        ),
      );
    groups.push({ heading: t(lang, 'legend.arcs'), entries });
  }
  if (layers.links && atlas.links.some((l) => l.targetPosition === null)) {
    groups.push({
      heading: t(lang, 'layer.links'),
      entries: [
        reach({ label: t(lang, 'legend.forum'), colour: cssColour(theme.forum), shape: 'ring' }, () =>
          anyInFocus(
            'link',
            atlas.links.filter((l) => l.targetPosition === null).map((l) => l.id),
          ),
        ),
      ],
    });
  }
  if (layers.corridors && state.corridors.length > 0) {
    const visible = atlas.corridors.filter((c) => state.corridors.includes(c.id));
    const focused = visible.filter((c) => inFocus(focus, 'corridor', c.id));
    const entries: LegendEntry[] = visible.map((c) =>
      reach(cased({ label: c.shortName[lang], colour: c.colour, shape: 'line' }, theme), () => focused.includes(c)),
    );
    entries.push(
      reach({ label: t(lang, 'legend.sea'), colour: theme.legendLine, shape: 'dash' }, () =>
        focused.some((c) => c.branches.some((b) => b.mode === 'sea')),
      ),
    );
    if (visible.some((c) => c.branches.some((b) => b.drawnByProject)))
      entries.push(
        reach({ label: t(lang, 'legend.drawnByProject'), colour: theme.legendLine, shape: 'dash' }, () =>
          focused.some((c) => c.branches.some((b) => b.drawnByProject)),
        ),
      );
    groups.push({ heading: t(lang, 'layer.corridors'), entries });
  }
  if (layers.caspian)
    groups.push({
      heading: t(lang, 'layer.caspian'),
      entries: [
        reach({ label: t(lang, 'legend.caspian'), colour: cssColour(theme.caspianRoute), shape: 'dash' }, () =>
          anyInFocus(
            'route',
            atlas.caspianRoutes.map((r) => r.id),
          ),
        ),
      ],
    });
  if (layers.places) {
    const places = (kind: string) => atlas.places.filter((p) => p.kind === kind).map((p) => p.id);
    // Capitals stand for their province or partner on the map, so they are in focus with it.
    const capitals = () =>
      anyInFocus(
        'province',
        atlas.provinces.map((p) => p.id),
      ) ||
      anyInFocus(
        'partner',
        atlas.partners.map((p) => p.id),
      );
    groups.push({
      heading: t(lang, 'layer.places'),
      entries: [
        reach({ label: t(lang, 'legend.port'), colour: cssColour(theme.port), shape: 'dot' }, () =>
          anyInFocus('place', places('port')),
        ),
        reach({ label: t(lang, 'legend.border'), colour: cssColour(theme.border), shape: 'dot' }, () =>
          anyInFocus('place', places('border')),
        ),
        reach({ label: t(lang, 'legend.capital'), colour: cssColour(theme.capital), shape: 'dot' }, capitals),
        reach({ label: t(lang, 'legend.national'), colour: cssColour(theme.capital), shape: 'ring' }, () =>
          inFocus(focus, 'national', atlas.national.id),
        ),
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

/** An arc's entry: cased as its arcs are on the map, where the arrival colour or the light start needs it. */
function arcEntry(entry: LegendEntry, theme: Theme, target: RGBA): LegendEntry {
  return needsCasing(theme, target) || needsCasing(theme, lighten(target, 0.6))
    ? { ...entry, casing: cssColour(theme.lineCasing) }
    : entry;
}

/** A data-coloured line entry with the casing it is drawn over on the map, if any. */
function cased(entry: LegendEntry, theme: Theme): LegendEntry {
  return needsCasing(theme, hexToRgba(entry.colour, LINE_ALPHA))
    ? { ...entry, casing: cssColour(theme.lineCasing) }
    : entry;
}
