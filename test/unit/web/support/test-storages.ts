import type { EnumerableStorage } from '../../../../web/app/draft/clear-app-drafts';
import type { DraftStorage } from '../../../../web/shared/draft/create-draft-store';

/** A Web Storage stand-in over a Map (the map is exposed for assertions), enumerable as clearAppDrafts needs. */
export function memoryStorage(): DraftStorage & EnumerableStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** Storage as a browser refuses it (blocked third-party storage, a full quota): every read and write throws. */
export const refusingStorage: DraftStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => undefined,
};
