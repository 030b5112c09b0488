// The build's Content-Security-Policy: policy strings, inline hashes as browsers compute them, and the meta injection.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  injectCspMeta,
  inlineHashes,
  policyString,
  PRODUCTION_DIRECTIVES,
  sha256Source,
  singleFilePolicy,
  withOnlineBasemap,
} from '../../scripts/vite-csp.ts';

const PAGE = (head: string) =>
  `<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8" />\n${head}\n  </head>\n  <body></body>\n</html>`;

describe('CSP policy', () => {
  it('production policy is strict: self only, no inline or eval, no plugins, no <base>, no form posts', () => {
    expect(policyString(PRODUCTION_DIRECTIVES)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "worker-src 'self'; connect-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('refuses to build a policy that loosens script or style, or has an empty directive', () => {
    expect(() => policyString({ 'script-src': ["'self'", "'unsafe-eval'"] })).toThrow(/must not loosen/);
    expect(() => policyString({ 'style-src': ["'unsafe-inline'"] })).toThrow(/must not loosen/);
    expect(() => policyString({ 'script-src': [] })).toThrow(/no sources/);
  });

  it('an online basemap (opt-in) adds https: to fetches and images only', () => {
    const online = withOnlineBasemap(PRODUCTION_DIRECTIVES);
    expect(online['connect-src']).toContain('https:');
    expect(online['img-src']).toContain('https:');
    expect(online['script-src']).toEqual(["'self'"]);
  });
});

describe('inline hashes', () => {
  it('hash the exact text as UTF-8 base64 sha256, with CRLF read as LF like the HTML parser', () => {
    const text = 'console.log("سلام")\n';
    const expected = `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`;
    expect(sha256Source(text)).toBe(expected);
    expect(sha256Source('a\r\nb\rc')).toBe(sha256Source('a\nb\nc'));
    // A known vector: sha256("") in base64.
    expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it('find every inline script and style, skip external scripts, and ignore "<style" inside script text', () => {
    const html = PAGE(
      '<script type="module" crossorigin>let s = "<style>x</style>";\\x3C/script></script>\n<script src="./a.js"></script>\n<style rel="stylesheet">a{b:c}</style>',
    );
    expect(inlineHashes(html, 'script')).toEqual([sha256Source('let s = "<style>x</style>";\\x3C/script>')]);
    expect(inlineHashes(html, 'style')).toEqual([sha256Source('a{b:c}')]);
  });

  it('the single-file policy allows exactly its inlined code by hash, loads nothing by URL, and never allows inline or eval', () => {
    const html = PAGE('<script type="module">boot()</script>\n<style>p{color:red}</style>');
    const policy = singleFilePolicy(html);
    expect(policy).toContain(`script-src ${sha256Source('boot()')};`);
    expect(policy).toContain(`style-src ${sha256Source('p{color:red}')};`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('img-src data:; font-src data:; worker-src blob: data:; connect-src blob:;');
    expect(policy).not.toMatch(/unsafe|'self'|https?:/);
  });

  it('the single-file policy refuses HTML that still links scripts or styles (plugin ran before inlining)', () => {
    expect(() => singleFilePolicy(PAGE('<script type="module" src="./main.js"></script>'))).toThrow(
      /after vite-plugin-singlefile/,
    );
    expect(() =>
      singleFilePolicy(PAGE('<script type="module">x</script><link rel="stylesheet" href="./a.css">')),
    ).toThrow(/after vite-plugin-singlefile/);
  });
});

describe('CSP meta', () => {
  it('goes right after <meta charset>, before any script, and only once', () => {
    const html = PAGE('    <script type="module" src="./main.js"></script>');
    const out = injectCspMeta(html, "default-src 'self'");
    const meta = out.indexOf('<meta http-equiv="Content-Security-Policy" content="default-src \'self\'" />');
    expect(meta).toBeGreaterThan(out.indexOf('<meta charset'));
    expect(meta).toBeLessThan(out.indexOf('<script'));
    expect(() => injectCspMeta(out, "default-src 'self'")).toThrow(/already/);
    expect(() => injectCspMeta('<html><head></head></html>', "default-src 'self'")).toThrow(/charset/);
  });
});
