import type { Models } from '../../storage/create-models';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError } from '../errors';
import { subtreeOf } from '../units/subtree-of';
import { ADMIN_ROLE } from './admin-role';

/**
 * The units the caller administers and every unit below them (see subtreeOf). 403 when the caller administers
 * nothing.
 */
export async function administeredSubtree(models: Models, user: AuthenticatedUser): Promise<Set<string>> {
  const adminUnits = user.grants.filter((g) => g.role === ADMIN_ROLE).map((g) => g.unitCode);
  if (adminUnits.length === 0) throw new ForbiddenError({ vi: 'Cần quyền quản trị', en: 'requires the admin role' });
  return subtreeOf(models, adminUnits);
}
