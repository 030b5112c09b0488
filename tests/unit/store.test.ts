// The store: one place that assigns state, one notification per change, with the state before it.
import { describe, expect, it } from 'vitest';
import { createStore, type Snapshot } from '../../src/state/store.ts';
import { EMPTY_SESSION, initialState } from '../../src/state/state.ts';
import { stableShallow } from '../../src/core/memo.ts';

describe('store', () => {
  it('applies app and session patches, telling each listener once with the snapshot before', () => {
    const store = createStore(initialState('fa', ['instc']), EMPTY_SESSION);
    const heard: [Snapshot, Snapshot][] = [];
    const stop = store.subscribe((now, before) => heard.push([now, before]));
    const start = store.get();
    store.update({ lang: 'en' });
    store.updateSession({ hover: { kind: 'partner', id: 'KAZ' } });
    expect(heard).toHaveLength(2);
    expect(heard[0]![1]).toBe(start);
    expect(heard[0]![0].app.lang).toBe('en');
    // A session change keeps the app state's identity (what the URL holds did not change).
    expect(heard[1]![0].app).toBe(heard[0]![0].app);
    expect(store.get().session.hover).toEqual({ kind: 'partner', id: 'KAZ' });
    stop();
    store.update({ lang: 'fa' });
    expect(heard).toHaveLength(2);
  });

  it('holds only structured-cloneable data', () => {
    const store = createStore(initialState('en'), EMPTY_SESSION);
    store.updateSession({ measure: { active: true, points: [{ lonLat: [51, 35] }] } });
    expect(structuredClone(store.get())).toEqual(store.get());
  });
});

describe('stableShallow', () => {
  it('keeps the identity of an object whose fields are the same, and takes a new one when any differs', () => {
    const stable = stableShallow<{ a: number[]; b: string }>();
    const list = [1];
    const first = stable({ a: list, b: 'x' });
    expect(stable({ a: list, b: 'x' })).toBe(first);
    expect(stable({ a: [1], b: 'x' })).not.toBe(first);
  });
});
