// Reading numbers, dates and names the way Iranian and international spreadsheets write them.
import { normaliseForSearch } from '../core/text.ts';

const DAY_MS = 86_400_000;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits → ASCII digits; everything else unchanged. */
export function toLatinDigits(text: string): string {
  // Both digit blocks start at a code point ending in 0 (U+06F0, U+0660), so the low nibble is the digit.
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

/** Spaces of every width and the invisible bidi marks and embeddings that text copied from RTL documents carries. */
const INVISIBLE = /[\s\u00A0\u2007\u2009\u202F\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const GROUPED = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A number as a person typed it: Persian/Arabic digits, `٫` as the decimal point, `٬`, spaces or
 * `,` as thousands separators (`1,234,567`, `1,234.5`), a leading minus (ASCII or U+2212).
 * A lone comma not followed by three digits (`12,5`) is a decimal comma, as semicolon-separated
 * European exports write it. NaN for empty, non-numeric, NaN or infinite text.
 */
export function parseNumber(text: string): number {
  if (PLAIN_NUMBER.test(text)) return Number(text); // the common case, kept cheap for million-row files
  let t = toLatinDigits(text)
    .replace(INVISIBLE, '')
    .replace(/^\u2212/, '-')
    .replace(/\u066B/g, '.')
    .replace(/\u066C/g, '');
  if (GROUPED.test(t)) t = t.replace(/,/g, '');
  else if (DECIMAL_COMMA.test(t)) t = t.replace(',', '.');
  if (!NUMBER.test(t)) return NaN;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

// Jalaali calendar after Borkowski, as in jalaali-js: the years in which the 33-year leap cycle breaks.
const BREAKS = [
  -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
];
const div = (a: number, b: number): number => Math.trunc(a / b);
const mod = (a: number, b: number): number => a - Math.trunc(a / b) * b;

/** The Gregorian year in which Jalali year `jy` starts, the March day of 1 Farvardin, and whether it is leap. */
function jalaliYear(jy: number): { gy: number; march: number; leap: boolean } {
  const gy = jy + 621;
  let leapJ = -14;
  let jp = BREAKS[0] ?? -61;
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i += 1) {
    const jm = BREAKS[i] ?? 0;
    jump = jm - jp;
    if (jy < jm) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  let n = jy - jp;
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  const march = 20 + leapJ - leapG;
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { gy, march, leap: leap === 0 };
}

/** UTC ms at midnight of a Jalali (Solar Hijri) date, or NaN when the month or day does not exist. */
export function jalaliToUtc(jy: number, jm: number, jd: number): number {
  if (jy < 1 || jy >= 3178 || jm < 1 || jm > 12 || jd < 1) return NaN;
  const { gy, march, leap } = jalaliYear(jy);
  const monthDays = jm <= 6 ? 31 : jm <= 11 ? 30 : leap ? 30 : 29;
  if (jd > monthDays) return NaN;
  // Months 1-6 have 31 days and 7-11 have 30, so the day of the year has a closed form.
  const dayOfYear = (jm - 1) * 31 - div(jm, 7) * (jm - 7) + jd - 1;
  return Date.UTC(gy, 2, march) + dayOfYear * DAY_MS;
}

function gregorianToUtc(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1) return NaN;
  const ms = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 31 April into 1 May: a different month back means the day does not exist.
  return new Date(ms).getUTCMonth() === m - 1 ? ms : NaN;
}

const DATE =
  /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * A day as UTC ms at midnight, or NaN: `2025-11-09`, `2025/11/09`, `2025-11`, `2025` (a missing
 * month or day is the first), a time after the day is ignored, Persian digits allowed. A year
 * before 1700 is a Jalali (Solar Hijri) year, so `1404/08/18` is 2025-11-09.
 */
export function parseDate(text: string): number {
  const match = DATE.exec(toLatinDigits(text).replace(INVISIBLE, ' ').trim());
  if (!match) return NaN;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (year < 1) return NaN;
  return year < 1700 ? jalaliToUtc(year, month, day) : gregorianToUtc(year, month, day);
}

/** The form names are compared in: the search's normalisation, so import and search agree on a match. */
export function normaliseKey(text: string): string {
  return normaliseForSearch(text);
}

// Line breaks become spaces, so words either side stay apart; other C0/C1 controls go, tab stays.
// Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) go too: they reorder
// what is drawn after them ("Trojan Source" spoofing), and the app isolates each text itself
// (dir="auto"). The marks LRM, RLM and ALM stay: Persian text uses them and they reorder nothing.
// ZWNJ and ZWJ are letters' joining controls, not in these ranges, and stay.
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above
const HAS_CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** Marks text that was cut, so a reader knows there was more. */
export const ELLIPSIS = '\u2026';

/** `text` without control and bidi-override characters; line breaks become spaces, tab stays. */
export function stripControls(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '') : text;
}

/**
 * `text` cut to at most `maxLength` UTF-16 units, the last of them an ellipsis, without splitting
 * a surrogate pair; unchanged when it fits.
 */
export function cutText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${ELLIPSIS}`;
}

/**
 * Text safe to keep and show as plain text: {@link stripControls}, then {@link cutText}.
 * Markup is left as it is: it is never interpreted, only ever shown as text.
 */
export function toPlainText(text: string, maxLength: number): string {
  return cutText(stripControls(text), maxLength);
}

/** Cleans a row's text fields ({@link toPlainText}) and tells whether any was cut since `startRow()`: the import reports cut rows once each. */
export function createRowTextCleaner(): { clean(raw: string, max: number): string; startRow(): void; cut(): boolean } {
  let cutInRow = false;
  return {
    clean(raw, max) {
      const clean = stripControls(raw);
      if (clean.length <= max) return clean;
      cutInRow = true;
      return cutText(clean, max);
    },
    startRow: () => void (cutInRow = false),
    cut: () => cutInRow,
  };
}
