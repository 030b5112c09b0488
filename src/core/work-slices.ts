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

/** Typed arrays of numbers, as the sliced work allocates them. */
export type NumberArray =
  Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/**
 * Bytes of a new array written a step: the first write to each page of fresh memory faults it in, which cost
 * 14 µs a 4 KB page on the two-core test machine, so a megabyte is a few milliseconds.
 */
export const FRESH_BYTES_PER_STEP = 1 << 20;

/**
 * `array` (new) with every element set to `value`, a megabyte a step. Work that then writes to it at random
 * (a hash table, a count per pair) would otherwise fault a page in at nearly every write: the first 4,096
 * inserts into a fresh 16 MB table held one step for 40–60 ms, and one `fill` of two million for 50.
 */
export function* filledSteps<T extends NumberArray>(array: T, value = 0): Steps<T> {
  const perStep = FRESH_BYTES_PER_STEP / array.BYTES_PER_ELEMENT;
  for (let start = 0; start < array.length; start += perStep) {
    array.fill(value, start, start + perStep);
    yield;
  }
  return array;
}

/** A copy of `source` in a new array whose pages were written in steps (`filledSteps`), as `slice()` is not. */
export function* copiedSteps<T extends NumberArray>(source: T): Steps<T> {
  const copy = yield* filledSteps(new (source.constructor as new (length: number) => T)(source.length));
  copy.set(source);
  return copy;
}

/** `body(i)` for i in [0, n), yielding every `ITEMS_PER_STEP` items. */
export function* eachIndex(n: number, body: (i: number) => void): Steps<void> {
  for (let i = 0; i < n; i++) {
    body(i);
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
}
