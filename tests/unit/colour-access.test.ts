// Colour accessibility: categorical palettes stay apart under colour-vision deficiencies, and UI text keeps WCAG AA contrast.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  colourDifference,
  composite,
  contrastRatio,
  deltaE2000,
  DEFICIENCIES,
  parseColour,
  relativeLuminance,
  simulate,
  type Rgb,
  type Vision,
} from '../support/colour-vision.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import type { RGBA } from '../../src/core/colours.ts';

const readJson = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const hexOf = (c: RGBA) =>
  `#${c
    .slice(0, 3)
    .map((x) => x.toString(16).padStart(2, '0'))
    .join('')}`;

/**
 * Thresholds, in CIEDE2000 units (ΔE00 ≈ 1 is a just-noticeable difference side by side): categorical colours
 * must be ≥ 10 apart for normal vision, a difference readers name as "another colour" at a glance on thin lines,
 * and ≥ 6 apart as simulated for each dichromacy at full severity, the worst case of each deficiency.
 */
const MIN_NORMAL = 10;
const MIN_SIMULATED = 6;

/** Every pair of a palette that falls under the thresholds, as readable lines. */
function confusablePairs(palette: [name: string, colour: string][]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < palette.length; i++) {
    for (let j = i + 1; j < palette.length; j++) {
      const [[a, ca], [b, cb]] = [palette[i]!, palette[j]!];
      for (const vision of ['normal', ...DEFICIENCIES] as Vision[]) {
        const diff = colourDifference(ca, cb, vision);
        if (diff < (vision === 'normal' ? MIN_NORMAL : MIN_SIMULATED))
          bad.push(`${a} ${ca} / ${b} ${cb}: ΔE00 ${diff.toFixed(1)} (${vision})`);
      }
    }
  }
  return bad;
}

describe('colour science', () => {
  // Sharma, Wu & Dalal (2005), table 1: pairs 1, 7, 17 and 25.
  it.each([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  ])('CIEDE2000 of %j and %j is %f', (a, b, expected) => expect(deltaE2000(a, b)).toBeCloseTo(expected, 4));

  it('gives WCAG luminance and contrast', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 6);
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('simulates dichromacy: red and green merge for protanopes and deuteranopes, blue and green for tritanopes', () => {
    for (const vision of ['protanopia', 'deuteranopia'] as const)
      expect(colourDifference('#d55e00', '#6b8e23', vision)).toBeLessThan(colourDifference('#d55e00', '#6b8e23') / 3);
    expect(colourDifference('#0072b2', '#009e73', 'tritanopia')).toBeLessThan(
      colourDifference('#0072b2', '#009e73') / 2,
    );
    // Greys are unchanged by every simulation.
    for (const vision of DEFICIENCIES) simulate('#808080', vision).forEach((c) => expect(c).toBeCloseTo(128, 0));
  });

  it('parses the colour notations the app uses', () => {
    expect(parseColour('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColour('rgba(255,255,255,0.9)')).toEqual([255, 255, 255, 0.9]);
    expect(parseColour('rgb(0 0 0 / 0.3)')).toEqual([0, 0, 0, 0.3]);
    expect(composite('rgba(255, 255, 255, 0.5)', '#000000')).toEqual([127.5, 127.5, 127.5]);
  });
});

describe('categorical palettes under colour-vision deficiencies', () => {
  const sectors = (readJson('data/vocabulary.json')['sectors'] as { id: string; colour: string }[]).map(
    (s) => [s.id, s.colour] as [string, string],
  );
  const corridors = (readJson('data/corridors.json')['corridors'] as { id: string; colour: string }[]).map(
    (c) => [c.id, c.colour] as [string, string],
  );

  it('reads the palettes from data/', () => {
    expect(sectors.length).toBeGreaterThanOrEqual(10);
    expect(corridors).toHaveLength(6);
  });

  // Any sectors can be on screen together (arcs, imported rows, the legend), next to the neutral arcs of several-sector
  // links (imported rows) and the mixed grey of arcs whose links differ in sector.
  it('keeps every pair of sector colours, and the neutral and mixed arc colours, apart', () => {
    expect(
      confusablePairs([
        ...sectors,
        ['neutral link', hexOf(LIGHT_THEME.neutralLink)],
        ['mixed link', hexOf(LIGHT_THEME.mixedLink)],
      ]),
    ).toEqual([]);
  });

  // Corridors and Caspian shipping routes are drawn together as lines; the INSTC's sea leg runs along the Caspian routes.
  it('keeps every pair of corridor colours, and the Caspian route colour, apart', () => {
    expect(confusablePairs([...corridors, ['caspian route', hexOf(LIGHT_THEME.caspianRoute)]])).toEqual([]);
  });

  it('keeps the place markers (port, border crossing, capital, forum ring) apart', () => {
    const { port, border, capital, forum } = LIGHT_THEME;
    expect(
      confusablePairs([
        ['port', hexOf(port)],
        ['border', hexOf(border)],
        ['capital', hexOf(capital)],
        ['forum', hexOf(forum)],
      ]),
    ).toEqual([]);
  });

  it('the check catches a confusable palette', () => {
    // Okabe–Ito vermillion against a red-leaning green: apart for normal vision, merged for deuteranopes.
    expect(
      confusablePairs([
        ['a', '#D55E00'],
        ['b', '#6B8E23'],
      ]).some((line) => line.includes('deuteranopia')),
    ).toBe(true);
  });
});

// --- Text contrast: colours read from src/styles/app.css, so the test follows the stylesheet. ---

interface Rule {
  selector: string;
  decls: Map<string, string>;
}

function cssRules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // Innermost blocks only: rules inside @media come out as plain rules.
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: m[1]!.trim(),
    decls: new Map(
      m[2]!
        .split(';')
        .map((d) => d.split(/:(.*)/s).map((s) => s.trim()))
        .filter((d): d is [string, string] => d.length >= 2 && d[0] !== '' && d[1] !== '')
        .map(([p, v]) => [p, v] as [string, string]),
    ),
  }));
}

const rules = cssRules(readFileSync(new URL('../../src/styles/app.css', import.meta.url), 'utf8'));
// Custom properties from the first :root rule (the screen one; media queries only change sizes).
const vars = rules.find((r) => r.selector === ':root')!.decls;

function resolveVars(value: string, depth = 0): string {
  if (depth > 8) throw new Error(`var() loop in ${value}`);
  const next = value.replace(
    /var\((--[\w-]+)(?:,\s*([^)]*))?\)/g,
    (_, name: string, fallback?: string) => vars.get(name) ?? fallback ?? '',
  );
  return next === value ? value : resolveVars(next, depth + 1);
}

/** A declaration's colour: the whole value, or the colour token in a shorthand like `3px solid var(--accent)`. */
function colourIn(value: string): string | null {
  const resolved = resolveVars(value);
  if (parseColour(resolved)) return resolved;
  return resolved.match(/#[0-9a-f]{3,8}\b|rgba?\([^)]*\)/i)?.[0] ?? null;
}

const rootText = colourIn(vars.get('color') ?? rules.find((r) => r.selector === ':root')!.decls.get('color')!)!;
const texts = rules.flatMap((r) => {
  const colour = r.decls.get('color');
  const parsed = colour === undefined ? null : colourIn(colour);
  return parsed ? [{ selector: r.selector, colour: parsed }] : [];
});

/**
 * Every background colour in the stylesheet (not those that never hold text), with the text colour its own
 * rule sets or else the inherited --ink. Near-opaque ones (alpha ≥ 0.9) are panels that may hold any text;
 * more translucent ones are veils over the map holding only their own message.
 */
/** Backgrounds that never hold text: dialog backdrops, and the story's progress dots (labelled by aria-label). */
const TEXTLESS = ['::backdrop', '.story-dot'];
const surfaces = rules
  .filter((r) => !TEXTLESS.some((part) => r.selector.includes(part)))
  .flatMap((r) => {
    const background = colourIn(r.decls.get('background-color') ?? r.decls.get('background') ?? 'none');
    const ownText = r.decls.get('color');
    return background
      ? [{ selector: r.selector, colour: background, text: (ownText && colourIn(ownText)) || rootText }]
      : [];
  });
const panels = surfaces.filter((s) => parseColour(s.colour)![3] >= 0.9);

/** Luminance where black and white text contrast equally: darker surfaces need light text. */
const MID_LUMINANCE = Math.sqrt(1.05 * 0.05) - 0.05;
const isDark = (c: Rgb) => relativeLuminance(c) < MID_LUMINANCE;

/** Text on a translucent surface at its worst: the surface over black for dark text, over white for light text. */
function worstContrast(text: string, surface: string): { ratio: number; matches: boolean } {
  const ink = composite(text, '#ffffff');
  const under = composite(surface, isDark(ink) ? '#000000' : '#ffffff');
  return { ratio: contrastRatio(ink, under), matches: isDark(ink) !== isDark(under) };
}

describe('text contrast (WCAG AA, 4.5:1) in the stylesheet', () => {
  it('finds the palette: ink, paper and the surfaces', () => {
    expect(rootText).toBe(vars.get('--ink'));
    expect(panels.map((s) => s.selector)).toEqual(
      expect.arrayContaining(['.hover-card', '.controls', '.side-panel', '.story-bar']),
    );
    expect(texts.map((t) => t.colour)).toEqual(expect.arrayContaining([vars.get('--ink-muted')]));
  });

  it('every text colour is readable on every panel of the opposite lightness (dark text on light panels, light on dark)', () => {
    const failures: string[] = [];
    for (const text of [{ selector: ':root', colour: rootText }, ...texts]) {
      for (const panel of panels) {
        const { ratio, matches } = worstContrast(text.colour, panel.colour);
        if (matches && ratio < 4.5)
          failures.push(`${text.selector} ${text.colour} on ${panel.selector} ${panel.colour}: ${ratio.toFixed(2)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('every surface, veils included, is readable with its own text colour', () => {
    const failures = surfaces
      .map((s) => ({ ...s, ratio: worstContrast(s.text, s.colour).ratio }))
      .filter((s) => s.ratio < 4.5)
      .map((s) => `${s.selector} ${s.text} on ${s.colour}: ${s.ratio.toFixed(2)}`);
    expect(failures).toEqual([]);
  });

  it('the focus ring (--accent) stands out from every light panel (3:1, WCAG 1.4.11)', () => {
    const accent = colourIn('var(--accent)')!;
    for (const panel of panels.filter((p) => !isDark(composite(p.colour, '#000000')))) {
      expect(contrastRatio(accent, composite(panel.colour, '#000000')), panel.selector).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('map label contrast', () => {
  const halo = LIGHT_THEME.labelHalo;
  const labels = {
    labelText: LIGHT_THEME.labelText,
    partnerLabelText: LIGHT_THEME.partnerLabelText,
    placeLabelText: LIGHT_THEME.placeLabelText,
  };
  const fills = [LIGHT_THEME.water, LIGHT_THEME.land, LIGHT_THEME.partnerLand, LIGHT_THEME.iranLand];

  it.each(Object.entries(labels))('%s is readable on its halo over anything, even black (4.5:1)', (_, colour) => {
    expect(contrastRatio(colour, composite(halo, '#000000'))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(labels))('%s is readable on the bare basemap fills too (4.5:1)', (_, colour) => {
    for (const fill of fills) expect(contrastRatio(colour, fill), fill).toBeGreaterThanOrEqual(4.5);
  });
});
