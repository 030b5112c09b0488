// Work chained in one task shares one slice (src/core/work-slices.ts): a new file is unpacked, filtered and
// paired by several `runSliced` runs one after the other, and each once took a fresh 8 ms within the same
// task, so a task held several slices' worth. On a clock the test moves, no run between two pauses exceeds
// a slice and a step, however the runs follow each other.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSliced, type Steps } from '../../src/core/work-slices.ts';

afterEach(() => vi.restoreAllMocks());

describe('one slice for work chained in a task', () => {
  it('pauses a run that follows another by what the slice has left, not by a fresh slice', async () => {
    let clock = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const STEP_MS = 3;
    const SLICE_MS = 8;
    /** `n` steps of STEP_MS each, as the clock sees them. */
    function* work(n: number): Steps<number> {
      for (let i = 0; i < n; i++) {
        clock += STEP_MS;
        yield;
      }
      return n;
    }
    // Work done since the last pause (the task the page would be held for), at its largest.
    let [sincePause, longest] = [clock, 0];
    const pause = async () => {
      longest = Math.max(longest, clock - sincePause);
      clock += 1; // the task boundary
      sincePause = clock;
    };
    for (const n of [2, 2, 2, 2, 5, 1, 2]) await runSliced(work(n), pause, SLICE_MS);
    longest = Math.max(longest, clock - sincePause);
    expect(longest).toBeLessThanOrEqual(SLICE_MS + STEP_MS);
  });
});
