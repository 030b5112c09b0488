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

/** The marks `__bench.tableRun` makes around its import: `src/bench/contract.ts`'s, which scripts/ may not import. */
export const TABLE_IMPORT_MARKS = { start: 'bench:table-import-start', end: 'bench:table-import-end' } as const;

/** Trace categories with the main thread's tasks and the page's user-timing marks. */
export const TASK_TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'blink.user_timing'];

/**
 * The longest task (ms) that starts between the marks `start` and `end`, on the thread that made them;
 * null when a mark is missing from the trace.
 */
export function longestTaskBetween(events: readonly TraceEvent[], start: string, end: string): number | null {
  const mark = (name: string) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const [from, to] = [mark(start), mark(end)];
  if (!from || !to) return null;
  let longest = 0;
  for (const e of events)
    if (
      e.name === 'RunTask' &&
      e.ph === 'X' &&
      e.pid === from.pid &&
      e.tid === from.tid &&
      e.ts >= from.ts &&
      e.ts <= to.ts &&
      e.dur !== undefined
    )
      longest = Math.max(longest, e.dur / 1000);
  return longest;
}
