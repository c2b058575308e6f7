import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { UnitItem } from '../../../api-contract';
import { useAppServices } from '../app-services';

/**
 * `(code) => unit` of the app's unit directory (undefined until it has arrived, or for a code it does not know).
 * Re-renders when the directory arrives.
 */
export function useUnitLookup(): (code: string) => UnitItem | undefined {
  const { units } = useAppServices();
  const version = useSyncExternalStore(units.subscribe, units.version);
  useEffect(() => units.load(), [units]);
  // `version`: a new function once the list has arrived, so memoized children see it.
  return useCallback((code: string) => units.get(code), [units, version]);
}
