import type { Models } from '../../activities/db/create-models';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError } from '../errors';
import { ADMIN_ROLE } from './admin-role';

/**
 * The units the caller administers and every unit below them (walked down by parent links, a few levels: province,
 * district, commune). 403 when the caller administers nothing.
 */
export async function administeredSubtree(models: Models, user: AuthenticatedUser): Promise<Set<string>> {
  const adminUnits = user.grants.filter((g) => g.role === ADMIN_ROLE).map((g) => g.unitCode);
  if (adminUnits.length === 0) throw new ForbiddenError({ vi: 'Cần quyền quản trị', en: 'requires the admin role' });
  const subtree = new Set(adminUnits);
  for (let frontier = adminUnits, depth = 0; frontier.length > 0 && depth < 4; depth++) {
    const children = await models.Unit.find({ parentCode: { $in: frontier } }, { _id: 1 }).lean();
    frontier = children.map((c) => c._id).filter((id) => !subtree.has(id));
    for (const id of frontier) subtree.add(id);
  }
  return subtree;
}
