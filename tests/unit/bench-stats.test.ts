// The benchmark harness's pure statistics: what its medians, percentiles, ratios and budget marks mean.
import { describe, expect, it } from 'vitest';
import { checkBudget, longTaskStats, mean, median, p95, quantile, ratio, round } from '../../scripts/bench/stats.ts';

describe('bench statistics', () => {
  it('takes the mean of finite values only', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(mean([1, Number.NaN, 3, null])).toBe(2);
    expect(mean([])).toBeNull();
  });

  it('takes the median, averaging the middle pair of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([Number.NaN, undefined])).toBeNull();
  });

  it('takes p95 by nearest rank, so it is always an observed value', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(p95(hundred)).toBe(95);
    expect(p95([10, 20, 30])).toBe(30);
    expect(p95([3, 1, 2, Number.NaN])).toBe(3);
    expect(quantile(hundred, 0)).toBe(1);
    expect(quantile(hundred, 1)).toBe(100);
    expect(p95([])).toBeNull();
  });

  it('gives no ratio against nothing', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(2, undefined)).toBeNull();
  });

  it('rounds and keeps null', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(null)).toBeNull();
  });

  it('summarises long tasks; none is zero, not missing', () => {
    expect(longTaskStats([60, 120, 80])).toEqual({ count: 3, totalMs: 260, maxMs: 120 });
    expect(longTaskStats([])).toEqual({ count: 0, totalMs: 0, maxMs: 0 });
  });

  it('passes a budget at or under its limit, and marks a missing value as not measured', () => {
    expect(checkBudget(1.2, 1.2)).toBe('pass');
    expect(checkBudget(1.05, 1.1)).toBe('pass');
    expect(checkBudget(1.21, 1.2)).toBe('fail');
    expect(checkBudget(null, 1.2)).toBe('not measured');
    expect(checkBudget(Number.NaN, 1.2)).toBe('not measured');
  });
});
