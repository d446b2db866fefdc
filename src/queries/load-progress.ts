import { useSyncExternalStore } from 'react';

/** Where the dataset load is: which source is being read and how far it got. */
export type LoadProgress =
  | { stage: 'idle' }
  | { stage: 'live'; loaded: number; total?: number; pages: number }
  | { stage: 'bundled'; liveError: string };

export type LoadProgressStore = {
  get: () => LoadProgress;
  set: (progress: LoadProgress) => void;
  subscribe: (listener: () => void) => () => void;
};

export function createLoadProgressStore(): LoadProgressStore {
  let current: LoadProgress = { stage: 'idle' };
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (progress) => {
      current = progress;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Progress of the trial dataset load, fed by the dataset query while pages arrive. */
export const datasetLoadProgress: LoadProgressStore = createLoadProgressStore();

/** The current load progress; re-renders as pages arrive. */
export function useLoadProgress(store: LoadProgressStore = datasetLoadProgress): LoadProgress {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
