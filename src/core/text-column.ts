// Texts read by row: a plain array, or strings kept packed as UTF-16 code units and cut out when read.
// A million imported rows carry a million labels and up to two million place keys. Made into strings on
// arrival, every one of them outlived V8's young generation and was copied out of it, in scavenges of
// 90–200 ms while the import was still drawing. Packed, they are a few typed arrays until a row is read.

/** What readers need of a column of texts; `readonly string[]` is one. */
export interface TextColumn {
  readonly length: number;
  at(i: number): string | undefined;
  /** The first row holding exactly `text`, else -1. */
  indexOf(text: string): number;
}

/** Strings joined into one as UTF-16 code units, each ending at `ends[i]`. */
export interface PackedStrings {
  units: Uint16Array;
  ends: Uint32Array;
}

export function packStrings(list: TextColumn): PackedStrings {
  const ends = new Uint32Array(list.length);
  let end = 0;
  for (let i = 0; i < list.length; i++) ends[i] = end += list.at(i)!.length;
  const units = new Uint16Array(end);
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list.at(i)!;
    for (let c = 0; c < item.length; c++) units[at++] = item.charCodeAt(c);
  }
  return { units, ends };
}

/** Code units per `String.fromCharCode` call, well inside the engines' limit on arguments. */
const CALL_UNITS = 8192;

/** Code units `from … to` as one string, exactly (a surrogate pair cut by a text limit stays as it was). */
function decodeUnits(units: Uint16Array, from: number, to: number): string {
  let text = '';
  for (let a = from; a < to; a += CALL_UNITS)
    text += String.fromCharCode.apply(null, units.subarray(a, Math.min(to, a + CALL_UNITS)) as unknown as number[]);
  return text;
}

/**
 * Rows decoded together on first read: one string per 16,384 rows, large enough to live outside the young
 * generation (hundreds of kilobytes), small enough to decode in about a millisecond for one hovered row.
 */
const PIECE_BITS = 14;

/** A packed column read as a `TextColumn`; each row's text is a slice of its decoded piece. */
export class PackedText implements TextColumn {
  private readonly pieces: (string | undefined)[];

  constructor(private readonly packed: PackedStrings) {
    this.pieces = new Array<string | undefined>(Math.ceil(packed.ends.length / (1 << PIECE_BITS)));
  }

  get length(): number {
    return this.packed.ends.length;
  }

  private start(i: number): number {
    return i === 0 ? 0 : this.packed.ends[i - 1]!;
  }

  at(i: number): string | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    const p = i >>> PIECE_BITS;
    const base = this.start(p << PIECE_BITS);
    const piece = (this.pieces[p] ??= decodeUnits(
      this.packed.units,
      base,
      this.packed.ends[Math.min(this.length, (p + 1) << PIECE_BITS) - 1]!,
    ));
    return piece.slice(this.start(i) - base, this.packed.ends[i]! - base);
  }

  /** Compares code units in place: a search of two million keys makes no strings. */
  indexOf(text: string): number {
    const { units, ends } = this.packed;
    for (let i = 0; i < ends.length; i++) {
      const start = this.start(i);
      if (ends[i]! - start !== text.length) continue;
      let c = 0;
      while (c < text.length && units[start + c] === text.charCodeAt(c)) c++;
      if (c === text.length) return i;
    }
    return -1;
  }
}

/** The column as an array of strings, for a writer that needs one (a workspace file). */
export const textsOf = (column: TextColumn): string[] => Array.from({ length: column.length }, (_, i) => column.at(i)!);
