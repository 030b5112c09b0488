// The Content-Security-Policy in both builds (dist/ over http, dist-single/ from file://): the app's main features
// run with zero violations, the policy really blocks inline handlers, inline scripts and eval, and hostile values
// in every URL parameter never reach the DOM as HTML.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { useBrowser } from './shared-browser.ts';

interface Violation {
  directive: string;
  blocked: string;
}
declare global {
  interface Window {
    __csp?: Violation[];
    __pwned?: unknown;
  }
}

const SINGLE = path.resolve('dist-single/index.html');
const CSV = path.resolve('tests/fixtures/import/flows-valid.csv');
const browser = useBrowser();

interface Watched {
  page: Page;
  context: BrowserContext;
  /** Console lines (page and workers) that mention the CSP: how violations inside workers show up. */
  cspConsole: string[];
  errors: string[];
}

/** Opens `url` with every securitypolicyviolation recorded into window.__csp from the first script on. */
async function openWatched(url: string): Promise<Watched> {
  const context = await browser().newContext({
    viewport: { width: 1024, height: 640 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    locale: 'en-GB',
  });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__csp!.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
    );
  });
  const page = await context.newPage();
  const watched: Watched = { page, context, cspConsole: [], errors: [] };
  const onConsole = (message: ConsoleMessage) => {
    if (/content.security.policy/i.test(message.text())) watched.cspConsole.push(message.text());
  };
  page.on('console', onConsole);
  page.on('worker', (worker) => worker.on('console', onConsole));
  page.on('pageerror', (error) => watched.errors.push(String(error)));
  await page.goto(url);
  await page.waitForSelector('html[data-map-state="ready"]', { timeout: 120_000 });
  return watched;
}

const metaPolicy = (page: Page) =>
  page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  );

/** Table, import (worker), PNG export, a story, Share and a language switch, in one page. */
async function exerciseApp(page: Page): Promise<void> {
  await page.click('#table-toggle');
  await page.waitForSelector('#table-panel tbody tr');

  await page.click('#import-open');
  await page.waitForSelector('#import-file', { state: 'attached' });
  await page.setInputFiles('#import-file', CSV);
  await page.waitForSelector('#import-summary');
  expect(await page.evaluate(() => window.__atlas!.layerLength('imported-flows-1'))).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#import-dialog', { state: 'hidden' });

  const png = await page.evaluate(() => window.__atlas!.exportPng(1));
  expect(png.width).toBeGreaterThan(0);

  await page.click('#stories-toggle');
  await page.click('#stories-menu [data-story]');
  await page.waitForSelector('#story-bar:not([hidden])');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#story-bar', { state: 'hidden' });

  await page.click('#share-open');
  await page.waitForSelector('#share-dialog');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#share-dialog', { state: 'detached' });

  await page.click('#lang-switch');
  await page.waitForSelector('html[lang="fa"]');
  await page.waitForSelector('html[data-map-state="ready"]');
}

/** Tries an inline event handler, an inline <script> and both kinds of eval; returns what actually ran. */
async function attack(page: Page): Promise<{ ran: string[]; pwned: unknown; violations: Violation[] }> {
  // From a timer, not from page.evaluate itself: code that DevTools evaluates may always eval.
  const ran = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) =>
        setTimeout(() => {
          const ran: string[] = [];
          const img = document.createElement('img');
          img.setAttribute('onerror', 'window.__pwned = 1');
          img.src = 'data:,not-an-image';
          document.body.append(img);
          // createContextualFragment, unlike innerHTML, makes <script> runnable: only the policy stops it.
          document.body.append(document.createRange().createContextualFragment('<script>window.__pwned = 2</script>'));
          try {
            if (eval('1 + 1') === 2) ran.push('eval');
          } catch {
            /* blocked: EvalError */
          }
          try {
            if (new Function('return 2')() === 2) ran.push('Function');
          } catch {
            /* blocked: EvalError */
          }
          resolve(ran);
        }),
      ),
  );
  // Violation events are queued tasks, and the image fails to decode asynchronously.
  await page
    .waitForFunction(
      () => ['script-src-attr', 'script-src-elem'].every((d) => window.__csp!.some((v) => v.directive === d)),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(200);
  return {
    ran,
    pwned: await page.evaluate(() => window.__pwned),
    violations: await page.evaluate(() => window.__csp!),
  };
}

async function expectPolicyHolds(watched: Watched): Promise<void> {
  const { page } = watched;
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(watched.cspConsole).toEqual([]);
  expect(watched.errors).toEqual([]);

  const result = await attack(page);
  expect(result.ran).toEqual([]);
  expect(result.pwned).toBeUndefined();
  const seen = result.violations.map((v) => `${v.directive} ${v.blocked}`);
  expect(seen).toEqual(expect.arrayContaining(['script-src-attr inline', 'script-src-elem inline', 'script-src eval']));
}

describe('Content-Security-Policy, served build (dist/ over http)', () => {
  let watched: Watched;
  beforeAll(async () => {
    watched = await openWatched(`${inject('baseUrl')}?lang=en&select=IR-03`);
  });
  afterAll(async () => {
    await watched?.context.close();
  });

  it('is a meta policy that allows only the origin itself', async () => {
    const policy = await metaPolicy(watched.page);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('the main features run with zero violations, and inline handlers, inline scripts and eval are blocked', async () => {
    await exerciseApp(watched.page);
    await expectPolicyHolds(watched);
  });

  it('hostile values in every URL parameter load as text, with notices, and never as HTML', async () => {
    const payload = '<img src=x onerror=window.__pwned=1>"><script>window.__pwned=2</script>';
    const names = [
      'lang',
      'select',
      'layers',
      'sectors',
      'corridors',
      'time',
      'metric',
      'view',
      'title',
      'legend',
      'origins',
      'story',
      'scene',
      'bench',
      'n',
    ];
    const search = new URLSearchParams([['embed', '1'], ...names.map((name) => [name, payload])]);
    const hostile = await openWatched(`${inject('baseUrl')}?${search}`);
    try {
      const { page } = hostile;
      // Share builds an HTML snippet from the URL: open it too (its button is hidden in embed mode).
      await page.evaluate(() => document.getElementById('share-open')!.click());
      await page.waitForSelector('#share-dialog');
      const notices = await page.$$eval('#notices .notice', (nodes) =>
        nodes.map((node) => node.getAttribute('data-key')),
      );
      expect(notices).toEqual(
        expect.arrayContaining([
          'notice.badLang',
          'notice.badSelect',
          'notice.badLayers',
          'notice.badSectors',
          'notice.badCorridors',
          'notice.badTime',
          'notice.badMetric',
          'notice.badView',
        ]),
      );
      expect(await page.textContent('#embed-title')).toBe(payload.slice(0, 120));
      const dom = await page.evaluate(() => ({
        html: new XMLSerializer().serializeToString(document),
        handlers: document.querySelectorAll('[onerror], img[src="x"]').length,
        scripts: [...document.scripts].filter((script) => script.textContent?.includes('__pwned')).length,
      }));
      expect(dom.handlers).toBe(0);
      expect(dom.scripts).toBe(0);
      expect(dom.html).not.toContain('<img src="x"');
      expect(dom.html).not.toContain('<script>window.__pwned');
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(await page.evaluate(() => window.__csp)).toEqual([]);
      expect(hostile.cspConsole).toEqual([]);
      expect(hostile.errors).toEqual([]);
    } finally {
      await hostile.context.close();
    }
  });
});

describe('Content-Security-Policy, single file (dist-single/ from file://)', () => {
  let watched: Watched;
  beforeAll(async () => {
    if (!fs.existsSync(SINGLE))
      throw new Error('dist-single/index.html is missing: run `npm run build:single` first (npm test does).');
    watched = await openWatched(`${pathToFileURL(SINGLE).href}?lang=en&select=IR-03`);
  });
  afterAll(async () => {
    await watched?.context.close();
  });

  it('is a meta policy that allows its inlined script and style by hash only', async () => {
    const policy = await metaPolicy(watched.page);
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('the main features run with zero violations, and inline handlers, inline scripts and eval are blocked', async () => {
    await exerciseApp(watched.page);
    await expectPolicyHolds(watched);
  });
});
