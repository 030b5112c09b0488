// UI strings and locale-aware formatting. Every visible string goes through `t`.
import en from './locales/en.json';
import fa from './locales/fa.json';

export type Lang = 'fa' | 'en';
export const LANGS: readonly Lang[] = ['fa', 'en'];
export type MessageKey = keyof typeof en;

/** Both locale files, checked against each other by tests/unit/i18n.test.ts. */
export const MESSAGES: Record<Lang, Record<string, string>> = { fa, en };

export function isLang(value: unknown): value is Lang {
  return value === 'fa' || value === 'en';
}

export function t(lang: Lang, key: MessageKey): string {
  return MESSAGES[lang][key] ?? MESSAGES.en[key] ?? key;
}

export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'fa' ? 'rtl' : 'ltr';
}

/** BCP 47 tag for Intl: Persian digits and the Persian (Jalali) calendar in fa. */
export function localeOf(lang: Lang): string {
  return lang === 'fa' ? 'fa-IR-u-ca-persian-nu-arabext' : 'en-GB';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a number with the language's digits and grouping, e.g. 5500 → ۵٬۵۰۰ in fa. */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 1): string {
  const key = `${lang}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** `t` with `{name}` placeholders filled from `values` (numbers formatted for the language). */
export function tf(lang: Lang, key: MessageKey, values: Record<string, string | number>): string {
  return t(lang, key).replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    return value === undefined ? match : typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}
