import { describe, expect, it } from 'vitest';
import { eachIndex, ITEMS_PER_STEP, runNow, runSliced } from '../../src/core/work-slices.ts';

describe('work slices', () => {
  it('eachIndex visits every index once, in order, yielding every ITEMS_PER_STEP items', () => {
    const seen: number[] = [];
    const steps = eachIndex(2 * ITEMS_PER_STEP + 5, (i) => seen.push(i));
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(seen).toEqual(Array.from({ length: 2 * ITEMS_PER_STEP + 5 }, (_, i) => i));
    expect(yields).toBe(2);
  });

  it('runNow returns what the work returns, without pausing', () => {
    function* work() {
      yield;
      yield;
      return 42;
    }
    expect(runNow(work())).toBe(42);
  });

  it('runSliced pauses once a slice has run for sliceMs, and returns the same answer', async () => {
    let pauses = 0;
    function* slow() {
      for (let i = 0; i < 5; i++) {
        const until = performance.now() + 3;
        while (performance.now() < until); // 3 ms of work per step
        yield;
      }
      return 'done';
    }
    await expect(runSliced(slow(), async () => void pauses++, 2)).resolves.toBe('done');
    expect(pauses).toBeGreaterThanOrEqual(4);
    pauses = 0;
    await expect(
      runSliced(
        eachIndex(10, () => {}),
        async () => void pauses++,
        1000,
      ),
    ).resolves.toBeUndefined();
    expect(pauses).toBe(0);
  });
});
