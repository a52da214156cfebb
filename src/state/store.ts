/** A tiny store: the current state, pure transitions applied with `update`, listeners told after each change. */
import { initialState, type AppState } from './app-state.ts';

export interface Store {
  get(): AppState;
  update(transition: (s: AppState) => AppState): void;
  subscribe(listener: (s: AppState, previous: AppState) => void): () => void;
}

export function createStore(start: AppState = initialState()): Store {
  let state = start;
  let notifying = false;
  const listeners = new Set<(s: AppState, previous: AppState) => void>();
  return {
    get: () => state,
    update(transition) {
      const previous = state;
      const next = transition(state);
      if (next === previous) return;
      state = next;
      // An update made by a listener is applied at once but told after the current round, so listeners never see states out of order.
      if (notifying) return;
      notifying = true;
      try {
        let from = previous;
        for (;;) {
          const to = state;
          for (const l of [...listeners]) l(to, from);
          if (state === to) break;
          from = to;
        }
      } finally {
        notifying = false;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
