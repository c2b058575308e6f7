// Browser-safe and DOM-free.
import type { RoleGrant, UnitItem } from '../../../api-contract';
import { inForceOn } from '../../../domain/units/in-force-on';
import { retiredUnitOf } from '../units/retired-unit-of';

/**
 * Where a grant stands today, as the admin users page shows it: `upcoming` when its start day (`from`) is after today
 * (it authorises nothing yet), else `started`; `retired` names the first unit of its chain not in force on the day
 * that matters (today for a started grant, its start day for an upcoming one), or is undefined. An upcoming grant at
 * a unit that comes into force on its start day is therefore not called retired (the unit is not in force today).
 */
export interface GrantStanding {
  state: 'started' | 'upcoming';
  /** The grant's start day (YYYY-MM-DD), when it has one. */
  from: string | undefined;
  retired: UnitItem | undefined;
}

/** `today` is Việt Nam's date (YYYY-MM-DD); `unit` the app's unit directory (undefined for an unknown code). */
export function grantStanding(
  grant: RoleGrant,
  today: string,
  unit: (code: string) => UnitItem | undefined,
): GrantStanding {
  if (grant.from && grant.from > today) {
    return { state: 'upcoming', from: grant.from, retired: notInForceOn(grant.unitCode, grant.from, unit) };
  }
  return { state: 'started', from: grant.from, retired: retiredUnitOf(grant.unitCode, unit) };
}

/** The first unit of the chain of `code` not in force on `day` (inForceOn, the one rule). */
function notInForceOn(code: string, day: string, unit: (code: string) => UnitItem | undefined): UnitItem | undefined {
  return retiredUnitOf(code, (c) => {
    const found = unit(c);
    return found && { ...found, inForce: inForceOn(found, day) };
  });
}

/** How many of `grants` are at a retired unit (started grants) and how many have not started yet. */
export function countGrantStandings(
  grants: readonly RoleGrant[],
  today: string,
  unit: (code: string) => UnitItem | undefined,
): { retired: number; upcoming: number } {
  const standings = grants.map((g) => grantStanding(g, today, unit));
  return {
    // Counted apart: a grant not started yet is upcoming, whatever its unit (its unit is judged on its start day).
    retired: standings.filter((s) => s.retired && s.state !== 'upcoming').length,
    upcoming: standings.filter((s) => s.state === 'upcoming').length,
  };
}
