// Synthetic flows for the benchmark: the same N arcs on the bare page and in the app (there as a
// CSV through the import path). Deterministic: mulberry32 with a fixed seed.
import type { LonLat } from '../core/geodata.ts';

/** The public mulberry32 generator; returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticFlow {
  source: LonLat;
  target: LonLat;
}

/** The next flow of a sequence: from inside Iran (lon 46–61, lat 26–39) to Central Asia and the Caspian (lon 47–80, lat 37–54), rounded to 1e-4°. */
function nextFlow(random: () => number): SyntheticFlow {
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const source: LonLat = [round(46 + 15 * random()), round(26 + 13 * random())];
  const target: LonLat = [round(47 + 33 * random()), round(37 + 17 * random())];
  return { source, target };
}

/** N flows, the same for a seed. */
export function syntheticFlows(n: number, seed = 7): SyntheticFlow[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => nextFlow(random));
}

const CSV_HEADER = 'origin,destination,value,label';
/** Flow `i` as a CSV line: coordinates as "lat, lon", one sector-free flow a row. */
const csvLine = (f: SyntheticFlow, i: number) =>
  `"${f.source[1]}, ${f.source[0]}","${f.target[1]}, ${f.target[0]}",${(i % 97) + 1},flow ${i + 1}`;

/** The same flows as a CSV the app imports. */
export function syntheticCsv(flows: SyntheticFlow[]): string {
  return [CSV_HEADER, ...flows.map(csvLine)].join('\n');
}

/**
 * `syntheticCsv(syntheticFlows(n, seed))` a part at a time, each made and let go before the next: for a
 * `File` of a million rows. Made whole, the flows and lines left about 500 MB of objects on the page's heap,
 * and V8 collected them during the import being measured, in a task of 150 ms that was none of the app's.
 */
export function* syntheticCsvParts(n: number, seed = 7, rowsPerPart = 20_000): Generator<string> {
  const random = mulberry32(seed);
  yield CSV_HEADER;
  for (let i = 0; i < n;) {
    const lines: string[] = [];
    for (const end = Math.min(n, i + rowsPerPart); i < end; i++) lines.push(csvLine(nextFlow(random), i));
    yield `\n${lines.join('\n')}`;
  }
}
