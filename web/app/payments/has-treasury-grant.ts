// Browser-safe and DOM-free.
import type { RoleGrant } from '../../../api-contract';

/** The role that confirms payments and imports the bank's statements (the API's TREASURY_ROLE). */
export const TREASURY_ROLE = 'treasurer';

/** Whether the person holds the treasury role anywhere: the "Thanh toán" page is in their header. */
export function hasTreasuryGrant(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => g.role === TREASURY_ROLE);
}
