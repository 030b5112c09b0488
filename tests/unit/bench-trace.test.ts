import { describe, expect, it } from 'vitest';
import { longestTaskBetween, TABLE_IMPORT_MARKS, type TraceEvent } from '../../scripts/bench/trace-tasks.ts';
import { TABLE_IMPORT_MARKS as PAGE_MARKS } from '../../src/bench/contract.ts';

const mark = (name: string, ts: number): TraceEvent => ({
  name,
  cat: 'blink.user_timing',
  ph: 'R',
  ts,
  pid: 1,
  tid: 7,
});
const task = (ts: number, ms: number, tid = 7): TraceEvent => ({
  name: 'RunTask',
  cat: 'disabled-by-default-devtools.timeline',
  ph: 'X',
  ts,
  dur: ms * 1000,
  pid: 1,
  tid,
});

describe('the longest task in a trace', () => {
  const events = [
    task(0, 900), // before the import: the harness's own work
    mark('start', 1_000_000),
    task(1_100_000, 40),
    task(1_200_000, 130), // a collection that runs no script: the Long Tasks API leaves it out
    { name: 'MajorGC', cat: 'devtools.timeline,v8', ph: 'X', ts: 1_200_010, dur: 120_000, pid: 1, tid: 7 },
    task(1_300_000, 500, 9), // another thread (a worker)
    task(1_400_000, 60),
    mark('end', 2_000_000),
    task(2_100_000, 300), // the sort, after the import
  ];

  it('counts the marking thread’s tasks between the marks only, with the collection in the longest', () => {
    expect(longestTaskBetween(events, 'start', 'end')).toEqual({ ms: 130, gcMs: 120 });
  });

  it('says when a mark is missing rather than guessing', () => {
    expect(longestTaskBetween(events, 'start', 'later')).toBeNull();
  });
});

describe('the marks around the table import', () => {
  it('are the same in the page and in the runner', () => {
    expect(TABLE_IMPORT_MARKS).toEqual(PAGE_MARKS);
  });
});
