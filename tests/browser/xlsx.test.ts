// An Excel workbook of two sheets through the import dialog in real Chromium: the sheet picker, a
// sheet refused for its merged header with its own message, and the chosen sheet's rows and report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedPage } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { workbook } from '../unit/import/xlsx-fixture.ts';

const browser = useBrowser();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-xlsx-'));

describe('workbook import', () => {
  let opened: OpenedPage;
  let page: Page;
  beforeAll(async () => {
    opened = await openApp(browser(), `${inject('baseUrl')}?lang=en`, { width: 1280, height: 800 });
    page = opened.page;
  });
  afterAll(async () => {
    await page?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('picks a sheet of a two-sheet workbook and imports it with its row report', async () => {
    const file = path.join(tmp, 'trade.xlsx');
    const serial = Date.UTC(2025, 10, 9) / 86_400_000 + 25569;
    const book = workbook([
      {
        name: 'report',
        rows: [
          ['origin', null, 'value'],
          ['Fars', 'KAZ', 1],
        ],
        merges: ['A1:B1'],
      },
      {
        name: 'flows',
        rows: [
          ['مبدأ', 'مقصد', 'مقدار', 'تاریخ'],
          ['تهران', 'KAZ', '۱۲٬۳۴۵', '۱۴۰۳/۰۱/۱۵'],
          ['Isfahan', 'UZB', 1500, { serial }],
          ['Atlantis', 'KAZ', 1, null],
        ],
      },
    ]);
    fs.writeFileSync(file, book);
    await page.click('#import-open');
    await page.waitForSelector('#import-file', { state: 'attached' });
    await page.setInputFiles('#import-file', file);
    // Several sheets: the picker, on the first sheet that can be imported.
    await page.waitForSelector('#import-sheet');
    expect(await page.$$eval('#import-sheet option', (o) => o.map((x) => x.textContent))).toEqual(['report', 'flows']);
    expect(await page.inputValue('#import-sheet')).toBe('1');
    await page.selectOption('#import-sheet', '0');
    expect(await page.textContent('#import-sheet-problem')).toContain('merged cells');
    expect(await page.isDisabled('#import-start')).toBe(true);
    await page.selectOption('#import-sheet', '1');
    expect(await page.inputValue('#map-origin')).toBe('0');
    expect(await page.isDisabled('#import-start')).toBe(false);
    await page.click('#import-start');
    await page.waitForSelector('#import-summary', { timeout: 60_000 });
    expect(await page.textContent('#import-summary')).toBe('2 rows imported, 1 skipped.');
    expect(await page.$$eval('#import-errors tbody td', (cells) => cells.map((c) => c.textContent))).toEqual([
      '4',
      'Origin not recognised',
      'Atlantis',
    ]);
    expect(await page.textContent('#import-datasets')).toContain('trade.xlsx');
    expect(opened.errors).toEqual([]);
  });
});
