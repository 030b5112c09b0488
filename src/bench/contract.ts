// The benchmark's measurement contract (../shared/bench/CONTRACT.md): `window.__bench` with the
// same camera path, pick and hover positions on every page, so the bare page and the app compare.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { mulberry32 } from './synthetic.ts';

export interface Bench {
  ready: Promise<void>;
  readyAt?: number;
  animate(ms: number): Promise<number[]>;
  pick(n: number): Promise<number[]>;
  hover(n: number): Promise<number[]>;
  info(): Record<string, unknown>;
  /** App only: one import of `rows` synthetic flows, through the app or through plain papaparse. */
  importRun?(rows: number, mode: 'app' | 'papaparse'): Promise<{ ms: number; rows: number; longTasks: number[] }>;
  /** App only, in this order: the table opened and a file of `rows` made; imported; sorted (table-bench.ts). */
  tablePrepare?(rows: number): Promise<void>;
  tableImport?(): Promise<import('./table-bench.ts').TableImportResult>;
  tableSort?(): Promise<import('./table-bench.ts').TableSortResult>;
  /** App only: `rows` imported as an .xlsx workbook and as CSV. */
  xlsxRun?(rows: number): Promise<import('./table-bench.ts').XlsxRunResult>;
}

declare global {
  interface Window {
    __bench?: Bench;
  }
}

export const STANDARD_VIEW = { center: [58, 38] as [number, number], zoom: 3.5, bearing: 0, pitch: 0 };

/** User-timing marks around `tableImport`'s import: the runner's trace finds the main thread's tasks between them. */
export const TABLE_IMPORT_MARKS = { start: 'bench:table-import-start', end: 'bench:table-import-end' } as const;

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await frame();
};

/** Hover probe: the page's hover handler calls `ran()`; `next()` resolves at the next call. */
export function createHoverProbe(): { ran(): void; next(timeoutMs: number): Promise<boolean> } {
  let waiting: ((ok: boolean) => void) | null = null;
  return {
    ran() {
      waiting?.(true);
      waiting = null;
    },
    next: (timeoutMs) =>
      new Promise<boolean>((resolve) => {
        waiting = resolve;
        setTimeout(() => {
          if (waiting === resolve) {
            waiting = null;
            resolve(false);
          }
        }, timeoutMs);
      }),
  };
}

/** The contract's n screen positions: mulberry32(4242), lon 44..80 then lat 25..55, clamped inside the canvas. */
export function benchPositions(map: MaplibreMap, n: number): [number, number][] {
  const random = mulberry32(4242);
  const canvas = map.getCanvas();
  const [width, height] = [canvas.clientWidth, canvas.clientHeight];
  const points: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const lon = 44 + 36 * random();
    const lat = 25 + 30 * random();
    const p = map.project([lon, lat]);
    points.push([Math.min(Math.max(p.x, 0), width - 1), Math.min(Math.max(p.y, 0), height - 1)]);
  }
  return points;
}

export interface BenchTargets {
  map: MaplibreMap;
  overlay: MapLibreOverlay;
  hoverProbe: ReturnType<typeof createHoverProbe>;
}

/**
 * Defines `window.__bench` at once (the contract wants it from the first module on); its methods
 * wait for `ready`, which the page resolves with its map once everything is drawn.
 */
export function installBench(ready: Promise<BenchTargets>, info: () => Record<string, unknown>): Bench {
  let targets: BenchTargets;
  const bench: Bench = {
    ready: ready.then((t) => {
      targets = t;
      bench.readyAt = performance.now();
    }),
    animate: async (ms) => (await bench.ready, animate(targets, ms)),
    pick: async (n) => (await bench.ready, pick(targets, n)),
    hover: async (n) => (await bench.ready, hover(targets, n)),
    info,
  };
  window.__bench = bench;
  return bench;
}

async function standard(map: MaplibreMap): Promise<void> {
  map.jumpTo(STANDARD_VIEW);
  await frames(2);
}

async function animate({ map }: BenchTargets, ms: number): Promise<number[]> {
  await standard(map);
  const gaps: number[] = [];
  const start = performance.now();
  let last = start;
  for (;;) {
    const now = await frame();
    const t = (now - start) / ms;
    gaps.push(now - last);
    last = now;
    if (t >= 1) break;
    map.jumpTo({ bearing: 90 * t, center: [58 + 4 * Math.sin(2 * Math.PI * t), 38 + 2 * Math.sin(4 * Math.PI * t)] });
  }
  await standard(map);
  return gaps.slice(1); // the first gap starts before the animation
}

async function pick({ map, overlay }: BenchTargets, n: number): Promise<number[]> {
  await standard(map);
  return benchPositions(map, n).map(([x, y]) => {
    const started = performance.now();
    overlay.pickObject({ x, y, radius: 4 });
    return performance.now() - started;
  });
}

async function hover({ map, hoverProbe }: BenchTargets, n: number): Promise<number[]> {
  await standard(map);
  const canvas = map.getCanvas();
  const box = canvas.getBoundingClientRect();
  const times: number[] = [];
  for (const [x, y] of benchPositions(map, n)) {
    await frame();
    const started = performance.now();
    const ran = hoverProbe.next(2000);
    canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: box.left + x, clientY: box.top + y, bubbles: true }));
    times.push((await ran) ? performance.now() - started : Number.NaN);
  }
  return times;
}
