// A story printed through the browser (and so saved as PDF): one landscape page per scene with the
// map picture, the story's name and scene number, the scene's title and caption, its sources and the
// attribution. The pages are a print-only container (`.print-story`, laid out by the print section
// of app.css, which hides the app while `html.printing-story` is set); the pictures are the deck's
// (the map alone, redrawn at 2× by the offscreen renderer, in the theme on screen) as data: URLs, the
// only image URLs both CSPs allow. The container goes once printing ends (`afterprint`).
// Browser only; loaded on demand.
import { dirOf, t, tf, type Lang } from '../../core/i18n/i18n.ts';
import { el } from '../../ui/dom.ts';
import type { DeckSlide, DeckSource } from './deck.ts';

export const PRINT_CLASS = 'printing-story';

export interface PrintInput {
  lang: Lang;
  storyTitle: string;
  /** "Data as of …", already formatted. */
  dataDate: string;
  slides: DeckSlide[];
}

function dataUrl(png: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the scene picture'));
    reader.readAsDataURL(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
  });
}

const sourceText = (source: DeckSource) => (source.date ? `${source.label}, ${source.date}` : source.label);

/** The sources line: "Sources: a, date; b" or the localized "nothing sourced" note. */
export function sourcesLine(lang: Lang, sources: DeckSource[]): string {
  if (sources.length === 0) return t(lang, 'deck.noSources');
  const separator = lang === 'fa' ? '؛ ' : '; ';
  return `${t(lang, 'deck.sources')}: ${sources.map(sourceText).join(separator)}`;
}

async function scenePage(input: PrintInput, slide: DeckSlide, index: number): Promise<HTMLElement> {
  const { lang, slides } = input;
  const image = el('img', {
    className: 'print-map',
    attrs: { alt: slide.title, width: String(slide.image.width), height: String(slide.image.height) },
  });
  image.src = await dataUrl(slide.image.data);
  // Printing starts only once every picture is decoded, or the page would print blank.
  await image.decode();
  return el(
    'article',
    { className: 'print-page', attrs: { 'data-scene': String(index + 1) } },
    el('p', {
      className: 'print-story-line',
      text: `${input.storyTitle} · ${tf(lang, 'story.sceneOf', { n: index + 1, count: slides.length })}`,
    }),
    el('h2', { className: 'print-title', text: slide.title }),
    image,
    el('p', { className: 'print-caption', text: slide.caption }),
    el('p', { className: 'print-sources', text: sourcesLine(lang, slide.sources) }),
    el('p', { className: 'print-footer', text: `${slide.attribution} · ${input.dataDate}` }),
  );
}

/** Builds the print container (replacing any left from an earlier print) and adds it to the page. */
export async function buildPrintPages(input: PrintInput): Promise<HTMLElement> {
  removePrintPages();
  const pages = await Promise.all(input.slides.map((slide, index) => scenePage(input, slide, index)));
  const container = el(
    'section',
    { className: 'print-story', attrs: { lang: input.lang, dir: dirOf(input.lang) } },
    ...pages,
  );
  document.body.append(container);
  document.documentElement.classList.add(PRINT_CLASS);
  return container;
}

export function removePrintPages(): void {
  document.querySelectorAll('.print-story').forEach((node) => node.remove());
  document.documentElement.classList.remove(PRINT_CLASS);
}

/**
 * Opens the browser's print dialog for the pages and removes them when printing ends. Chromium's
 * `print()` returns once the dialog closes; elsewhere it may return at once, so the pages stay until
 * `afterprint`.
 */
export function printPages(): void {
  window.addEventListener('afterprint', removePrintPages, { once: true });
  window.print();
}
