// The .pptx written by buildDeck, unzipped and read as XML: slides, text runs with their language
// and direction, the pictures' placement on the 16:9 slide, speaker notes and the closing sources.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { PNG } from 'pngjs';
import {
  buildDeck,
  DECK_TYPE,
  MAP_BOX,
  SLIDE,
  type DeckInput,
  type DeckSlide,
} from '../../../src/features/story-export/deck.ts';
import { t, type Lang } from '../../../src/core/i18n/i18n.ts';
import { DARK_THEME, PROJECTOR_THEME } from '../../../src/core/theme.ts';

const EMU = 914400;

function png(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) image.data.set([...rgb, 255], i * 4);
  return new Uint8Array(PNG.sync.write(image));
}

const SIZES: [number, number][] = [
  [160, 90], // 16:9, fills the map box's width
  [120, 100], // taller than the box: fills its height
  [200, 50],
];

const TEXT = {
  fa: {
    title: 'مسیرهای خزر به قزاقستان',
    scene: (n: number) => `صحنهٔ ${n}: انزلی–آکتائو`,
    caption: (n: number) => `انزلی–آکتائو: سرویس هفتگی کانتینری در مسیر چین–قزاقستان–ایران، به گزارش ۲۰۲۲ (${n}).`,
    source: (n: number) => ({
      label: `گزارش ${n} — خبرگزاری مهر`,
      date: `۲۰ مهر ۱۴۰۴`,
      url: `https://example.org/report-${n}`,
    }),
  },
  en: {
    title: 'Caspian routes to Kazakhstan',
    scene: (n: number) => `Scene ${n}: Anzali–Aktau`,
    caption: (n: number) =>
      `Anzali–Aktau: a weekly container service on the China–Kazakhstan–Iran route, as reported in 2022 (${n}) & more.`,
    source: (n: number) => ({
      label: `Report ${n} — Mehr News`,
      date: `12 October 2025`,
      url: `https://example.org/report-${n}`,
    }),
  },
};

function input(lang: Lang): DeckInput {
  const text = TEXT[lang];
  const slides: DeckSlide[] = SIZES.map(([width, height], i) => ({
    title: text.scene(i + 1),
    caption: text.caption(i + 1),
    image: { data: png(width, height, [i * 80, 100, 200]), width, height },
    legend: [
      { label: lang === 'fa' ? 'بخش‌ها' : 'Sectors', colour: '' },
      { label: lang === 'fa' ? 'انرژی' : 'Energy', colour: '#d55e00' },
    ],
    attribution: 'Natural Earth',
    // Scene 3 repeats scene 1's source: the closing slide lists it once.
    sources: i === 2 ? [text.source(1)] : [text.source(i + 1), { label: `Ref ${i + 1}`, date: '' }],
  }));
  return { lang, title: text.title, subtitle: 'Corridor Atlas', dataDate: '9 November 2025', slides };
}

const xmlText = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The paragraphs (`<a:p>…</a:p>`) of a part that contain `text`. */
const paragraphsWith = (xml: string, text: string) =>
  [...xml.matchAll(/<a:p>.*?<\/a:p>/gs)].map((m) => m[0]).filter((p) => p.includes(xmlText(text)));

async function unpack(lang: Lang) {
  const bytes = await buildDeck(input(lang));
  const files = unzipSync(bytes);
  const part = (name: string) => strFromU8(files[name]!);
  return { files, part, bytes };
}

describe.each(['fa', 'en'] as const)('buildDeck (%s)', (lang) => {
  const text = TEXT[lang];
  const rtl = lang === 'fa';
  const tag = rtl ? 'fa-IR' : 'en-GB';

  it('writes a title slide, one slide per scene and a closing slide, 16:9', async () => {
    const { files, part } = await unpack(lang);
    const slides = Object.keys(files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides).toHaveLength(SIZES.length + 2);
    const size = part('ppt/presentation.xml').match(/<p:sldSz cx="(\d+)" cy="(\d+)"/)!;
    expect(Number(size[1]) / Number(size[2])).toBeCloseTo(16 / 9, 3);
    expect(part('ppt/presentation.xml').includes('rtl="1"')).toBe(rtl);
    expect(part('ppt/slides/slide1.xml')).toContain(xmlText(text.title));
  });

  it("puts each scene's title and caption in editable text runs with the language's tag and direction", async () => {
    const { part } = await unpack(lang);
    SIZES.forEach((_, i) => {
      const xml = part(`ppt/slides/slide${i + 2}.xml`);
      for (const value of [text.scene(i + 1), text.caption(i + 1)]) {
        const [paragraph] = paragraphsWith(xml, value);
        expect(paragraph, value).toBeDefined();
        expect(paragraph).toContain(`<a:t>${xmlText(value)}</a:t>`);
        expect(paragraph).toMatch(new RegExp(`<a:rPr lang="${tag}"`));
        expect(paragraph!.includes('rtl="1"'), `rtl on ${value}`).toBe(rtl);
        expect(paragraph).toContain(rtl ? 'algn="r"' : 'algn="l"');
      }
      // The caption is projected: at least 18 pt (sz is in hundredths of a point).
      const caption = paragraphsWith(xml, text.caption(i + 1))[0]!;
      expect(Number(caption.match(/sz="(\d+)"/)![1])).toBeGreaterThanOrEqual(1800);
      expect(DECK_TYPE.caption).toBeGreaterThanOrEqual(18);
      // Every run of the slide is tagged, none falls back to en-US, and every paragraph has the
      // language's direction (the legend's and footnote's several runs included).
      expect(xml).not.toMatch(/<a:rPr lang="en-US"/);
      const paragraphs = [...xml.matchAll(/<a:p>.*?<\/a:p>/gs)].map((m) => m[0]);
      expect(paragraphs.length).toBeGreaterThanOrEqual(5);
      for (const paragraph of paragraphs) expect(paragraph.includes('rtl="1"'), paragraph).toBe(rtl);
    });
  });

  it('writes paragraphs the schema accepts: at most one <a:pPr>, first (PowerPoint repairs anything else)', async () => {
    const { files, part } = await unpack(lang);
    const parts = Object.keys(files).filter((name) => /^ppt\/(slides|notesSlides)\/\w+\.xml$/.test(name));
    for (const name of parts)
      for (const [paragraph] of part(name).matchAll(/<a:p>.*?<\/a:p>/gs)) {
        const count = paragraph.match(/<a:pPr\b/g)?.length ?? 0;
        expect(count, `${name}: ${paragraph}`).toBeLessThanOrEqual(1);
        if (count) expect(paragraph.startsWith('<a:p><a:pPr'), `${name}: ${paragraph}`).toBe(true);
      }
    // Solid backgrounds carry their (empty) effect list.
    for (const name of parts)
      for (const [bg] of part(name).matchAll(/<p:bgPr>.*?<\/p:bgPr>/gs)) expect(bg).toContain('<a:effectLst/>');
  });

  it('places each map picture inside the 16:9 slide at its own aspect ratio, on the start side', async () => {
    const { files, part } = await unpack(lang);
    const box = { w: MAP_BOX.width * EMU, h: MAP_BOX.height * EMU };
    SIZES.forEach(([width, height], i) => {
      const xml = part(`ppt/slides/slide${i + 2}.xml`);
      const pic = xml.match(/<p:pic>.*?<\/p:pic>/s)![0];
      const [, x, y] = pic.match(/<a:off x="(\d+)" y="(\d+)"\/>/)!.map(Number);
      const [, cx, cy] = pic.match(/<a:ext cx="(\d+)" cy="(\d+)"\/>/)!.map(Number);
      expect(cx! / cy!).toBeCloseTo(width / height, 2);
      // Contained in the map box: one side fills it.
      expect(cx!).toBeLessThanOrEqual(box.w + 1);
      expect(cy!).toBeLessThanOrEqual(box.h + 1);
      expect(Math.max(cx! / box.w, cy! / box.h)).toBeCloseTo(1, 3);
      expect(x! + cx!).toBeLessThanOrEqual(SLIDE.width * EMU);
      expect(y! + cy!).toBeLessThanOrEqual(SLIDE.height * EMU);
      const centre = x! + cx! / 2;
      expect(centre > (SLIDE.width * EMU) / 2).toBe(rtl);
      // The picture is the PNG given, byte for byte.
      const rels = part(`ppt/slides/_rels/slide${i + 2}.xml.rels`);
      const embed = pic.match(/r:embed="(rId\d+)"/)![1];
      const target = rels.match(new RegExp(`Id="${embed}"[^>]*Target="\\.\\./media/([^"]+)"`))![1]!;
      const media = files[`ppt/media/${target}`]!;
      const image = PNG.sync.read(Buffer.from(media));
      expect([image.width, image.height]).toEqual([width, height]);
    });
  });

  it('gives each scene its sources as a footnote and in full in the speaker notes', async () => {
    const { files, part } = await unpack(lang);
    const notes = Object.keys(files).filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name));
    expect(notes.length).toBeGreaterThanOrEqual(SIZES.length);
    const scenes = input(lang).slides;
    scenes.forEach((scene, i) => {
      const slide = part(`ppt/slides/slide${i + 2}.xml`);
      const note = part(`ppt/notesSlides/notesSlide${i + 2}.xml`);
      expect(note).toContain(xmlText(scene.caption));
      // One paragraph per line, tagged and directed like the slide.
      const caption = paragraphsWith(note, scene.caption)[0]!;
      expect(caption).toContain(`<a:rPr lang="${tag}"`);
      expect(caption.includes('rtl="1"')).toBe(rtl);
      expect(note).not.toMatch(/<a:t>[^<]*\n/);
      for (const source of scene.sources) {
        expect(slide).toContain(xmlText(source.label));
        expect(note).toContain(xmlText(source.label));
        if (source.date) expect(note).toContain(xmlText(source.date));
        if (source.url) expect(note).toContain(xmlText(source.url));
      }
      // Footnote and legend at 12 pt or more.
      const footnote = paragraphsWith(slide, scene.sources[0]!.label)[0]!;
      expect(Number(footnote.match(/sz="(\d+)"/)![1])).toBeGreaterThanOrEqual(1200);
      // Each source is a paragraph of its own in the footnote (the first after the heading).
      expect(footnote).toContain(xmlText(t(lang, 'deck.sources')));
      for (const [k, source] of scene.sources.entries()) {
        const [paragraph, ...more] = paragraphsWith(slide, source.label).filter((p) => !p.includes('<a:buChar'));
        expect(more).toEqual([]);
        for (const other of scene.sources) if (other !== source) expect(paragraph).not.toContain(xmlText(other.label));
        expect(paragraph!.includes(xmlText(t(lang, 'deck.sources')))).toBe(k === 0);
      }
    });
  });

  it('closes with every source once, with its date and link', async () => {
    const { part } = await unpack(lang);
    const xml = part(`ppt/slides/slide${SIZES.length + 2}.xml`);
    const rels = part(`ppt/slides/_rels/slide${SIZES.length + 2}.xml.rels`);
    for (const n of [1, 2]) {
      const source = text.source(n);
      expect(paragraphsWith(xml, source.label)).toHaveLength(1);
      expect(paragraphsWith(xml, source.label)[0]).toContain(xmlText(source.date));
      expect(rels).toContain(source.url);
    }
    expect(paragraphsWith(xml, 'Ref 1')).toHaveLength(1);
    expect(paragraphsWith(xml, 'Ref 2')).toHaveLength(1);
  });

  it("links each source by a short run of the site's name on its own line, not the whole title", async () => {
    // LibreOffice lays a linked run out as one unbreakable field: a linked title longer than a line
    // broke mid-word, and in a right-to-left paragraph ran past the slide's left edge.
    const { part } = await unpack(lang);
    const xml = part(`ppt/slides/slide${SIZES.length + 2}.xml`);
    const linked = [
      ...xml.matchAll(/<a:r>(?:(?!<\/a:r>).)*?<a:hlinkClick(?:(?!<\/a:r>).)*?<a:t>([^<]*)<\/a:t><\/a:r>/gs),
    ];
    expect(linked.length).toBe(2);
    for (const [, value] of linked) expect(value).toBe('example.org');
    for (const n of [1, 2]) {
      const paragraph = paragraphsWith(xml, text.source(n).label)[0]!;
      expect(paragraph).toMatch(/<a:br\/><a:r>(?:(?!<\/a:r>).)*?<a:hlinkClick/s);
    }
  });
});

describe('buildDeck: the theme on screen', () => {
  const rgb = (colour: string) => colour.slice(1).toUpperCase();
  const slideXml = (files: Record<string, Uint8Array>) =>
    Object.keys(files)
      .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .map((name) => strFromU8(files[name]!));

  it.each([
    ['dark', DARK_THEME],
    ['projector', PROJECTOR_THEME],
  ] as const)("%s: every slide on the theme's page, its text in the theme's label colours", async (_, theme) => {
    const files = unzipSync(await buildDeck({ ...input('fa'), theme }));
    const slides = slideXml(files);
    expect(slides).toHaveLength(SIZES.length + 2);
    for (const xml of slides) {
      const background = xml.match(/<p:bg>.*?<\/p:bg>/s)![0];
      expect(background).toContain(`<a:srgbClr val="${rgb(theme.land)}"/>`);
      // Every run is coloured, in the theme's label colours (or a legend swatch's).
      const colours = [...xml.matchAll(/<a:rPr[^>]*>(?:(?!<\/a:rPr>).)*?<a:srgbClr val="([0-9A-F]{6})"/gs)].map(
        (m) => m[1],
      );
      expect(colours.length).toBeGreaterThan(0);
      expect(colours).toContain(rgb(theme.placeLabelText));
      expect(colours).not.toContain('2B2823');
    }
    // The attribution in the theme's secondary label colour, the links in the text's.
    expect(slides[1]).toMatch(
      new RegExp(`<a:srgbClr val="${rgb(theme.labelText)}"/>(?:(?!</a:r>).)*<a:t>Natural Earth<`, 's'),
    );
    const themeXml = strFromU8(files['ppt/theme/theme1.xml']!);
    expect(themeXml).toContain(`<a:hlink><a:srgbClr val="${rgb(theme.placeLabelText)}"/></a:hlink>`);
  });

  it('mixes a translucent legend colour over the dark page, as it looks there', async () => {
    const deck = input('en');
    deck.slides[0]!.legend = [{ label: 'Energy', colour: 'rgba(200, 100, 0, 0.5)' }];
    const files = unzipSync(await buildDeck({ ...deck, theme: DARK_THEME }));
    const xml = strFromU8(files['ppt/slides/slide2.xml']!);
    // (200 + 42) / 2, (100 + 41) / 2, (0 + 39) / 2, rounded: over #2a2927 (over white it would be E4B280).
    expect(xml).toMatch(/<a:srgbClr val="794714"\/>(?:(?!<\/a:r>).)*<a:t>■ <\/a:t>/s);
  });

  it('keeps white slides with dark text when no theme or the light one is given', async () => {
    const slides = slideXml(unzipSync(await buildDeck(input('en'))));
    for (const xml of slides) expect(xml.match(/<p:bg>.*?<\/p:bg>/s)![0]).toContain('<a:srgbClr val="FFFFFF"/>');
  });
});

describe('buildDeck: the current view as one slide', () => {
  it('writes three slides', async () => {
    const one = { ...input('en'), slides: input('en').slides.slice(0, 1) };
    const files = unzipSync(await buildDeck(one));
    expect(Object.keys(files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))).toHaveLength(3);
  });
});

// For scripts/check-deck.ts (LibreOffice): DECK_OUT=/tmp/decks writes both sample decks with what
// their PDFs must show. Registered only then, so a normal run lists no skipped tests.
if (process.env['DECK_OUT'])
  describe('sample decks for scripts/check-deck.ts', () => {
    it.each(['fa', 'en'] as const)('writes %s', async (lang) => {
      const dir = process.env['DECK_OUT']!;
      fs.mkdirSync(dir, { recursive: true });
      const deck = input(lang);
      fs.writeFileSync(path.join(dir, `deck-${lang}.pptx`), await buildDeck(deck));
      const texts = [deck.title, ...deck.slides.flatMap((slide) => [slide.title, slide.caption])];
      fs.writeFileSync(
        path.join(dir, `deck-${lang}.expect.json`),
        JSON.stringify({ pages: deck.slides.length + 2, texts }),
      );
    });
  });
