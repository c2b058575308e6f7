// Browser-safe: fetches through the app's API client.
import type { UnitOption } from '../../shared/widgets/unit-option';
import type { AppApiClient } from '../api/create-app-api-client';
import type { UnitList } from '../../../api-contract';

/**
 * Every administrative unit, past and present, by code (`GET /api/units?all=true`: dossiers and grants keep the
 * codes of units since retired or merged). Loaded once per API client, when a page first asks for a name; a
 * failed load is tried again by the next page that asks. React reads it with `useSyncExternalStore`.
 */
export interface UnitDirectory {
  /** The unit, once the list is loaded and if it has that code. */
  get(code: string): UnitOption | undefined;
  /** Starts loading the list unless it is loaded or loading. */
  load(): void;
  subscribe(listener: () => void): () => void;
  /** Changes when the list arrives (the snapshot React compares). */
  version(): number;
}

export function createUnitDirectory(api: AppApiClient): UnitDirectory {
  let units = new Map<string, UnitOption>();
  let state: 'idle' | 'loading' | 'loaded' = 'idle';
  let version = 0;
  const listeners = new Set<() => void>();
  return {
    get: (code) => units.get(code),
    load() {
      if (state !== 'idle') return;
      state = 'loading';
      void api.get<UnitList>('/api/units?all=true').then((answer) => {
        if (!answer.ok) {
          state = 'idle';
          return;
        }
        units = new Map(answer.value.items.map((u) => [u.code, u]));
        state = 'loaded';
        version++;
        for (const listener of listeners) listener();
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
  };
}
