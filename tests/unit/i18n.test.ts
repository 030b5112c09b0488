import { describe, expect, it } from 'vitest';
import { MESSAGES, dirOf, formatNumber, t } from '../../src/core/i18n/i18n.ts';

describe('locale files', () => {
  const fa = Object.keys(MESSAGES.fa).sort();
  const en = Object.keys(MESSAGES.en).sort();

  it('have the same keys in fa and en', () => {
    expect(
      fa.filter((key) => !en.includes(key)),
      'keys missing from en.json',
    ).toEqual([]);
    expect(
      en.filter((key) => !fa.includes(key)),
      'keys missing from fa.json',
    ).toEqual([]);
  });

  it('have no empty strings', () => {
    for (const lang of ['fa', 'en'] as const) {
      const empty = Object.entries(MESSAGES[lang]).filter(([, text]) => text.trim() === '');
      expect(empty, `empty strings in ${lang}.json`).toEqual([]);
    }
  });

  it('write Persian UI text in Persian script', () => {
    expect(t('fa', 'app.title')).toMatch(/[\u0600-\u06FF]/);
    expect(t('en', 'app.title')).not.toMatch(/[\u0600-\u06FF]/);
  });
});

describe('formatting', () => {
  it('uses Persian digits and grouping in fa, Western digits in en', () => {
    expect(formatNumber('fa', 5500)).toBe('۵٬۵۰۰');
    expect(formatNumber('en', 5500)).toBe('5,500');
  });

  it('sets the text direction per language', () => {
    expect(dirOf('fa')).toBe('rtl');
    expect(dirOf('en')).toBe('ltr');
  });
});
