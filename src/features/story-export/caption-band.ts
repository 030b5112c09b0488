// The caption band of a story video: a band across the foot of the frame with the story's title and
// scene number, the scene's caption (wrapped, at most four lines) and the attribution, in the theme on
// screen (white for light, as the PNG export's band; the map's land and label colours otherwise).
// Drawn with canvas 2D, which shapes Persian and lays right-to-left text out with `direction`.
// The band's height is fixed for the whole video (from its longest caption), so it never jumps;
// between scenes the old caption fades out, then the new one fades in.
import { dirOf, type Lang } from '../../core/i18n/i18n.ts';
import { cssColour, hexToRgba } from '../../core/colours.ts';
import type { Theme } from '../../core/theme.ts';

const FONT = 'Vazirmatn, sans-serif';
const MAX_LINES = 4;

export interface CaptionText {
  /** "Story · Scene 2 of 4" */
  heading: string;
  caption: string;
}

export interface BandLayout {
  /** Top of the band, in pixels of the frame. */
  top: number;
  unit: number;
  lang: Lang;
  attribution: string;
  colours: CaptionColours;
}

/** CSS colours of the band: its fill (translucent over the map), the rule along its top, and its text. */
export interface CaptionColours {
  background: string;
  rule: string;
  /** The caption. */
  ink: string;
  /** The heading and the attribution. */
  muted: string;
}

export const LIGHT_CAPTION: CaptionColours = {
  background: 'rgba(255, 255, 255, 0.90)',
  rule: 'rgba(43, 40, 35, 0.25)',
  ink: '#2b2823',
  muted: '#5a544c',
};

/**
 * The band's colours for a theme: light keeps the white band; dark and projector take their land as the
 * fill and their label colours as the text, as the PNG export's band does (png-export-menu.ts).
 */
export function captionColours(theme: Theme): CaptionColours {
  if (theme.id === 'light') return LIGHT_CAPTION;
  const [r, g, b] = hexToRgba(theme.placeLabelText);
  return {
    background: cssColour(hexToRgba(theme.land, Math.round(0.9 * 255))),
    rule: cssColour([r, g, b, Math.round(0.25 * 255)]),
    ink: theme.placeLabelText,
    muted: theme.labelText,
  };
}

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Sizes scale with the frame's height (1 at 720 px), never so small that text is unreadable. */
export function bandUnit(height: number): number {
  return Math.max(0.5, height / 720);
}

const captionFont = (unit: number) => `400 ${Math.round(24 * unit)}px ${FONT}`;
const headingFont = (unit: number) => `700 ${Math.round(16 * unit)}px ${FONT}`;
const attributionFont = (unit: number) => `400 ${Math.round(12 * unit)}px ${FONT}`;
const lineHeight = (unit: number) => Math.round(34 * unit);

/** Greedy word wrap to `width` pixels, at most MAX_LINES lines (the last one ends with "…" if cut). */
export function wrapText(context: Context, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length <= MAX_LINES) return lines;
  const kept = lines.slice(0, MAX_LINES);
  kept[MAX_LINES - 1] = `${kept[MAX_LINES - 1]}…`;
  return kept;
}

/** Where the band starts for these captions on a frame `width` × `height`. */
export function layoutBand(
  context: Context,
  captions: CaptionText[],
  width: number,
  height: number,
  lang: Lang,
  attribution: string,
  colours: CaptionColours = LIGHT_CAPTION,
): BandLayout {
  const unit = bandUnit(height);
  context.font = captionFont(unit);
  const lines = Math.max(1, ...captions.map((c) => wrapText(context, c.caption, width - 48 * unit).length));
  const bandHeight = Math.round(18 * unit + 24 * unit + lines * lineHeight(unit) + 26 * unit);
  return { top: height - bandHeight, unit, lang, attribution, colours };
}

/** Draws the map frame, then the band with each caption at its opacity (they fade in turn in flights). */
export function composeFrame(
  context: Context,
  map: CanvasImageSource,
  layout: BandLayout,
  captions: { text: CaptionText; alpha: number }[],
): void {
  const { width, height } = context.canvas;
  const { top, unit, lang, attribution, colours } = layout;
  context.globalAlpha = 1;
  context.drawImage(map, 0, 0, width, height);
  context.fillStyle = colours.background;
  context.fillRect(0, top, width, height - top);
  context.fillStyle = colours.rule;
  context.fillRect(0, top, width, Math.max(1, Math.round(unit)));

  const rtl = dirOf(lang) === 'rtl';
  const margin = 24 * unit;
  const start = rtl ? width - margin : margin;
  context.direction = rtl ? 'rtl' : 'ltr';
  context.textAlign = 'start';
  context.textBaseline = 'middle';
  for (const { text, alpha } of captions) {
    if (alpha <= 0) continue;
    context.globalAlpha = alpha;
    context.font = headingFont(unit);
    context.fillStyle = colours.muted;
    context.fillText(text.heading, start, top + 24 * unit);
    context.font = captionFont(unit);
    context.fillStyle = colours.ink;
    wrapText(context, text.caption, width - 2 * margin).forEach((line, i) =>
      context.fillText(line, start, top + 42 * unit + (i + 0.5) * lineHeight(unit)),
    );
  }
  context.globalAlpha = 1;
  context.font = attributionFont(unit);
  context.fillStyle = colours.muted;
  context.textAlign = 'end';
  context.fillText(attribution, rtl ? margin : width - margin, height - 12 * unit);
  context.textAlign = 'start';
}
