// A story (or the current view) as a 16:9 PowerPoint deck, built with pptxgenjs, which is loaded
// on demand: a title slide, one slide per scene (the map image, the title and caption as editable
// text, a compact legend, the sources as a footnote and in full in the speaker notes, the
// attribution), and a closing slide listing every source with its date.
// No DOM: it runs in the browser and in Node (the unit test unzips what it writes).
//
// Type sizes are for a projected slide read from the back of a room: titles 28 pt, captions 20 pt
// (nothing a reader must read is under 18 pt), and the legend, footnote and attribution 12 pt, the
// smallest size still legible on a projected 16:9 slide; boxes that may hold more text than fits
// shrink on overflow, but never the caption.
import { t, type Lang } from '../../core/i18n/i18n.ts';
import type { Theme } from '../../core/theme.ts';

export interface DeckImage {
  /** PNG bytes. */
  data: Uint8Array;
  /** Pixel size, for the aspect ratio of the placed picture. */
  width: number;
  height: number;
}

export interface DeckSource {
  /** The report's title and outlet, or a reference's title. */
  label: string;
  /** Already formatted for the deck's language; empty when the source has no date. */
  date: string;
  url?: string;
}

export interface DeckLegendEntry {
  label: string;
  /** CSS colour (`#rrggbb` or `rgba()`); empty for a group's heading. */
  colour: string;
}

export interface DeckSlide {
  title: string;
  caption: string;
  image: DeckImage;
  /** A heading is an entry without a colour. */
  legend: DeckLegendEntry[];
  attribution: string;
  sources: DeckSource[];
}

export interface DeckInput {
  lang: Lang;
  title: string;
  subtitle?: string;
  /** A line under the subtitle, e.g. "Data as of 9 November 2025". */
  dataDate?: string;
  slides: DeckSlide[];
  /** The theme on screen: the slides take its colours (light when absent). */
  theme?: Theme;
  /** Font for every text box; Arial has Persian letters on Windows, macOS and in LibreOffice's substitutes. */
  fontFace?: string;
}

/** Sizes in points, chosen for a projected slide (see the header). */
export const DECK_TYPE = { title: 28, coverTitle: 40, coverSubtitle: 24, caption: 20, small: 12 } as const;

/** LAYOUT_WIDE: 13.333 × 7.5 inches, 16:9 (PowerPoint's default). */
export const SLIDE = { width: 13.333, height: 7.5 } as const;
const MARGIN = 0.4;
/** The box the map picture is fitted into (contained, aspect kept), on the start side of the slide. */
export const MAP_BOX = { width: 8.4, height: 5.2, top: 1.1 } as const;
const COLUMN_GAP = 0.3;

/** CSS hex colours of the slides: the page, the text, and the secondary text (subtitle, attribution). */
export interface DeckColours {
  background: string;
  ink: string;
  muted: string;
}

const LIGHT_DECK: DeckColours = { background: '#ffffff', ink: '#2b2823', muted: '#5a544c' };

/**
 * The slides' colours for a theme: light keeps white slides; dark and projector take their land as the page
 * and their label colours as the text, as the PNG export's band and the video's caption band do.
 */
export function deckColours(theme: Theme | undefined): DeckColours {
  if (!theme || theme.id === 'light') return LIGHT_DECK;
  return { background: theme.land, ink: theme.placeLabelText, muted: theme.labelText };
}

/**
 * `RRGGBB` for OOXML from a CSS colour: `#rgb`, `#rrggbb` or `rgb()`/`rgba()` (as the legend's
 * activity classes are written); a translucent colour is mixed over `ground` (the slide's page,
 * white unless told), as it looks there.
 */
export function hex(colour: string, ground = '#ffffff'): string {
  const short = colour.match(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/i);
  if (short)
    return short
      .slice(1)
      .map((c) => c + c)
      .join('')
      .toUpperCase();
  const long = colour.match(/^#([0-9a-f]{6})/i);
  if (long) return long[1]!.toUpperCase();
  const rgb = colour.match(/^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+))?\s*\)$/i);
  if (!rgb) return '808080';
  const alpha = rgb[4] === undefined ? 1 : Math.min(1, Number(rgb[4]));
  const under = hex(ground)
    .match(/../g)!
    .map((c) => parseInt(c, 16));
  return [rgb[1], rgb[2], rgb[3]]
    .map((c, i) => Math.round(Number(c) * alpha + under[i]! * (1 - alpha)))
    .map((c) => Math.min(255, Math.max(0, c)).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** Base64 without Buffer (browser) in chunks, so large images do not overflow the call stack. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(binary);
}

const isWebUrl = (url: string | undefined): url is string => !!url && /^https?:\/\/[^\s]+$/i.test(url);

/** A link's text on the closing slide: the site's name, short enough to stay on one line. */
export function linkText(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url.slice(0, 40);
  }
}

/** "label, date" (or the label alone when undated). */
export function sourceLine(lang: Lang, source: DeckSource): string {
  return source.date ? `${source.label}${lang === 'fa' ? '، ' : ', '}${source.date}` : source.label;
}

/** Every source of the deck once, in order of first appearance. */
export function allSources(slides: DeckSlide[]): DeckSource[] {
  const seen = new Map<string, DeckSource>();
  for (const slide of slides)
    for (const source of slide.sources) if (!seen.has(source.label)) seen.set(source.label, source);
  return [...seen.values()];
}

/** The picture's place in the map box: as large as fits, centred, aspect kept. */
export function fitImage(image: Pick<DeckImage, 'width' | 'height'>, rtl: boolean) {
  const scale = Math.min(MAP_BOX.width / image.width, MAP_BOX.height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  const boxLeft = rtl ? SLIDE.width - MARGIN - MAP_BOX.width : MARGIN;
  return { x: boxLeft + (MAP_BOX.width - w) / 2, y: MAP_BOX.top + (MAP_BOX.height - h) / 2, w, h };
}

/** The speaker notes of a scene: its caption, then each source in full (with its link). */
export function speakerNotes(lang: Lang, slide: DeckSlide): string {
  const lines = [slide.caption, '', `${t(lang, 'deck.sources')}:`];
  for (const source of slide.sources)
    lines.push(`• ${sourceLine(lang, source)}${isWebUrl(source.url) ? ` — ${source.url}` : ''}`);
  if (!slide.sources.length) lines.push(`• ${t(lang, 'deck.noSources')}`);
  return lines.join('\n');
}

/** Builds the .pptx; resolves to its bytes (a zip). */
export async function buildDeck(input: DeckInput): Promise<Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const { lang } = input;
  const rtl = lang === 'fa';
  const colours = deckColours(input.theme);
  const ink = hex(colours.ink);
  const muted = hex(colours.muted);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.rtlMode = rtl;
  pptx.title = input.title;
  pptx.author = t(lang, 'app.title');
  pptx.company = t(lang, 'app.title');
  const fontFace = input.fontFace ?? 'Arial';
  pptx.theme = { headFontFace: fontFace, bodyFontFace: fontFace };
  // Every text box: the language's tag on each run, right-to-left paragraphs in Persian.
  const text = {
    fontFace,
    color: ink,
    lang: rtl ? 'fa-IR' : 'en-GB',
    rtlMode: rtl,
    align: rtl ? 'right' : 'left',
    valign: 'top',
    margin: 0,
  } as const;
  // pptxgenjs reads a paragraph's direction from its first run's own options, not the box's.
  const run = (value: string, options: Record<string, unknown> = {}) => ({
    text: value,
    options: { rtlMode: rtl, ...options },
  });
  const full = SLIDE.width - 2 * MARGIN;
  const background = { color: hex(colours.background) };

  // Title slide.
  const cover = pptx.addSlide();
  cover.background = background;
  cover.addText(input.title, {
    ...text,
    x: MARGIN,
    y: 2.3,
    w: full,
    h: 1.3,
    fontSize: DECK_TYPE.coverTitle,
    bold: true,
    valign: 'bottom',
  });
  const coverLines = [input.subtitle, input.dataDate].filter((line): line is string => !!line);
  if (coverLines.length)
    cover.addText(
      coverLines.map((line, i) =>
        run(line, {
          fontSize: i === 0 && input.subtitle ? DECK_TYPE.coverSubtitle : DECK_TYPE.caption,
          color: i === 0 && input.subtitle ? ink : muted,
          breakLine: true,
        }),
      ),
      { ...text, x: MARGIN, y: 3.8, w: full, h: 1.4, paraSpaceAfter: 6 },
    );

  // One slide per scene.
  const columnWidth = SLIDE.width - 2 * MARGIN - MAP_BOX.width - COLUMN_GAP;
  const columnLeft = rtl ? MARGIN : MARGIN + MAP_BOX.width + COLUMN_GAP;
  for (const scene of input.slides) {
    const slide = pptx.addSlide();
    slide.background = background;
    slide.addText(scene.title, {
      ...text,
      x: MARGIN,
      y: 0.3,
      w: full,
      h: 0.65,
      fontSize: DECK_TYPE.title,
      bold: true,
      valign: 'middle',
      fit: 'shrink',
    });
    slide.addImage({
      data: `image/png;base64,${base64(scene.image.data)}`,
      ...fitImage(scene.image, rtl),
      altText: scene.caption,
    });
    slide.addText(scene.caption, {
      ...text,
      x: columnLeft,
      y: MAP_BOX.top,
      w: columnWidth,
      h: 3.2,
      fontSize: DECK_TYPE.caption,
      paraSpaceAfter: 4,
    });
    if (scene.legend.length)
      slide.addText(
        scene.legend.flatMap((entry, i) =>
          entry.colour
            ? [
                run('■ ', { color: hex(entry.colour, colours.background), fontSize: DECK_TYPE.small }),
                run(`${entry.label}   `, { fontSize: DECK_TYPE.small }),
              ]
            : [
                run(entry.label, {
                  fontSize: DECK_TYPE.small,
                  bold: true,
                  breakLine: true,
                  ...(i ? { paraSpaceBefore: 4 } : {}),
                }),
              ],
        ),
        {
          ...text,
          x: columnLeft,
          y: MAP_BOX.top + 3.35,
          w: columnWidth,
          h: MAP_BOX.height - 3.35,
          fontSize: DECK_TYPE.small,
          fit: 'shrink',
        },
      );
    // One paragraph per source: a Latin title inside a right-to-left paragraph that wraps is laid out
    // by the bidi rules across the break, its start at the far end of the line, hard to follow.
    const footnote = scene.sources.map((source, i) =>
      run(`${i ? '' : `${t(lang, 'deck.sources')}: `}${sourceLine(lang, source)}`, { breakLine: true }),
    );
    slide.addText([...footnote, run(scene.attribution, { color: muted })], {
      ...text,
      x: MARGIN,
      y: MAP_BOX.top + MAP_BOX.height + 0.15,
      w: full,
      h: SLIDE.height - (MAP_BOX.top + MAP_BOX.height + 0.15) - 0.2,
      fontSize: DECK_TYPE.small,
      fit: 'shrink',
    });
    slide.addNotes(speakerNotes(lang, scene));
  }

  // Closing slide: every source, with its date and link.
  const closing = pptx.addSlide();
  closing.background = background;
  closing.addText(t(lang, 'deck.sourcesTitle'), {
    ...text,
    x: MARGIN,
    y: 0.3,
    w: full,
    h: 0.65,
    fontSize: DECK_TYPE.title,
    bold: true,
    valign: 'middle',
  });
  const sources = allSources(input.slides);
  // The link is a short run of its own (the site's name) on a line of its own: LibreOffice lays a
  // linked run out as one unbreakable field, so a linked title longer than a line broke mid-word and,
  // in a right-to-left paragraph, ran off the slide's left edge; beside the title, the field also
  // reordered with a Latin title in a right-to-left paragraph.
  closing.addText(
    sources.length
      ? sources.flatMap((source) =>
          isWebUrl(source.url)
            ? [
                run(sourceLine(lang, source), { bullet: true }),
                run(linkText(source.url), {
                  bullet: true,
                  softBreakBefore: true,
                  breakLine: true,
                  hyperlink: { url: source.url },
                }),
              ]
            : [run(sourceLine(lang, source), { bullet: true, breakLine: true })],
        )
      : [run(t(lang, 'deck.noSources'))],
    { ...text, x: MARGIN, y: 1.2, w: full, h: 5.9, fontSize: DECK_TYPE.caption - 2, paraSpaceAfter: 6, fit: 'shrink' },
  );

  const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return tidyPackage(bytes, lang, ink);
}

/**
 * Mends what pptxgenjs 4.0.1 writes against the OOXML schema, which PowerPoint answers with its
 * repair dialog (LibreOffice is lenient): a paragraph with several runs gets an `<a:pPr>` before
 * each run (the schema allows one, first; gitbrent/PptxGenJS#1083), and a solid slide background
 * lacks its `<a:effectLst/>` (#1442). Speaker notes come as one run with raw line breaks, tagged
 * en-US: they become one paragraph per line, tagged and directed like the slides. The theme's
 * link colours become `linkColour` (the text's), which is what a dark slide can show.
 * Pictures are stored (PNG is compressed already), the XML deflated.
 */
export async function tidyPackage(bytes: Uint8Array, lang: Lang, linkColour = '2B2823'): Promise<Uint8Array> {
  const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
  const files = unzipSync(bytes);
  const tag = lang === 'fa' ? 'fa-IR' : 'en-GB';
  const pPr = lang === 'fa' ? '<a:pPr rtl="1" algn="r"/>' : '';
  const out: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, data] of Object.entries(files)) {
    let xml: string | null = null;
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name))
      xml = strFromU8(data)
        .replace(/<a:p>(.*?)<\/a:p>/gs, (_, body: string) => {
          let first = true;
          const once = body.replace(/<a:pPr\b(?:[^>]*\/>|.*?<\/a:pPr>)/gs, (pp) =>
            first ? ((first = false), pp) : '',
          );
          return `<a:p>${once}</a:p>`;
        })
        .replace(/(<p:bgPr>(?:(?!<\/p:bgPr>).)*?<\/a:solidFill>)(<\/p:bgPr>)/gs, '$1<a:effectLst/>$2');
    else if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name))
      xml = strFromU8(data).replace(
        /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([^<]*)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/,
        (_, text: string) =>
          text
            .split(/\r?\n/)
            .map((line) =>
              line
                ? `<a:p>${pPr}<a:r><a:rPr lang="${tag}" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`
                : `<a:p>${pPr}<a:endParaRPr lang="${tag}" dirty="0"/></a:p>`,
            )
            .join(''),
      );
    else if (/^ppt\/theme\/theme\d+\.xml$/.test(name))
      xml = strFromU8(data).replace(
        /<a:(hlink|folHlink)><a:srgbClr val="[0-9A-F]{6}"\/><\/a:\1>/g,
        `<a:$1><a:srgbClr val="${linkColour}"/></a:$1>`,
      );
    out[name] = [xml === null ? data : strToU8(xml), { level: name.startsWith('ppt/media/') ? 0 : 6 }];
  }
  return zipSync(out);
}
