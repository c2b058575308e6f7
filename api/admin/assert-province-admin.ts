import type { Models } from '../../storage/create-models';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError, type Bilingual } from '../errors';
import { ADMIN_ROLE } from './admin-role';

/**
 * What applies to every province (published processes and forms, overlap rules) takes an administrator of a
 * province-level unit (the ministry's own administrators would hold such a grant too); 403 with `refusal` otherwise.
 */
export async function assertProvinceAdmin(models: Models, user: AuthenticatedUser, refusal: Bilingual): Promise<void> {
  const adminUnits = user.grants.filter((g) => g.role === ADMIN_ROLE).map((g) => g.unitCode);
  const provinces =
    adminUnits.length === 0 ? 0 : await models.Unit.countDocuments({ _id: { $in: adminUnits }, level: 'province' });
  if (provinces === 0) throw new ForbiddenError(refusal);
}
