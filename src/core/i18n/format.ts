// Locale-aware formatting of the dataset's numbers, quantities and dates: Persian digits and the
// Jalali calendar in fa, Western digits and the Gregorian calendar in en.
import type { Quantity, Report, Vocabulary } from '../atlas.ts';
import { formatNumber, localeOf, t, tf, type Lang } from './i18n.ts';

/** 5500 → "۵٬۵۰۰"; 50,000,000 → "۵۰ میلیون" / "50 million" (long compact form for millions). */
export function formatAmount(lang: Lang, value: number): string {
  if (Math.abs(value) >= 1_000_000) {
    return new Intl.NumberFormat(localeOf(lang), {
      notation: 'compact',
      compactDisplay: 'long',
      maximumFractionDigits: 1,
    }).format(value);
  }
  return formatNumber(lang, value);
}

/** { value: 5500, unit: 'units', qualifier: 'over' } → "over 5,500 units" / "بیش از ۵٬۵۰۰ واحد". */
export function formatQuantity(
  lang: Lang,
  quantity: Quantity,
  vocabulary: Pick<Vocabulary, 'units' | 'qualifiers'>,
): string {
  const unit = vocabulary.units[quantity.unit]?.[lang] ?? quantity.unit;
  const qualifier = quantity.qualifier ? vocabulary.qualifiers[quantity.qualifier]?.[lang] : undefined;
  const amount = formatAmount(lang, quantity.value);
  if (quantity.unit === 'rank') return lang === 'fa' ? `رتبهٔ ${amount}` : `rank ${amount}`;
  const numberAndUnit = quantity.unit === 'percent' && lang === 'en' ? `${amount}%` : `${amount} ${unit}`;
  return qualifier ? `${qualifier} ${numberAndUnit}` : numberAndUnit;
}

// Made once per language: making a formatter costs far more than using it, and the table formats a date a row.
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** "2025-10-22" → "۳۰ مهر ۱۴۰۴" in fa, "22 Oct 2025" in en; null → "undated". */
export function formatDate(lang: Lang, iso: string | null): string {
  if (!iso) return t(lang, 'date.undated');
  let format = dateFormats.get(lang);
  if (!format)
    dateFormats.set(
      lang,
      (format = new Intl.DateTimeFormat(localeOf(lang), {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })),
    );
  return format.format(new Date(`${iso}T12:00:00Z`));
}

/** A year from its content ("c. 2020" / «حدود ۱۳۹۹»: the Jalali year holding most of it), for a report with no exact date. */
export function formatApproxYear(lang: Lang, year: number): string {
  if (lang === 'en') return tf(lang, 'date.approx', { year: String(year) });
  const jalali = new Intl.DateTimeFormat(localeOf(lang), { year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, 6, 1)),
  );
  return tf(lang, 'date.approx', { year: jalali.replace(/\s*ه\.ش\.?/, '').trim() });
}

/** When a report was published: its date, or its inferred year ("c. 2020"), or "undated". */
export function formatReportDate(lang: Lang, report: Pick<Report, 'date' | 'dateInferred'> | undefined): string {
  if (report?.date) return formatDate(lang, report.date);
  if (report?.dateInferred) return formatApproxYear(lang, report.dateInferred.year);
  return t(lang, 'date.undated');
}

/** "2021-05" → "May 2021" / «مه ۲۰۲۱»; a full date as formatDate. Later notes may know only the month. */
export function formatNoteDate(lang: Lang, date: string): string {
  if (date.length > 7) return formatDate(lang, date);
  const [year, month] = date.split('-').map(Number) as [number, number];
  const locale = lang === 'fa' ? 'fa-IR-u-ca-gregory-nu-arabext' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  );
}

export function formatDateRange(lang: Lang, start: string | null, end?: string): string {
  if (!end || end === start) return formatDate(lang, start);
  return `${formatDate(lang, start)} – ${formatDate(lang, end)}`;
}

/** Kilometres, rounded: "۱٬۱۱۰ کیلومتر" / "1,110 km". */
export function formatKm(lang: Lang, km: number): string {
  return `${formatNumber(lang, Math.round(km), 0)} ${t(lang, 'unit.km')}`;
}
