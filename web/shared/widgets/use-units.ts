import { useEffect, useState } from 'react';
import type { UnitOption } from './unit-option';
import type { UnitSource } from './widget-form-context';

export type UnitsState =
  { status: 'idle' | 'loading' | 'failed'; units: UnitOption[] } | { status: 'ok'; units: UnitOption[] };

/** One request per source and kind for the whole form, however many unit fields it has; a failure is retried. */
const cache = new WeakMap<UnitSource, Map<boolean, Promise<UnitOption[]>>>();

function listOnce(source: UnitSource, all: boolean): Promise<UnitOption[]> {
  let bySource = cache.get(source);
  if (!bySource) cache.set(source, (bySource = new Map()));
  let pending = bySource.get(all);
  if (!pending) {
    pending = source.list({ all });
    bySource.set(all, pending);
    pending.catch(() => bySource!.delete(all));
  }
  return pending;
}

/** The units of `source` (in force today, or `all`) once `enabled`. */
export function useUnits(source: UnitSource | undefined, all: boolean, enabled = true): UnitsState {
  const [state, setState] = useState<UnitsState>({ status: 'idle', units: [] });
  useEffect(() => {
    if (!source || !enabled) return;
    let cancelled = false;
    setState((s) => (s.status === 'ok' ? s : { status: 'loading', units: [] }));
    listOnce(source, all).then(
      (units) => !cancelled && setState({ status: 'ok', units }),
      () => !cancelled && setState({ status: 'failed', units: [] }),
    );
    return () => {
      cancelled = true;
    };
  }, [source, all, enabled]);
  return state;
}
