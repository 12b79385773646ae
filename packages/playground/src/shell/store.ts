/** A listener of {@link Store}: gets the new and the previous state. */
export type Listener<T> = (state: T, previous: T) => void;

/** A tiny observable state container: one immutable state object, replaced on every change. */
export interface Store<T> {
  get(): T;
  /** Merges `patch` (or the patch an updater returns) into a new state and notifies listeners. */
  set(patch: Partial<T> | ((state: T) => Partial<T>)): void;
  /** Calls `listener` after each change; returns the unsubscribe function. */
  subscribe(listener: Listener<T>): () => void;
  /** Calls `listener` when `select(state)` changes (by `Object.is`), with the selected values. */
  watch<S>(select: (state: T) => S, listener: (value: S, previous: S) => void): () => void;
}

/** Creates a {@link Store}. Listeners run synchronously, in subscription order. */
export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<Listener<T>>();
  const store: Store<T> = {
    get: () => state,
    set(patch) {
      const previous = state;
      const changes = typeof patch === "function" ? patch(state) : patch;
      state = { ...state, ...changes };
      for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watch(select, listener) {
      return store.subscribe((next, previous) => {
        const a = select(next);
        const b = select(previous);
        if (!Object.is(a, b)) listener(a, b);
      });
    },
  };
  return store;
}
