import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { UnitItem } from '../../../api-contract';
import { useAppServices } from '../app-services';
import { retiredUnitOf } from './retired-unit-of';

/**
 * `(code) => unit`: the unit of `code`'s chain that is not in force today (see retiredUnitOf), from the app's unit
 * directory; undefined until the directory has arrived. Re-renders when it arrives.
 */
export function useRetiredUnit(
  flag: 'inForce' | 'acceptsDossiers' = 'inForce',
): (code: string) => UnitItem | undefined {
  const { units } = useAppServices();
  const version = useSyncExternalStore(units.subscribe, units.version);
  useEffect(() => units.load(), [units]);
  // `version`: a new function once the list has arrived, so memoized children see it.
  return useCallback((code: string) => retiredUnitOf(code, units.get, flag), [units, version, flag]);
}
