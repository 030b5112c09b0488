// How sliced work (src/core/work-slices.ts) steps: run to the end, counting its yields.

/** How many times `steps` yields before it is done, and what it returns. */
export function countYields<T>(steps: Generator<void, T, void>): { yields: number; value: T } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { yields, value: step.value };
    yields++;
  }
}
