// The time filter and the province metric: plain values in AppState, parsed from and written to
// the URL, and the predicates the selectors apply. Dates are ISO `yyyy-mm-dd` strings throughout.

/** A closed date range; either end may be open. Undated records pass only when `undated` is on. */
export interface TimeFilter {
  from: string | null;
  to: string | null;
  undated: boolean;
}

export const ALL_TIME: TimeFilter = { from: null, to: null, undated: true };

/** What the province fill counts: facts and links together, or either alone. */
export const PROVINCE_METRICS = ['activity', 'facts', 'links'] as const;
export type ProvinceMetric = (typeof PROVINCE_METRICS)[number];

export function isProvinceMetric(value: unknown): value is ProvinceMetric {
  return (PROVINCE_METRICS as readonly unknown[]).includes(value);
}

export function matchesTime(date: string | null, time: TimeFilter): boolean {
  if (date === null) return time.undated;
  return (time.from === null || date >= time.from) && (time.to === null || date <= time.to);
}

export function isAllTime(time: TimeFilter): boolean {
  return time.from === null && time.to === null && time.undated;
}

/** A stable string for memo keys and the URL: `from..to`, with `~` appended when undated records are hidden. */
export function timeKey(time: TimeFilter): string {
  return `${time.from ?? ''}..${time.to ?? ''}${time.undated ? '' : '~'}`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day in ISO form, e.g. 2025-02-30 is not one. */
export function isIsoDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Parses `time=` (`2025-08-01..2025-10-31`, either end may be empty, `~` hides undated); null when malformed. */
export function parseTime(raw: string): TimeFilter | null {
  const match = /^([^.~]*)\.\.([^.~]*)(~?)$/.exec(raw.trim());
  if (!match) return null;
  const [, from = '', to = '', hide] = match;
  if ((from && !isIsoDay(from)) || (to && !isIsoDay(to)) || (from && to && from > to)) return null;
  return { from: from || null, to: to || null, undated: hide !== '~' };
}

/** Earliest and latest dates among records, or null when none is dated. */
export function dateDomain(dates: Iterable<string | null>): [string, string] | null {
  let min: string | null = null;
  let max: string | null = null;
  for (const date of dates) {
    if (date === null) continue;
    if (min === null || date < min) min = date;
    if (max === null || date > max) max = date;
  }
  return min !== null && max !== null ? [min, max] : null;
}
