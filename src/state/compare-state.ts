// Two periods side by side: the plain value AppState holds (`compare=` in the URL) and its one syntax,
// `2024-01-01..2024-12-31~2025-01-01..2025-12-31`: period A, a tilde, period B, each an inclusive day range
// written as the time filter writes one. Both ends are required; the periods may come in either order but
// must not overlap (a row in both would count as before and after at once). Digits are ASCII, as in `time=`.
import { isIsoDay } from './filters.ts';

/** Inclusive ISO days. */
export interface Period {
  from: string;
  to: string;
}

export interface PeriodPair {
  a: Period;
  b: Period;
}

const PERIOD = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

function parsePeriod(raw: string): Period | null {
  const match = PERIOD.exec(raw);
  if (!match) return null;
  const [, from = '', to = ''] = match;
  return isIsoDay(from) && isIsoDay(to) && from <= to ? { from, to } : null;
}

/** Whether two periods share a day. */
export const periodsOverlap = (a: Period, b: Period): boolean => a.from <= b.to && b.from <= a.to;

/** Why a pair of periods cannot be compared, or null when it can. */
export function periodProblem(a: Period | null, b: Period | null): 'incomplete' | 'overlap' | null {
  if (!a || !b) return 'incomplete';
  return periodsOverlap(a, b) ? 'overlap' : null;
}

/** Parses `compare=`; null when malformed, reversed, or when the periods overlap. */
export function parseCompare(raw: string): PeriodPair | null {
  const parts = raw.trim().split('~');
  if (parts.length !== 2) return null;
  const [a, b] = parts.map(parsePeriod);
  return a && b && !periodsOverlap(a, b) ? { a, b } : null;
}

/** The URL's form of a pair of periods, and a stable memo key. */
export const compareKey = ({ a, b }: PeriodPair): string => `${a.from}..${a.to}~${b.from}..${b.to}`;

/** True while two periods are compared: imported datasets then draw their change layers instead of their own. */
export const comparing = (state: { compare: PeriodPair | null }): boolean => state.compare !== null;
