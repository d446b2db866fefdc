/**
 * A small string key-value store in IndexedDB (through idb-keyval), in its own database so that
 * clearing it never touches anything else. Every operation fails soft: a browser without IndexedDB,
 * a private window that refuses it, or a full disk only means nothing is remembered.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

export type StringStorage = {
  getItem: (key: string) => Promise<string | null>;
  setItem: (key: string, value: string) => Promise<void>;
  removeItem: (key: string) => Promise<void>;
};

/** An IndexedDB-backed store, or null when this browser has no IndexedDB. */
export function createIdbStorage(dbName: string, storeName: string): StringStorage | null {
  if (typeof indexedDB === 'undefined') return null;
  let store: UseStore;
  try {
    store = createStore(dbName, storeName);
  } catch {
    return null;
  }
  return {
    getItem: async (key) => {
      try {
        const value = await get<unknown>(key, store);
        return typeof value === 'string' ? value : null;
      } catch {
        return null;
      }
    },
    setItem: async (key, value) => {
      try {
        await set(key, value, store);
      } catch {
        // Quota or a refused database: the page works without the cache.
      }
    },
    removeItem: async (key) => {
      try {
        await del(key, store);
      } catch {
        // Nothing to do.
      }
    },
  };
}

/** The same interface in memory (tests, and browsers without IndexedDB that still want one visit's cache). */
export function createMemoryStorage(): StringStorage & { readonly size: number } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => Promise.resolve(items.get(key) ?? null),
    setItem: (key, value) => {
      items.set(key, value);
      return Promise.resolve();
    },
    removeItem: (key) => {
      items.delete(key);
      return Promise.resolve();
    },
    get size() {
      return items.size;
    },
  };
}
