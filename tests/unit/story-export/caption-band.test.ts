// The video's caption band follows the theme on screen: drawn through a recording 2D context, the
// light band stays white with dark text, the dark band takes the dark land with light text, and the
// projector band near-black text; every band's text stays readable over whatever map shows through.
import { describe, expect, it } from 'vitest';
import {
  captionColours,
  composeFrame,
  layoutBand,
  type CaptionColours,
} from '../../../src/features/story-export/caption-band.ts';
import { basemapGrounds, contrast, luminance, over, THEMES, type Theme } from '../../../src/core/theme.ts';
import type { RGBA } from '../../../src/core/colours.ts';

interface Drawn {
  rects: { fill: string; y: number }[];
  texts: { text: string; fill: string }[];
}

/** Just what composeFrame and layoutBand call, recording fills and texts with their colour. */
function recordingContext(width: number, height: number): { context: CanvasRenderingContext2D; drawn: Drawn } {
  const drawn: Drawn = { rects: [], texts: [] };
  const context = {
    canvas: { width, height },
    font: '',
    fillStyle: '',
    globalAlpha: 1,
    direction: 'ltr',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    measureText: (text: string) => ({ width: text.length * 10 }),
    drawImage: () => undefined,
    fillRect(_x: number, y: number) {
      drawn.rects.push({ fill: String(this.fillStyle), y });
    },
    fillText(text: string) {
      drawn.texts.push({ text, fill: String(this.fillStyle) });
    },
  };
  return { context: context as unknown as CanvasRenderingContext2D, drawn };
}

function drawBand(theme: Theme): Drawn {
  const { context, drawn } = recordingContext(640, 360);
  const layout = layoutBand(
    context,
    [{ heading: 'Story · Scene 1 of 2', caption: 'A caption' }],
    640,
    360,
    'en',
    'Attribution',
    captionColours(theme),
  );
  composeFrame(context, {} as CanvasImageSource, layout, [
    { text: { heading: 'Story · Scene 1 of 2', caption: 'A caption' }, alpha: 1 },
  ]);
  return drawn;
}

const parse = (css: string): RGBA => {
  const rgba = css.match(/^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/);
  if (rgba) return [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), Math.round(Number(rgba[4]) * 255)];
  const n = Number.parseInt(css.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
};

const fillOf = (drawn: Drawn) => drawn.rects[0]!.fill;
const textColour = (drawn: Drawn, text: string) => drawn.texts.find((t) => t.text === text)!.fill;

describe('the video caption band', () => {
  it('keeps the light band of before in the light theme', () => {
    const drawn = drawBand(THEMES.light);
    expect(fillOf(drawn)).toBe('rgba(255, 255, 255, 0.90)');
    expect(textColour(drawn, 'A caption')).toBe('#2b2823');
    expect(textColour(drawn, 'Attribution')).toBe('#5a544c');
  });

  it('is dark with light text in the dark theme', () => {
    const drawn = drawBand(THEMES.dark);
    const fill = parse(fillOf(drawn));
    expect(fill.slice(0, 3)).toEqual(parse(THEMES.dark.land).slice(0, 3));
    expect(luminance(fill)).toBeLessThan(0.05);
    expect(textColour(drawn, 'A caption')).toBe(THEMES.dark.placeLabelText);
    expect(luminance(textColour(drawn, 'A caption'))).toBeGreaterThan(0.6);
    expect(textColour(drawn, 'Story · Scene 1 of 2')).toBe(THEMES.dark.labelText);
  });

  it('takes the projector theme’s near-black text on white', () => {
    const drawn = drawBand(THEMES.projector);
    expect(luminance(parse(fillOf(drawn)))).toBeGreaterThan(0.9);
    expect(textColour(drawn, 'A caption')).toBe(THEMES.projector.placeLabelText);
    expect(textColour(drawn, 'A caption')).not.toBe(textColour(drawBand(THEMES.light), 'A caption'));
  });

  it('keeps its text at 4.5:1 or more over every basemap fill showing through, in every theme', () => {
    for (const theme of Object.values(THEMES)) {
      const colours: CaptionColours = captionColours(theme);
      for (const ground of basemapGrounds(theme)) {
        const band = over(parse(colours.background), ground);
        expect(contrast(colours.ink, band), `${theme.id} caption`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(colours.muted, band), `${theme.id} heading`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
