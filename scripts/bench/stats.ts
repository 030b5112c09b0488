// Pure statistics for the benchmark harness: mean, median, quantiles, ratios and budget checks.

/** Finite numbers only: NaN marks a hover that never arrived, null a metric a run did not measure. */
function finite(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
}

/** Arithmetic mean of the finite values; null when there are none. */
export function mean(values: readonly (number | null | undefined)[]): number | null {
  const xs = finite(values);
  return xs.length ? xs.reduce((sum, x) => sum + x, 0) / xs.length : null;
}

/**
 * Quantile `q` (0..1) of the finite values by the nearest-rank method (no interpolation, so p95 of
 * a short series is an observed value, as in the reference harness); null when there are none.
 */
export function quantile(values: readonly (number | null | undefined)[], q: number): number | null {
  const xs = finite(values).sort((a, b) => a - b);
  if (!xs.length) return null;
  const rank = Math.ceil(q * xs.length) - 1;
  return xs[Math.min(xs.length - 1, Math.max(0, rank))]!;
}

/** Median of the finite values (mean of the two middle ones for an even count); null when there are none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const xs = finite(values).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** 95th percentile (nearest rank) of the finite values; null when there are none. */
export function p95(values: readonly (number | null | undefined)[]): number | null {
  return quantile(values, 0.95);
}

/** `a / b`, or null when either is missing or `b` is zero (a ratio against nothing means nothing). */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

/** Rounds to `digits` decimals; null stays null. */
export function round(value: number | null | undefined, digits = 2): number | null {
  if (value == null || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Count, total and longest of a list of long-task durations (ms). */
export interface LongTaskStats {
  count: number;
  totalMs: number;
  maxMs: number;
}

/** Summarises long-task durations; an empty list is zero tasks, not a missing measurement. */
export function longTaskStats(durations: readonly number[]): LongTaskStats {
  const xs = finite(durations);
  return { count: xs.length, totalMs: xs.reduce((sum, x) => sum + x, 0), maxMs: xs.length ? Math.max(...xs) : 0 };
}

/** Outcome of comparing one measured value against its budget. */
export type BudgetStatus = 'pass' | 'fail' | 'not measured';

/** `pass` when `value <= limit`, `fail` above it, `not measured` when there is no value. */
export function checkBudget(value: number | null | undefined, limit: number): BudgetStatus {
  if (value == null || !Number.isFinite(value)) return 'not measured';
  return value <= limit ? 'pass' : 'fail';
}
