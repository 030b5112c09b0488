// Build plugin: writes a Content-Security-Policy <meta> into the app's index.html, and in the single-file build
// allows its inlined <script>/<style> by their sha256 hashes (never 'unsafe-inline' or 'unsafe-eval').
//
// A <meta> policy is what a file:// page and any static host get. It cannot carry `frame-ancestors`
// (browsers ignore that directive in a meta): the atlas is meant to be embedded, so we leave framing open;
// a host that wants to restrict who may embed it should send `Content-Security-Policy: frame-ancestors ...`
// (and may send this whole policy) as an HTTP header.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export type Directives = Record<string, string[]>;

/**
 * The served build: everything from its own origin, nothing inline. Styles set through CSSOM (element.style) need
 * nothing more; the only other source in use is data: images (the icons in maplibre's CSS). Measured, not guessed:
 * the browser test runs every main feature under this policy and fails on any violation.
 */
export const PRODUCTION_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'worker-src': ["'self'"],
  // blob: reads back the app's own exports (a PNG being saved); nothing leaves the page through it.
  'connect-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * The single file loads nothing by URL: its one script and one style are allowed by hash, the font and maplibre's
 * icons are data: URLs, and workers are blob: URLs (Vite's inline import worker; it falls back to data:). maplibre,
 * on the opaque origin of a file:// page, fetches its worker's source from the blob: URL we give it
 * (src/map/worker-url.ts) and starts the worker from a data: URL: hence connect-src blob: and worker-src data:.
 */
export function singleFileDirectives(scriptHashes: string[], styleHashes: string[]): Directives {
  return {
    'default-src': ["'none'"],
    'script-src': scriptHashes,
    'style-src': styleHashes,
    'img-src': ['data:'],
    'font-src': ['data:'],
    'worker-src': ['blob:', 'data:'],
    'connect-src': ['blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
}

/**
 * Opting into an online basemap (VITE_BASEMAP_STYLE_URL) means fetching its style, tiles, glyphs and sprites from hosts
 * the style names, over https; maplibre may decode fetched images through blob: URLs.
 */
export function withOnlineBasemap(directives: Directives): Directives {
  return {
    ...directives,
    'connect-src': [...(directives['connect-src'] ?? []), 'https:'],
    'img-src': [...(directives['img-src'] ?? []), 'blob:', 'https:'],
  };
}

export function policyString(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => {
      if (sources.length === 0) throw new Error(`CSP directive ${name} has no sources (use 'none')`);
      if (sources.some((s) => /unsafe-(inline|eval|hashes)/.test(s)))
        throw new Error(`CSP directive ${name} must not loosen the policy: ${sources.join(' ')}`);
      return `${name} ${sources.join(' ')}`;
    })
    .join('; ');
}

/** The CSP source for an inline element's text, hashed as the browser does (UTF-8, after the HTML parser's newline normalisation). */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
}

/** Hash sources for the text of every inline <script> or <style> in `html` (external scripts have no text to hash). */
export function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const element = (name: string) => new RegExp(`<${name}\\b([^>]*)>([\\s\\S]*?)</${name}>`, 'gi');
  // Script text may hold "<style" in a string (and a script's own "</script" is escaped): look for styles outside scripts.
  const scope = tag === 'style' ? html.replace(element('script'), '') : html;
  const hashes = [...scope.matchAll(element(tag))]
    .filter((m) => !/\ssrc\s*=/i.test(m[1] ?? ''))
    .map((m) => sha256Source(m[2] ?? ''));
  return [...new Set(hashes)];
}

/** Puts the policy right after <meta charset>: a meta policy only covers what the parser meets after it. */
export function injectCspMeta(html: string, policy: string): string {
  if (/http-equiv\s*=\s*["']?content-security-policy/i.test(html)) throw new Error('index.html already has a CSP meta');
  const charset = /<meta\s+charset[^>]*>/i.exec(html);
  if (!charset) throw new Error('index.html has no <meta charset> to put the CSP after');
  const at = charset.index + charset[0].length;
  const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}" />`;
  return html.slice(0, at) + meta + html.slice(at);
}

/** The single file's policy, for HTML whose scripts and styles are all inlined already. */
export function singleFilePolicy(html: string): string {
  if (/<script\b[^>]*\ssrc\s*=/i.test(html) || /<link\b[^>]*rel="?(stylesheet|modulepreload)/i.test(html)) {
    throw new Error(
      'CSP: the single file still links scripts or styles; this plugin must run after vite-plugin-singlefile',
    );
  }
  const scripts = inlineHashes(html, 'script');
  const styles = inlineHashes(html, 'style');
  if (scripts.length === 0) throw new Error('CSP: no inline script found in the single file');
  return policyString(singleFileDirectives(scripts, styles.length > 0 ? styles : ["'none'"]));
}

/**
 * Adds the policy to the app's index.html only (not bench/bare/, which is not the app). It patches the final HTML in
 * generateBundle, ordered after vite-plugin-singlefile (both `post`; list this plugin after it), so the hashes are of
 * the code as shipped. Build only: the dev server injects inline styles and a websocket this policy would refuse.
 */
export function cspPlugin(options: { single: boolean }): Plugin {
  let onlineBasemap = false;
  return {
    name: 'corridor-atlas:csp',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      onlineBasemap = Boolean(config.env['VITE_BASEMAP_STYLE_URL']);
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const asset = bundle['index.html'];
        if (!asset || asset.type !== 'asset') throw new Error('CSP: index.html is not in the bundle');
        const html = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        const policy = options.single
          ? singleFilePolicy(html)
          : policyString(onlineBasemap ? withOnlineBasemap(PRODUCTION_DIRECTIVES) : PRODUCTION_DIRECTIVES);
        asset.source = injectCspMeta(html, policy);
      },
    },
  };
}
