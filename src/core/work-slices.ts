// Long main-thread work written once, as a generator that yields now and then, and run either at
// once (a redraw that needs the answer now) or in slices between other tasks (a new dataset
// arriving), so the page keeps drawing and answering input while a million rows are worked through.

/** Work that yields between steps and returns a `T` at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Lets the caller's thread do other work: resolves after a macrotask. */
export type Pause = () => Promise<void>;

/** Yields the main thread: resolves in a later task, after any input or frame that is due. */
export const nextTask: Pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How many items a loop handles between yields: checking the clock per item would cost more than the work. */
export const ITEMS_PER_STEP = 4096;

export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * When the slice now running began: one clock for every `runSliced`, so work that ends and starts the next
 * (unpacking, then filtering, then pairing a new file) shares one slice rather than taking one each within
 * a single task. Long ago when nothing has paused lately: a fresh run then pauses after its first step.
 */
let sliceStart = -Infinity;

/** Runs `steps` in slices of about `sliceMs`, with a `pause` between them. */
export async function runSliced<T>(steps: Steps<T>, pause: Pause, sliceMs = 8): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** `body(i)` for i in [0, n), yielding every `ITEMS_PER_STEP` items. */
export function* eachIndex(n: number, body: (i: number) => void): Steps<void> {
  for (let i = 0; i < n; i++) {
    body(i);
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
}
