import { useEffect, useState } from 'react';
import type { UnitItem, UnitList } from '../../../api-contract';
import { useAppServices } from '../app-services';

/**
 * The units in force at and under the administrator's unit (`GET /api/units?under=`), with `all` those retired too,
 * in the API's order, for a select that names them; undefined while loading or when the list could not be read (the
 * select then offers the administrator's own unit only).
 */
export function useAdminUnits(root: string, all = false): UnitItem[] | undefined {
  const { api } = useAppServices();
  const [units, setUnits] = useState<UnitItem[]>();
  useEffect(() => {
    if (!root) return;
    let live = true;
    void api.get<UnitList>(`/api/units?under=${encodeURIComponent(root)}${all ? '&all=true' : ''}`).then((answer) => {
      if (live && answer.ok) setUnits(answer.value.items);
    });
    return () => {
      live = false;
    };
  }, [api, root, all]);
  return units;
}
