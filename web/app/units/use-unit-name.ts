import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useAppServices } from '../app-services';

/**
 * `(code) => name`: a unit's name in the app's language (the Vietnamese one when it has no English name), or the
 * code itself until the unit list has arrived or for a code it does not know. Re-renders when the list arrives.
 */
export function useUnitName(): (code: string) => string {
  const { units, lang } = useAppServices();
  const version = useSyncExternalStore(units.subscribe, units.version);
  useEffect(() => units.load(), [units]);
  return useCallback(
    (code: string) => {
      const unit = units.get(code);
      return unit ? (lang === 'en' && unit.nameEn) || unit.name : code;
    },
    // `version`: a new function once the list has arrived, so memoized children see the names.
    [units, lang, version],
  );
}
