import type { Models } from '../../storage/create-models';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError } from '../errors';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { ADMIN_ROLE } from './admin-role';

/** An administrator may manage what belongs to a unit at or below a unit where they hold the admin role; else 403. */
export async function assertAdminOf(models: Models, user: AuthenticatedUser, unitCode: string): Promise<void> {
  const chain = await resolveUnitChain(models, unitCode);
  const adminUnits = new Set(user.grants.filter((g) => g.role === ADMIN_ROLE).map((g) => g.unitCode));
  if (!chain.units.some((u) => adminUnits.has(u._id))) {
    throw new ForbiddenError({
      vi: `Cần quyền quản trị của đơn vị ${unitCode} hoặc cấp trên`,
      en: `requires the admin role for unit ${unitCode} or above`,
    });
  }
}
