// Browser-safe and DOM-free.
import type { RoleGrant } from '../../../api-contract';

/** Whether the person holds a role plans concern: an officer of any level, a unit head, an admin, a supervisor. */
export function hasPlanGrant(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => g.role.endsWith('_officer') || ['unit_head', 'admin', 'supervisor'].includes(g.role));
}
