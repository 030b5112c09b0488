// Share links and embed snippets: pure functions of the current URL and the chosen options.
import type { Lang } from '../core/i18n/i18n.ts';
import type { ThemeId } from '../core/theme.ts';

export interface EmbedOptions {
  /** No header or side panels: map, compact legend, attribution, optional title. */
  chromeless: boolean;
  lang: Lang;
  title: string;
  legend: boolean;
  /** The embed's colours; null follows the viewer's system. */
  theme: ThemeId | null;
}

/** The URL an iframe should load: the current state plus the embed options. */
export function embedUrl(currentUrl: string, options: EmbedOptions): string {
  const url = new URL(currentUrl);
  const params = url.searchParams;
  params.set('lang', options.lang);
  for (const key of ['embed', 'title', 'legend', 'theme']) params.delete(key);
  if (options.theme) params.set('theme', options.theme);
  if (options.chromeless) params.set('embed', '1');
  if (options.title.trim()) params.set('title', options.title.trim().slice(0, 120));
  if (!options.legend) params.set('legend', '0');
  url.search = params.toString().replace(/%2C/g, ',');
  return url.href;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A responsive 16:9 iframe snippet to paste into slides or pages. */
export function embedSnippet(currentUrl: string, options: EmbedOptions, fallbackTitle: string): string {
  const src = escapeAttribute(embedUrl(currentUrl, options));
  const title = escapeAttribute(options.title.trim() || fallbackTitle);
  return `<iframe src="${src}" title="${title}" style="width:100%;aspect-ratio:16/9;border:0" loading="lazy" allowfullscreen></iframe>`;
}
