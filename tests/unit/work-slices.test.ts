import { describe, expect, it } from 'vitest';
import {
  copiedSteps,
  eachIndex,
  filledSteps,
  FRESH_BYTES_PER_STEP,
  ITEMS_PER_STEP,
  runNow,
  runSliced,
} from '../../src/core/work-slices.ts';
import { PairIds } from '../../src/core/pair-ids.ts';
import { countYields } from './count-yields.ts';

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

  // Fresh memory costs a page fault at the first write to each page: a new array that is then written at random
  // is written through first, a megabyte a step, so no step faults in more than that.
  it('filledSteps writes a new array through, a megabyte a step, and returns it', () => {
    const array = new Int32Array((2.5 * FRESH_BYTES_PER_STEP) / 4);
    const { yields, value } = countYields(filledSteps(array, -1));
    expect(value).toBe(array);
    expect(yields).toBe(3);
    expect(array.every((x) => x === -1)).toBe(true);
    expect(countYields(filledSteps(new Float64Array(0))).yields).toBe(0);
  });

  it('copiedSteps copies into a new array of the same kind, written through in steps', () => {
    const source = Float32Array.from({ length: FRESH_BYTES_PER_STEP / 2 }, (_, i) => i / 2);
    const { yields, value } = countYields(copiedSteps(source.subarray(1)));
    expect(value).toBeInstanceOf(Float32Array);
    expect(value).not.toBe(source);
    expect([...value]).toEqual([...source.subarray(1)]);
    expect(yields).toBe(2);
  });

  it('PairIds.sized writes its table through in steps before any insert, and numbers pairs as new PairIds does', () => {
    const most = 1 << 20; // a table of 2 · 2^20 slots, 8 MB
    const { yields, value: sized } = countYields(PairIds.sized(most));
    expect(yields).toBe(8);
    const plain = new PairIds(most);
    for (const [a, b] of [
      [1, 2],
      [2, 1],
      [1, 2],
      [7, 7],
    ] as const)
      expect(sized.idOf(a, b)).toBe(plain.idOf(a, b));
    expect(sized.size).toBe(3);
  });
});
