// Locale-aware formatting of the dataset's numbers, quantities and dates: Persian digits and the
// Jalali calendar in fa, Western digits and the Gregorian calendar in en.
import type { Quantity, Vocabulary } from '../model/atlas.ts';
import { formatNumber, localeOf, t, type Lang } from './i18n.ts';

/** 5500 → "۵٬۵۰۰"; 50,000,000 → "۵۰ میلیون" / "50 million" (long compact form for millions). */
export function formatAmount(lang: Lang, value: number): string {
  if (Math.abs(value) >= 1_000_000) {
    return new Intl.NumberFormat(localeOf(lang), { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }).format(value);
  }
  return formatNumber(lang, value);
}

/** { value: 5500, unit: 'units', qualifier: 'over' } → "over 5,500 units" / "بیش از ۵٬۵۰۰ واحد". */
export function formatQuantity(lang: Lang, quantity: Quantity, vocabulary: Pick<Vocabulary, 'units' | 'qualifiers'>): string {
  const unit = vocabulary.units[quantity.unit]?.[lang] ?? quantity.unit;
  const qualifier = quantity.qualifier ? vocabulary.qualifiers[quantity.qualifier]?.[lang] : undefined;
  const amount = formatAmount(lang, quantity.value);
  if (quantity.unit === 'rank') return lang === 'fa' ? `رتبهٔ ${amount}` : `rank ${amount}`;
  const numberAndUnit = quantity.unit === 'percent' && lang === 'en' ? `${amount}%` : `${amount} ${unit}`;
  return qualifier ? `${qualifier} ${numberAndUnit}` : numberAndUnit;
}

/** "2025-10-22" → "۳۰ مهر ۱۴۰۴" in fa, "22 Oct 2025" in en; null → "undated". */
export function formatDate(lang: Lang, iso: string | null): string {
  if (!iso) return t(lang, 'date.undated');
  const date = new Date(`${iso}T12:00:00Z`);
  return new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatDateRange(lang: Lang, start: string | null, end?: string): string {
  if (!end || end === start) return formatDate(lang, start);
  return `${formatDate(lang, start)} – ${formatDate(lang, end)}`;
}

/** Kilometres, rounded: "۱٬۱۱۰ کیلومتر" / "1,110 km". */
export function formatKm(lang: Lang, km: number): string {
  return `${formatNumber(lang, Math.round(km), 0)} ${t(lang, 'unit.km')}`;
}
