// The one store: the only place the state is assigned. Features dispatch patches; one listener
// (the app's render) and the tools that watch (the benchmark, tests) hear every change once.
import type { AppState, Session } from './state.ts';

/** Everything drawn comes from this. */
export interface Snapshot {
  app: AppState;
  session: Session;
}

export type Listener = (now: Snapshot, before: Snapshot) => void;

export interface Store {
  get(): Snapshot;
  /** A change to what the URL holds. */
  update(patch: Partial<AppState>): void;
  /** A change to what lives only in this tab. */
  updateSession(patch: Partial<Session>): void;
  /** Called after every change, in the order subscribed; returns the unsubscribe. */
  subscribe(listener: Listener): () => void;
}

export function createStore(app: AppState, session: Session): Store {
  let snapshot: Snapshot = { app, session };
  const listeners = new Set<Listener>();
  const commit = (next: Snapshot) => {
    const before = snapshot;
    snapshot = next;
    for (const listener of [...listeners]) listener(snapshot, before);
  };
  return {
    get: () => snapshot,
    update: (patch) => commit({ ...snapshot, app: { ...snapshot.app, ...patch } }),
    updateSession: (patch) => commit({ ...snapshot, session: { ...snapshot.session, ...patch } }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
