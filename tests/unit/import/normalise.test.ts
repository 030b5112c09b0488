import { describe, expect, it } from 'vitest';
import {
  jalaliToUtc,
  normaliseKey,
  parseDate,
  parseNumber,
  toLatinDigits,
  toPlainText,
} from '../../../src/worker/normalise.ts';

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

describe('toLatinDigits', () => {
  it('turns Persian and Arabic-Indic digits into ASCII and leaves the rest', () => {
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toLatinDigits('سال ۱۴۰۴ AD')).toBe('سال 1404 AD');
  });
});

describe('parseNumber', () => {
  it('reads plain, Persian and Arabic numbers', () => {
    expect(parseNumber('42')).toBe(42);
    expect(parseNumber('-3.5')).toBe(-3.5);
    expect(parseNumber('۱۲۳۴٫۵')).toBe(1234.5);
    expect(parseNumber('٣٤٥')).toBe(345);
    expect(parseNumber('1e3')).toBe(1000);
  });

  it('drops thousands separators and spaces', () => {
    expect(parseNumber('1,234,567')).toBe(1234567);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('۱٬۲۵۰')).toBe(1250);
    expect(parseNumber('1 000 000')).toBe(1_000_000);
    expect(parseNumber('1\u00A0000')).toBe(1000);
    expect(parseNumber(' 12 ')).toBe(12);
  });

  it('reads a leading minus sign and a lone decimal comma', () => {
    expect(parseNumber('\u22125')).toBe(-5);
    expect(parseNumber('12,5')).toBe(12.5);
  });

  it('is NaN for empty, non-numeric, NaN and infinite text', () => {
    for (const text of ['', '  ', 'abc', '12abc', 'NaN', 'Infinity', '-Infinity', '1e999', '1,23,4', '--1', '1.2.3']) {
      expect(parseNumber(text), text).toBeNaN();
    }
  });
});

describe('parseDate', () => {
  it('reads ISO days, months and years', () => {
    expect(parseDate('2025-11-09')).toBe(utc(2025, 11, 9));
    expect(parseDate('2025/11/09')).toBe(utc(2025, 11, 9));
    expect(parseDate('2025-11')).toBe(utc(2025, 11, 1));
    expect(parseDate('2025')).toBe(utc(2025, 1, 1));
    expect(parseDate('2025-11-09T13:45:00Z')).toBe(utc(2025, 11, 9));
    expect(parseDate('۲۰۲۵-۱۱-۰۹')).toBe(utc(2025, 11, 9));
  });

  it('reads years before 1700 as Jalali', () => {
    expect(parseDate('1404/01/01')).toBe(utc(2025, 3, 21));
    expect(parseDate('1403/12/30')).toBe(utc(2025, 3, 20));
    expect(parseDate('1399/12/30')).toBe(utc(2021, 3, 20));
    expect(parseDate('1404/08/18')).toBe(utc(2025, 11, 9));
    expect(parseDate('۱۴۰۴/۰۸/۱۸')).toBe(utc(2025, 11, 9));
    expect(parseDate('1404')).toBe(utc(2025, 3, 21));
    expect(parseDate('1400/01/01')).toBe(utc(2021, 3, 21));
    expect(parseDate('1395/12/30')).toBe(utc(2017, 3, 20));
    expect(parseDate('1404/07/01')).toBe(utc(2025, 9, 23));
  });

  it('rejects days and months that do not exist', () => {
    for (const text of [
      '2025-02-29',
      '2024-13-01',
      '2025-04-31',
      '2025-00-10',
      '1402/12/30',
      '1404/13/01',
      '1404/07/31',
      '1404/00/01',
      '0000-01-01',
    ]) {
      expect(parseDate(text), text).toBeNaN();
    }
    expect(parseDate('2024-02-29')).toBe(utc(2024, 2, 29));
    expect(parseDate('1404/06/31')).not.toBeNaN();
  });

  it('rejects text that is not a date', () => {
    for (const text of ['', 'yesterday', '09/11/2025', '25-11-09', '2025-11-09x'])
      expect(parseDate(text), text).toBeNaN();
  });

  it('agrees with the Jalali calendar across a 33-year cycle', () => {
    // Each Jalali year has 365 or 366 days and 1 Farvardin falls on 20-22 March.
    for (let jy = 1370; jy < 1410; jy += 1) {
      const start = jalaliToUtc(jy, 1, 1);
      const next = jalaliToUtc(jy + 1, 1, 1);
      const days = (next - start) / 86_400_000;
      expect([365, 366]).toContain(days);
      expect(Number.isNaN(jalaliToUtc(jy, 12, 30))).toBe(days === 365);
      const d = new Date(start);
      expect(d.getUTCMonth()).toBe(2);
      expect(d.getUTCDate()).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('normaliseKey', () => {
  it('matches Arabic and Persian letter variants, case and ZWNJ', () => {
    expect(normaliseKey('آذربايجان شرقي')).toBe(normaliseKey('آذربایجان شرقی'));
    expect(normaliseKey('كرمان')).toBe(normaliseKey('کرمان'));
    expect(normaliseKey('حمل‌ونقل')).toBe(normaliseKey('حملونقل'));
    expect(normaliseKey('IR-03')).toBe(normaliseKey('ir 03'));
  });
});

describe('toPlainText', () => {
  it('keeps markup and bidi text verbatim, removes control characters, cuts long text', () => {
    expect(toPlainText('<b>x</b> متن', 500)).toBe('<b>x</b> متن');
    expect(toPlainText('a\u0007b\u001bc\u007fd\te', 500)).toBe('abcd\te');
    expect(toPlainText('one\r\ntwo\nthree', 500)).toBe('one two three');
    expect(toPlainText('x'.repeat(600), 500)).toHaveLength(500);
    expect(toPlainText(`${'x'.repeat(498)}😀z`, 500)).toBe(`${'x'.repeat(498)}…`);
  });
});
