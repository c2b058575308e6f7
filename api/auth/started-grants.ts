import { vietnamDate } from '../../domain/time/vietnam-date';
import type { RoleGrant } from '../../storage/user-schema';

/**
 * The grants that have started by `today` (Việt Nam's civil date): a grant with a start day (`from`, e.g. given by a
 * transition plan for a unit of the reform) authorises nothing before it. Applied where the caller is resolved, so
 * every authorisation (creating, administering, funds, reading) sees only started grants; the users API still lists
 * every stored grant.
 */
export function startedGrants(grants: readonly RoleGrant[], today = vietnamDate(new Date())): RoleGrant[] {
  return grants.filter((grant) => !grant.from || grant.from <= today);
}
