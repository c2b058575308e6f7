import type { Models } from '../../storage/create-models';
import type { RoleGrant } from '../../storage/user-schema';
import { recordAdminEvent } from './record-admin-event';

/**
 * Adds or removes one role grant of a user and audits it (`user.grant` / `user.revoke`): the one code path of the
 * users API and of transition plans. The caller has checked that it may. One atomic `$addToSet` / `$pullAll`: of
 * concurrent identical changes exactly one modifies the user and is audited; the others, like a later repeat, find it
 * done and answer false. (Grants are stored in the schema's key order, role, unitCode, then `from` when given, which
 * is what makes the set comparison work.) A revocation removes the role at the unit whatever its start day.
 */
export async function changeGrant(
  models: Models,
  change: {
    by: string;
    kind: 'grant' | 'revoke';
    username: string;
    grant: RoleGrant;
    details?: Record<string, unknown>;
  },
): Promise<boolean> {
  const { role, unitCode, from } = change.grant;
  const stored = { role, unitCode, ...(from ? { from } : {}) };
  let update;
  if (change.kind === 'grant') update = { $addToSet: { grants: stored } };
  else {
    // `$pull` with a condition removes only elements equal to it on FerretDB v1 (a grant with a start day would stay):
    // the stored elements of that role at that unit are read and removed as they are, by `$pullAll`.
    const user = await models.User.findById(change.username, { grants: 1 }).lean();
    const held = (user?.grants ?? []).filter((g) => g.role === role && g.unitCode === unitCode);
    if (held.length === 0) return false;
    update = { $pullAll: { grants: held } };
  }
  const result = await models.User.updateOne({ _id: change.username }, update);
  if (result.modifiedCount !== 1) return false;
  await recordAdminEvent(models, {
    by: change.by,
    kind: change.kind === 'grant' ? 'user.grant' : 'user.revoke',
    target: change.username,
    scope: unitCode,
    details: { ...stored, ...change.details },
  });
  return true;
}
