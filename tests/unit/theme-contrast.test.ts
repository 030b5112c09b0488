// Every theme (src/core/theme.ts, and its block in src/styles/app.css) passes the colour checks the light one
// does: lines and symbols reach the theme's contrast (WCAG 1.4.11, 3:1; 4.5:1 in the projector theme) against
// what they cross, cased where their data colour does not; borders against the fills they divide; labels and
// interface text 4.5:1; the theme's own categorical colours stay apart under colour-vision deficiencies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  colourDifference,
  composite,
  contrastRatio,
  DEFICIENCIES,
  parseColour,
  type Vision,
} from '../support/colour-vision.ts';
import {
  basemapGrounds,
  contrast,
  leastContrast,
  LIGHT_THEME,
  LINE_ALPHA,
  lineGrounds,
  needsCasing,
  over,
  THEME_IDS,
  THEMES,
  type Theme,
} from '../../src/core/theme.ts';
import { hexToRgba, lighten, type RGBA } from '../../src/core/colours.ts';
import { CASED_LAYER_IDS } from '../../src/layers/line-casing.ts';
import { LINK_LAYER_ID } from '../../src/layers/link-layer.ts';

const readJson = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const sectors = (readJson('data/vocabulary.json')['sectors'] as { id: string; colour: string }[]).map(
  (s) => [s.id, s.colour] as [string, string],
);
const corridors = (readJson('data/corridors.json')['corridors'] as { id: string; colour: string }[]).map(
  (c) => [c.id, c.colour] as [string, string],
);
const hexOf = (c: RGBA) =>
  `#${c
    .slice(0, 3)
    .map((x) => x.toString(16).padStart(2, '0'))
    .join('')}`;
const themes = THEME_IDS.map((id) => THEMES[id]);

/** Whether a line of this colour is seen against every ground: bare, or by its casing. */
function lineFailures(theme: Theme, lines: [string, RGBA][]): string[] {
  const grounds = lineGrounds(theme);
  const casing = leastContrast(theme.lineCasing, grounds);
  return lines.flatMap(([name, colour]) => {
    const bare = leastContrast(colour, grounds);
    if (bare >= theme.lineContrast) return [];
    if (needsCasing(theme, colour) && casing >= theme.lineContrast) return [];
    return [
      `${name} ${hexOf(colour)}: ${bare.toFixed(2)} bare, casing ${needsCasing(theme, colour) ? casing.toFixed(2) : 'none'}`,
    ];
  });
}

describe('the themes', () => {
  it('are light, dark and projector, each with its id', () => {
    expect(THEME_IDS).toEqual(['light', 'dark', 'projector']);
    for (const id of THEME_IDS) expect(THEMES[id].id).toBe(id);
    expect(THEMES.light).toBe(LIGHT_THEME);
  });

  it('have every field of the light theme, and five province classes', () => {
    for (const theme of themes) {
      expect(Object.keys(theme).sort()).toEqual(Object.keys(LIGHT_THEME).sort());
      expect(theme.activity).toHaveLength(LIGHT_THEME.activity.length);
    }
  });

  it('order the province classes by lightness, away from the ground (more activity stands out more)', () => {
    for (const theme of themes) {
      const ground = theme.iranLand;
      const steps = theme.activity.map((c) => contrast(over(c, ground), ground));
      expect(steps, theme.id).toEqual([...steps].sort((a, b) => a - b));
    }
  });
});

describe.each(themes)('lines and symbols in the $id theme reach its contrast against what they cross', (theme) => {
  it('corridors, by colour (bare or cased)', () => {
    expect(
      lineFailures(
        theme,
        corridors.map(([id, hex]) => [id, hexToRgba(hex, LINE_ALPHA)]),
      ),
    ).toEqual([]);
  });

  it('arcs, by sector colour, and the neutral and mixed arcs (bare or cased)', () => {
    const lines: [string, RGBA][] = sectors.map(([id, hex]) => [id, hexToRgba(hex, LINE_ALPHA)]);
    lines.push(['neutral', theme.neutralLink]);
    if ('mixedLink' in theme) lines.push(['mixed', (theme as unknown as { mixedLink: RGBA }).mixedLink]);
    expect(lineFailures(theme, lines)).toEqual([]);
  });

  it('arcs as drawn: both ends (the light start too) reach the contrast bare, or the arc layer is cased', () => {
    // The arcs' casing is only drawn when the link layer is among the cased ones (line-casing.ts): without it, every
    // arc colour here would be seen at its bare contrast, which no arc reaches over the darkest province classes.
    const arcColours: RGBA[] = [
      theme.mixedLink,
      theme.neutralLink,
      ...sectors.map(([, hex]) => hexToRgba(hex, LINE_ALPHA)),
    ].flatMap((c) => [c, lighten(c, 0.6)]);
    const grounds = lineGrounds(theme);
    const uncased = CASED_LAYER_IDS.includes(LINK_LAYER_ID)
      ? []
      : arcColours.filter((c) => leastContrast(c, grounds) < theme.lineContrast);
    expect(uncased.map(hexOf)).toEqual([]);
    expect(leastContrast(theme.lineCasing, grounds)).toBeGreaterThanOrEqual(theme.lineContrast);
  });

  it('moving dots ("Animate flows"): each ground sees the dot or its ring', () => {
    for (const ground of lineGrounds(theme)) {
      const seen = Math.max(contrast(theme.pointOutline, ground), contrast(theme.lineCasing, ground));
      expect(seen, hexOf(ground)).toBeGreaterThanOrEqual(theme.lineContrast);
    }
  });

  it('Caspian routes against the water they run on, and the forum rings (cased where needed)', () => {
    expect(contrast(over(theme.caspianRoute, theme.water), theme.water)).toBeGreaterThanOrEqual(theme.lineContrast);
    expect(lineFailures(theme, [['forum', theme.forum]])).toEqual([]);
  });

  it('the casing itself, against every ground, province classes included', () => {
    expect(leastContrast(theme.lineCasing, lineGrounds(theme))).toBeGreaterThanOrEqual(theme.lineContrast);
  });

  it('place dots: each ground sees the dot or its outline ring', () => {
    for (const [name, fill] of Object.entries({ port: theme.port, border: theme.border, capital: theme.capital }))
      for (const ground of lineGrounds(theme)) {
        const seen = Math.max(contrast(fill, ground), contrast(theme.pointOutline, ground));
        expect(seen, `${name} on ${hexOf(ground)}`).toBeGreaterThanOrEqual(theme.lineContrast);
      }
  });

  it('the selection outline, against the basemap fills', () => {
    expect(leastContrast(theme.selection, basemapGrounds(theme))).toBeGreaterThanOrEqual(theme.lineContrast);
  });

  it('country borders against the land fills they divide, province borders against Iran (3:1 at least)', () => {
    const lands = [theme.land, theme.partnerLand, theme.iranLand];
    for (const land of lands) expect(contrast(theme.countryBorder, land), land).toBeGreaterThanOrEqual(3);
    expect(contrast(theme.provinceBorder, theme.iranLand)).toBeGreaterThanOrEqual(3);
  });

  it('the rule catches a line that fails: the corridor orange #E69F00, bare on the light land, is 1.96:1', () => {
    const orange = hexToRgba('#E69F00', 255);
    expect(contrast(orange, LIGHT_THEME.land)).toBeCloseTo(1.96, 2);
    expect(needsCasing(LIGHT_THEME, orange)).toBe(true);
    // Without its casing, it would be reported.
    const bare = { ...theme, lineCasing: [0, 0, 0, 0] as RGBA };
    expect(lineFailures(bare, [['gulf-black-sea', hexToRgba('#E69F00', LINE_ALPHA)]])).not.toEqual([]);
  });
});

describe.each(themes)('map labels in the $id theme (4.5:1)', (theme) => {
  const labels = {
    labelText: theme.labelText,
    partnerLabelText: theme.partnerLabelText,
    placeLabelText: theme.placeLabelText,
  };
  const fills = [theme.water, theme.land, theme.partnerLand, theme.iranLand];

  it.each(Object.entries(labels))('%s is readable on its halo over anything', (_, colour) => {
    // A light halo at its worst over black, a dark one over white.
    const halo = parseColour(theme.labelHalo)!;
    const worst = halo[0] + halo[1] + halo[2] > 382 ? '#000000' : '#ffffff';
    expect(contrastRatio(colour, composite(theme.labelHalo, worst))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(labels))('%s is readable on the bare basemap fills', (_, colour) => {
    for (const fill of fills) expect(contrastRatio(colour, fill), fill).toBeGreaterThanOrEqual(4.5);
  });
});

// --- The theme's own categorical colours under colour-vision deficiencies (data colours: colour-access.test.ts). ---

const MIN_NORMAL = 10;
const MIN_SIMULATED = 6;
function confusablePairs(palette: [name: string, colour: string][]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < palette.length; i++)
    for (let j = i + 1; j < palette.length; j++) {
      const [[a, ca], [b, cb]] = [palette[i]!, palette[j]!];
      for (const vision of ['normal', ...DEFICIENCIES] as Vision[]) {
        const diff = colourDifference(ca, cb, vision);
        if (diff < (vision === 'normal' ? MIN_NORMAL : MIN_SIMULATED))
          bad.push(`${a} ${ca} / ${b} ${cb}: ΔE00 ${diff.toFixed(1)} (${vision})`);
      }
    }
  return bad;
}

describe.each(themes)('categorical colours of the $id theme stay apart', (theme) => {
  it('sectors with the neutral (and mixed) arc colours', () => {
    const extra: [string, string][] = [['neutral', hexOf(theme.neutralLink)]];
    if ('mixedLink' in theme) extra.push(['mixed', hexOf((theme as unknown as { mixedLink: RGBA }).mixedLink)]);
    expect(confusablePairs([...sectors, ...extra])).toEqual([]);
  });

  it('corridors with the Caspian route colour', () => {
    expect(confusablePairs([...corridors, ['caspian', hexOf(theme.caspianRoute)]])).toEqual([]);
  });

  it('the place markers', () => {
    const { port, border, capital, forum } = theme;
    expect(
      confusablePairs([
        ['port', hexOf(port)],
        ['border', hexOf(border)],
        ['capital', hexOf(capital)],
        ['forum', hexOf(forum)],
      ]),
    ).toEqual([]);
  });
});

// --- Interface text per theme: the :root custom properties, overridden by html[data-theme='…']. ---

interface Rule {
  selector: string;
  decls: Map<string, string>;
}
const css = readFileSync(new URL('../../src/styles/app.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const rules: Rule[] = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
  selector: m[1]!.trim(),
  decls: new Map(
    m[2]!
      .split(';')
      .map((d) => d.split(/:(.*)/s).map((s) => s.trim()))
      .filter((d): d is [string, string] => d.length >= 2 && d[0] !== '' && d[1] !== '')
      .map(([p, v]) => [p, v] as [string, string]),
  ),
}));
const TEXTLESS = ['::backdrop', '.story-dot', 'html[data-theme'];

function themeVars(id: string): Map<string, string> {
  const root = rules.find((r) => r.selector === ':root')!.decls;
  const own = rules.find((r) => r.selector === `html[data-theme='${id}']`)?.decls ?? new Map<string, string>();
  return new Map([...root, ...own]);
}

describe.each(THEME_IDS)('interface text in the %s theme (4.5:1)', (id) => {
  const vars = themeVars(id);
  const resolve = (value: string, depth = 0): string => {
    const next = value.replace(
      /var\((--[\w-]+)(?:,\s*([^)]*))?\)/g,
      (_, n: string, f?: string) => vars.get(n) ?? f ?? '',
    );
    return next === value || depth > 8 ? next : resolve(next, depth + 1);
  };
  const colourIn = (value: string): string | null => {
    const resolved = resolve(value);
    if (parseColour(resolved)) return resolved;
    return resolved.match(/#[0-9a-f]{3,8}\b|rgba?\([^)]*\)/i)?.[0] ?? null;
  };
  const isDark = (c: readonly number[]) => contrastRatio(c as never, '#000000') < contrastRatio(c as never, '#ffffff');
  const ink = colourIn('var(--ink)')!;
  const surfaces = rules
    .filter((r) => !TEXTLESS.some((part) => r.selector.includes(part)))
    .flatMap((r) => {
      const background = colourIn(r.decls.get('background-color') ?? r.decls.get('background') ?? 'none');
      const own = r.decls.get('color');
      return background ? [{ selector: r.selector, colour: background, text: (own && colourIn(own)) || ink }] : [];
    });
  const texts = rules.flatMap((r) => {
    const colour = r.decls.get('color');
    const parsed = colour === undefined ? null : colourIn(colour);
    return parsed && !r.selector.startsWith('html[data-theme') ? [{ selector: r.selector, colour: parsed }] : [];
  });
  const worst = (text: string, surface: string) => {
    const fore = composite(text, '#ffffff');
    const under = composite(surface, isDark(fore) ? '#000000' : '#ffffff');
    return { ratio: contrastRatio(fore, under), matches: isDark(fore) !== isDark(under) };
  };
  const panels = surfaces.filter((s) => parseColour(s.colour)![3] >= 0.9);

  it('finds the theme: its ink and the panels', () => {
    expect(panels.map((s) => s.selector)).toEqual(expect.arrayContaining(['.hover-card', '.controls', '.side-panel']));
    if (id !== 'light') expect(vars.get('--ink')).not.toBe(themeVars('light').get('--ink'));
  });

  it('every surface is readable with its own text colour', () => {
    const failures = surfaces
      .map((s) => ({ ...s, ratio: worst(s.text, s.colour).ratio }))
      .filter((s) => s.ratio < 4.5)
      .map((s) => `${s.selector} ${s.text} on ${s.colour}: ${s.ratio.toFixed(2)}`);
    expect(failures).toEqual([]);
  });

  it('every text colour is readable on every panel of the opposite lightness', () => {
    const failures: string[] = [];
    for (const text of [{ selector: ':root', colour: ink }, ...texts])
      for (const panel of panels) {
        const { ratio, matches } = worst(text.colour, panel.colour);
        if (matches && ratio < 4.5)
          failures.push(`${text.selector} ${text.colour} on ${panel.selector} ${panel.colour}: ${ratio.toFixed(2)}`);
      }
    expect(failures).toEqual([]);
  });

  it('the focus ring (--accent) stands out from every panel (3:1)', () => {
    const accent = colourIn('var(--accent)')!;
    // The pressed measure button is filled with the accent itself: its ring is around the accent, not on a panel.
    // A printed story's pages exist only on paper: nothing on them takes the focus.
    for (const panel of panels.filter((p) => p.colour !== accent && !p.selector.startsWith('.print-'))) {
      const backdrop = isDark(composite(panel.colour, '#000000')) ? '#000000' : '#ffffff';
      expect(contrastRatio(accent, composite(panel.colour, backdrop)), panel.selector).toBeGreaterThanOrEqual(3);
    }
  });
});
