import { useCallback, useEffect, useState } from 'react';
import {
  SHORTLIST_STORAGE_KEY,
  mergeShortlists,
  parseStoredShortlist,
  serializeShortlist,
  toggleShortlist,
} from '../../domain/shortlist.ts';

function readStored(): string[] {
  try {
    return parseStoredShortlist(window.localStorage.getItem(SHORTLIST_STORAGE_KEY));
  } catch {
    return [];
  }
}

function writeStored(ids: readonly string[]): void {
  try {
    if (ids.length === 0) window.localStorage.removeItem(SHORTLIST_STORAGE_KEY);
    else window.localStorage.setItem(SHORTLIST_STORAGE_KEY, serializeShortlist(ids));
  } catch {
    // Storage may be blocked (private mode, embedded frame): the list then lasts for this page only.
  }
}

export type Shortlist = {
  ids: string[];
  has: (nctId: string) => boolean;
  toggle: (nctId: string) => void;
  add: (nctIds: readonly string[]) => void;
  clear: () => void;
};

/** The saved shortlist, kept in localStorage ('hsct-trials:shortlist') and in step with other tabs. */
export function useShortlist(): Shortlist {
  const [ids, setIds] = useState<string[]>(readStored);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === SHORTLIST_STORAGE_KEY || event.key === null) setIds(readStored());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const update = useCallback((next: (current: string[]) => string[]) => {
    setIds((current) => {
      const value = next(current);
      writeStored(value);
      return value;
    });
  }, []);

  return {
    ids,
    has: (nctId) => ids.includes(nctId),
    toggle: (nctId) => update((current) => toggleShortlist(current, nctId)),
    add: (nctIds) => update((current) => mergeShortlists(current, nctIds)),
    clear: () => update(() => []),
  };
}
