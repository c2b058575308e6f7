import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError } from '../errors';
import type { UnitValidity } from './create-unit-validity';

/** A user's grants for acting now: those at units in force today; `check` runs an authorisation with them. */
export interface ActingGrants {
  check<T>(authorise: (user: AuthenticatedUser) => T): T;
}

/**
 * The one place that decides which grants authorise acting now. Grants at a retired unit stop authorising new
 * actions (reading, which uses all grants, stays possible), and so do grants whose start day (`from`, e.g. set by a
 * transition plan for a unit of the reform) is after today: they authorise from that day on. `check` runs `authorise`
 * with the remaining grants; when it refuses (403) and one of `dossierUnits` is retired and held by the user, the
 * refusal names that unit and says why, instead of a bare "not your role". Any other error passes unchanged.
 */
export async function actingGrants(
  validity: UnitValidity,
  user: AuthenticatedUser,
  dossierUnits: readonly (string | null | undefined)[],
): Promise<ActingGrants> {
  const today = validity.today();
  const started = user.grants.filter((g) => !g.from || g.from <= today);
  const retired = await validity.retired(started.map((g) => g.unitCode));
  if (retired.length === 0 && started.length === user.grants.length) return { check: (authorise) => authorise(user) };
  const codes = new Set(retired.map((r) => r.code));
  const active = { ...user, grants: started.filter((g) => !codes.has(g.unitCode)) };
  const named = retired.find((r) => dossierUnits.includes(r.code));
  return {
    check(authorise) {
      try {
        return authorise(active);
      } catch (error) {
        if (!(error instanceof ForbiddenError) || !named) throw error;
        const why = validity.describe(named);
        throw new ForbiddenError(
          {
            vi: `${why.vi}: vai trò tại đơn vị này không còn dùng để xử lý hồ sơ (vẫn xem được lịch sử)`,
            en: `${why.en}: roles there no longer authorise new actions (history stays readable)`,
          },
          { cause: error },
        );
      }
    },
  };
}
