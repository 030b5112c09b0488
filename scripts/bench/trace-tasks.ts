// The longest main-thread task in a Chromium trace between two user-timing marks. The Long Tasks API the
// page observes leaves out tasks that run no script of the page's, such as a garbage collection V8 posts
// as a task of its own: a trace has every task, so the runner reports both.

/** What is read of a trace event (Chrome's trace event format). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

/** The marks `__bench.tableImport` makes around its import: `src/bench/contract.ts`'s, which scripts/ may not import. */
export const TABLE_IMPORT_MARKS = { start: 'bench:table-import-start', end: 'bench:table-import-end' } as const;

/** Trace categories with the main thread's tasks, the collections inside them, and the page's user-timing marks. */
export const TASK_TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'];

/** A task's length and the garbage collection in it, ms. */
export interface TracedTask {
  ms: number;
  gcMs: number;
}

/** A traced task for a report: "134 (GC 130)"; "–" when there was no trace. */
export const traced = (task: TracedTask | null): string =>
  task === null ? '–' : `${Math.round(task.ms)} (GC ${Math.round(task.gcMs)})`;

const GC_EVENTS = new Set(['MinorGC', 'MajorGC']);

/**
 * The longest task that starts between the marks `start` and `end`, on the thread that made them, with the
 * collections inside it; null when a mark is missing from the trace.
 */
export function longestTaskBetween(events: readonly TraceEvent[], start: string, end: string): TracedTask | null {
  const mark = (name: string) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const [from, to] = [mark(start), mark(end)];
  if (!from || !to) return null;
  const onThread = events.filter(
    (e) => e.pid === from.pid && e.tid === from.tid && e.ph === 'X' && e.dur !== undefined,
  );
  let longest: TraceEvent | null = null;
  for (const e of onThread)
    if (e.name === 'RunTask' && e.ts >= from.ts && e.ts <= to.ts && e.dur! > (longest?.dur ?? -1)) longest = e;
  if (!longest) return { ms: 0, gcMs: 0 };
  const task = longest;
  const gc = onThread.filter((e) => GC_EVENTS.has(e.name) && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
  return { ms: task.dur! / 1000, gcMs: gc.reduce((sum, e) => sum + e.dur!, 0) / 1000 };
}
