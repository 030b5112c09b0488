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

/** N flows from inside Iran (lon 46–61, lat 26–39) to Central Asia and the Caspian (lon 47–80, lat 37–54), rounded to 1e-4°. */
export function syntheticFlows(n: number, seed = 7): SyntheticFlow[] {
  const random = mulberry32(seed);
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const flows: SyntheticFlow[] = [];
  for (let i = 0; i < n; i++) {
    const source: LonLat = [round(46 + 15 * random()), round(26 + 13 * random())];
    const target: LonLat = [round(47 + 33 * random()), round(37 + 17 * random())];
    flows.push({ source, target });
  }
  return flows;
}

/** The same flows as a CSV the app imports: coordinates as "lat, lon", one sector-free flow a row. */
export function syntheticCsv(flows: SyntheticFlow[]): string {
  const lines = ['origin,destination,value,label'];
  flows.forEach((f, i) =>
    lines.push(`"${f.source[1]}, ${f.source[0]}","${f.target[1]}, ${f.target[0]}",${(i % 97) + 1},flow ${i + 1}`),
  );
  return lines.join('\n');
}
