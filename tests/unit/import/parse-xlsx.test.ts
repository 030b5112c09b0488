import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseXlsx, previewXlsx } from '../../../src/worker/parse-xlsx.ts';
import { mergedRanges, unescapeXml, unzipWorkbook, workbookInfo } from '../../../src/worker/xlsx-archive.ts';
import { XLSX_LIMITS, type ImportResult } from '../../../src/core/import-types.ts';
import { GAZETTEER } from './gazetteer-fixture.ts';
import { declaredSizeBomb, workbook, workbookParts, type FixtureSheet } from './xlsx-fixture.ts';

const DAY_MS = 86_400_000;
/** An Excel serial (1900 system) for a UTC day. */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS + 25569;

const NOTES: FixtureSheet = { name: 'یادداشت', rows: [['توضیح'], ['این کاربرگ داده ندارد']] };
const FLOWS: FixtureSheet = {
  name: 'جریان‌ها ۱۴۰۳',
  rows: [
    ['مبدأ', 'مقصد', 'مقدار', 'تاریخ', 'بخش'],
    ['تهران', 'KAZ', '۱۲٬۳۴۵', '۱۴۰۳/۰۱/۱۵', 'mining'],
    ['Isfahan', 'UZB', 1500.5, { serial: serial(2025, 11, 9) }, null],
    ['Atlantis', 'KAZ', 1, null, null],
    ['Fars', 'KAZ', 'abc', null, null],
    [],
    ['Fars', 'KAZ', '٣٠٠', '1404/13/01', null],
    ['Gilan', null, '۷', 2025, null],
  ],
};

function ok(result: ImportResult | { failure: string }): ImportResult {
  if ('failure' in result) throw new Error(`import failed: ${result.failure}`);
  return result;
}

describe('previewXlsx', () => {
  it('lists every sheet with its own headers and mapping, the first with an origin column up front', async () => {
    const preview = await previewXlsx(workbook([NOTES, FLOWS]));
    if ('failure' in preview) throw new Error(preview.failure);
    expect(preview.sheets?.map((s) => s.name)).toEqual(['یادداشت', 'جریان‌ها ۱۴۰۳']);
    expect(preview.sheets?.[0]?.mapping.origin).toBeUndefined();
    expect(preview.sheets?.[1]?.mapping).toMatchObject({ origin: 0, destination: 1, value: 2, date: 3, sector: 4 });
    expect(preview).toMatchObject({ headers: FLOWS.rows[0], mapping: { origin: 0, sheet: 1 }, delimiter: '' });
    // A date cell shows as the day it is; the blank row is left out.
    expect(preview.rows[1]).toEqual(['Isfahan', 'UZB', '1500.5', '2025-11-09', '']);
    expect(preview.rows).toHaveLength(6);
  });
});

describe('parseXlsx', () => {
  it('imports the chosen sheet: Persian and Arabic digits, Jalali text, Excel date serials, per-row errors', async () => {
    const preview = await previewXlsx(workbook([NOTES, FLOWS]));
    if ('failure' in preview) throw new Error(preview.failure);
    const progress: number[] = [];
    const result = ok(
      await parseXlsx(workbook([NOTES, FLOWS]), { ...preview.sheets![1]!.mapping, sheet: 1 }, GAZETTEER, (f) =>
        progress.push(f),
      ),
    );
    expect(result.rows.count).toBe(3);
    expect([...result.rows.rowNumbers]).toEqual([2, 3, 8]); // the sheet's own row numbers
    expect(result.rows.originNames).toEqual(['IR-23', 'IR-10', 'IR-01']);
    expect([...result.rows.values]).toEqual([12345, 1500.5, 7]);
    expect([...result.rows.dates]).toEqual([Date.UTC(2024, 3, 3), Date.UTC(2025, 10, 9), Date.UTC(2025, 0, 1)]);
    expect(result.rows.sectors[0]).toBe(GAZETTEER.sectors.findIndex((s) => s.id === 'mining'));
    expect(result.errors).toEqual([
      { row: 4, reason: 'origin-unknown', detail: 'Atlantis' },
      { row: 5, reason: 'value-invalid', detail: 'abc' },
      { row: 7, reason: 'date-invalid', detail: '1404/13/01' },
    ]);
    expect(progress.at(-1)).toBe(1);
  });

  it('guesses the columns of the first sheet when no mapping is given', async () => {
    const result = ok(await parseXlsx(workbook([FLOWS, NOTES]), null, GAZETTEER));
    expect(result.rows.count).toBe(3);
  });

  it('gives each cell of a merged block in the data its value (an origin merged down its rows)', async () => {
    const sheet: FixtureSheet = {
      name: 'merged',
      rows: [
        ['origin', 'destination', 'value'],
        ['Fars', 'KAZ', 1],
        [null, 'UZB', 2],
        [null, 'TKM', 3],
      ],
      merges: ['A2:A4'],
    };
    const result = ok(await parseXlsx(workbook([sheet]), null, GAZETTEER));
    expect(result.rows.originNames).toEqual(['IR-07', 'IR-07', 'IR-07']);
    expect(result.errors).toEqual([]);
  });

  it('skips leading blank rows to the header, keeping the row numbers', async () => {
    const sheet: FixtureSheet = { name: 's', rows: [[], [null, null], ['origin', 'value'], ['Fars', 3]] };
    const result = ok(await parseXlsx(workbook([sheet]), null, GAZETTEER));
    expect([...result.rows.rowNumbers]).toEqual([4]);
  });
});

describe('hostile workbooks', () => {
  const merged: FixtureSheet = {
    name: 'report',
    rows: [
      ['origin', null, 'value'],
      ['Fars', 'KAZ', 1],
    ],
    merges: ['A1:B1'],
  };

  it('refuses a merged header with its own message, in the preview and the import', async () => {
    expect(await previewXlsx(workbook([merged]))).toEqual({ failure: 'xlsx-merged-header' });
    expect(await parseXlsx(workbook([merged]), null, GAZETTEER)).toEqual({ failure: 'xlsx-merged-header' });
    // Beside a good sheet, the preview marks the merged one and starts on the good one.
    const preview = await previewXlsx(workbook([merged, FLOWS]));
    if ('failure' in preview) throw new Error(preview.failure);
    expect(preview.sheets?.map((s) => s.failure)).toEqual(['xlsx-merged-header', undefined]);
    expect(preview.mapping.sheet).toBe(1);
  });

  it('refuses a zip bomb from its declared sizes, before inflating anything', async () => {
    const bytes = workbook([FLOWS]);
    const bomb = declaredSizeBomb(bytes, 'xl/worksheets/sheet1.xml', XLSX_LIMITS.maxUnpackedBytes + 1);
    expect(unzipWorkbook(bomb)).toEqual({ failure: 'xlsx-too-large' });
    expect(await parseXlsx(bomb, null, GAZETTEER)).toEqual({ failure: 'xlsx-too-large' });
    expect(await previewXlsx(bomb)).toEqual({ failure: 'xlsx-too-large' });
    // 4 GB declared (the most a zip entry can say without zip64) is refused the same way.
    expect(unzipWorkbook(declaredSizeBomb(bytes, 'xl/sharedStrings.xml', 0xfffffffe))).toEqual({
      failure: 'xlsx-too-large',
    });
    // The total counts, not only one part.
    expect(unzipWorkbook(bytes, { maxUnpackedBytes: 1000, maxEntries: 100 })).toEqual({ failure: 'xlsx-too-large' });
  });

  it('refuses a zip of too many entries', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`x${i}.bin`, new Uint8Array(1)])));
    expect(unzipWorkbook(many)).toEqual({ failure: 'xlsx-too-large' });
  });

  it('refuses bytes that are not a workbook as unreadable', async () => {
    const text = strToU8('origin,value\nFars,1\n');
    expect(await parseXlsx(text, null, GAZETTEER)).toEqual({ failure: 'xlsx-invalid' });
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]); // a legacy .xls
    expect(await previewXlsx(ole2)).toEqual({ failure: 'xlsx-invalid' });
    const bytes = workbook([FLOWS]);
    expect(await parseXlsx(bytes.slice(0, bytes.length >> 1), null, GAZETTEER)).toEqual({ failure: 'xlsx-invalid' });
    const notAWorkbook = zipSync({ 'readme.xml': strToU8('<a/>') });
    expect(await parseXlsx(notAWorkbook, null, GAZETTEER)).toEqual({ failure: 'xlsx-invalid' });
    const parts = workbookParts([FLOWS]);
    parts['xl/worksheets/sheet1.xml'] = strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c>');
    expect(await parseXlsx(zipSync(parts), null, GAZETTEER)).toEqual({ failure: 'xlsx-invalid' });
    // A part that inflates past its declared size is cut there, never grown: the sheet no longer parses.
    const lying = declaredSizeBomb(bytes, 'xl/worksheets/sheet1.xml', 40);
    expect(await parseXlsx(lying, null, GAZETTEER)).toMatchObject({
      failure: expect.stringMatching(/^xlsx-invalid|empty$/),
    });
    expect(await parseXlsx(workbook([FLOWS]), { origin: 0, sheet: 5 }, GAZETTEER)).toEqual({ failure: 'xlsx-invalid' });
  });
});

describe('workbook parts', () => {
  it('reads sheet names and paths, the 1904 flag, merged ranges and XML entities', () => {
    const parts = workbookParts([NOTES, { name: 'A & B <x>', rows: [['origin']] }]);
    expect(workbookInfo(parts)).toEqual({
      sheets: [
        { name: 'یادداشت', path: 'xl/worksheets/sheet1.xml' },
        { name: 'A & B <x>', path: 'xl/worksheets/sheet2.xml' },
      ],
      date1904: false,
    });
    expect(mergedRanges('<mergeCells><mergeCell ref="B2:AA10"/><mergeCell ref="C3"/></mergeCells>')).toEqual([
      { top: 1, left: 1, bottom: 9, right: 26 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
    expect(unescapeXml('&lt;&#1601;&#x6F1;&amp;&quot;')).toBe('<ف۱&"');
  });
});
