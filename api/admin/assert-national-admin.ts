import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError, type Bilingual } from '../errors';
import { ADMIN_ROLE } from './admin-role';

/** The national scope: the calendar's `VN` year, and the unit code of a national administrator's grant. */
export const NATIONAL_SCOPE = 'VN';

/** Whether `user` administers the national scope: an `admin` grant at `VN` (no province's grant reaches it). */
export const isNationalAdmin = (user: AuthenticatedUser): boolean =>
  user.grants.some((g) => g.role === ADMIN_ROLE && g.unitCode === NATIONAL_SCOPE);

/**
 * What binds every province and is not theirs to change (the national working calendar as the government publishes
 * it) takes a national administrator; 403 with `refusal` otherwise, a province's administrator included.
 */
export function assertNationalAdmin(user: AuthenticatedUser, refusal: Bilingual): void {
  if (!isNationalAdmin(user)) throw new ForbiddenError(refusal);
}
