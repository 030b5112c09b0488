// Dense ids for pairs of integers (origin, destination), in first-seen order: an open-addressing table in
// typed arrays, sized once for the most pairs there can be. A Map keyed by a string or a large number per
// pair makes garbage for every row, and growing it past a million entries rehashes them all in one step.
import { filledSteps, type Steps } from './work-slices.ts';

export class PairIds {
  /** Pair id + 1 in each slot; 0 is empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The pair numbered `id` is (firsts[id], seconds[id]), for id < size. */
  readonly firsts: Uint32Array;
  readonly seconds: Uint32Array;
  /** Pairs numbered so far: the next new pair gets this id. */
  size = 0;

  /** `most`: an upper bound on the distinct pairs (the rows that will be added, say). */
  constructor(most: number) {
    let capacity = 16;
    while (capacity < 2 * most) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.firsts = new Uint32Array(most);
    this.seconds = new Uint32Array(most);
  }

  /** `new PairIds(most)` with its table's pages written a step at a time, before inserts land on them at random. */
  static *sized(most: number): Steps<PairIds> {
    const ids = new PairIds(most);
    yield* filledSteps(ids.slots);
    return ids;
  }

  /** The id of (a, b), numbering it when new (then `id === size - 1`). */
  idOf(a: number, b: number): number {
    let slot = hash(a, b) & this.mask;
    for (;;) {
      const stored = this.slots[slot]!;
      if (stored === 0) {
        if (this.size === this.firsts.length) throw new RangeError('more pairs than the table was sized for');
        const id = this.size++;
        this.firsts[id] = a;
        this.seconds[id] = b;
        this.slots[slot] = id + 1;
        return id;
      }
      if (this.firsts[stored - 1] === a && this.seconds[stored - 1] === b) return stored - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Mixes two 32-bit integers (multiplicative hashing, then a shift that brings the high bits down). */
function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}
