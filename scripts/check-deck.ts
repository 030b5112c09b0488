// `npx tsx scripts/check-deck.ts deck.pptx [--pages N] [--text "…"]…`: opens a deck exported by the
// atlas in LibreOffice Impress (headless), converts it to PDF, and checks the page count and that
// each expected text is in the PDF's text (pdftotext). LibreOffice refuses or repairs a broken
// package instead of converting it, so a clean conversion with the right pages is the check that
// the file opens. Expectations may also come from `<deck>.expect.json` beside the deck
// (`{ "pages": 5, "texts": ["…"] }`); the unit tests write one with their sample decks when
// DECK_OUT is set: `DECK_OUT=/tmp/decks npx vitest run --project unit tests/unit/story-export`.
// Needs `soffice` (libreoffice-impress) and `pdftotext`/`pdfinfo` (poppler-utils); not part of npm test.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Expectation {
  pages?: number;
  texts: string[];
}

/** Compares text as a PDF gives it back: compatibility forms folded (Arabic presentation forms to
 * letters), ZWNJ, direction marks and all whitespace removed (line breaks fall anywhere). */
export function foldPdfText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00A0\u200B-\u200F\u202A-\u202E\u2066-\u2069]+/g, '');
}

const ARABIC = /[\u0600-\u06FF]/;

/**
 * Right-to-left text does not come back from a PDF in order: pdftotext places runs of digits,
 * Latin and punctuation by their position on the page, and LibreOffice puts a letter with a
 * combining mark (the hamza of «صحنهٔ») in a span of its own. So Persian text is checked word by
 * word: every word of letters or digits must be in the PDF, except words with a combining mark.
 */
export function missingWords(expected: string, pdfText: string): string[] {
  const words = (text: string) => text.normalize('NFKC').match(/[\p{L}\p{M}\p{Nd}]+/gu) ?? [];
  const found = new Set(words(pdfText.replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, ' ')));
  return words(expected).filter((word) => !/\p{M}/u.test(word) && !found.has(word));
}

function parseArgs(argv: string[]): { deck: string; expect: Expectation } {
  const expect: Expectation = { texts: [] };
  let deck: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--pages') expect.pages = Number(argv[++i]);
    else if (arg === '--text') expect.texts.push(argv[++i] ?? '');
    else deck = arg;
  }
  if (!deck) throw new Error('usage: tsx scripts/check-deck.ts deck.pptx [--pages N] [--text "…"]…');
  const sidecar = deck.replace(/\.pptx$/i, '.expect.json');
  if (fs.existsSync(sidecar)) {
    const file = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as Partial<Expectation>;
    expect.pages ??= file.pages;
    expect.texts.push(...(file.texts ?? []));
  }
  return { deck, expect };
}

function main(): number {
  const { deck, expect } = parseArgs(process.argv.slice(2));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'check-deck-'));
  const started = Date.now();
  // A profile of its own: no clash with a running LibreOffice, no first-start dialogs.
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', out, deck],
    { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 },
  );
  const pdf = path.join(out, `${path.basename(deck).replace(/\.pptx$/i, '')}.pdf`);
  if (!fs.existsSync(pdf)) {
    console.error(`check-deck: LibreOffice wrote no PDF for ${deck}`);
    return 1;
  }
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1]);
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const text = foldPdfText(raw);
  const problems: string[] = [];
  if (expect.pages !== undefined && pages !== expect.pages) problems.push(`${pages} pages, expected ${expect.pages}`);
  for (const expected of expect.texts) {
    if (!ARABIC.test(expected)) {
      if (!text.includes(foldPdfText(expected))) problems.push(`text not found in the PDF: ${expected}`);
      continue;
    }
    const missing = missingWords(expected, raw);
    if (missing.length) problems.push(`words not found in the PDF: ${missing.join(' ')} (of: ${expected})`);
  }
  console.log(
    `check-deck: ${deck} → ${pdf}: ${pages} pages, ${expect.texts.length} texts checked, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  if (!problems.length) console.log('  ✓ opens in LibreOffice Impress, pages and texts as expected');
  return problems.length ? 1 : 0;
}

process.exitCode = main();
