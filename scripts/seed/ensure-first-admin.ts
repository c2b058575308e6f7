import { recordAdminEvent } from '../../api/admin/record-admin-event';
import { hashPassword } from '../../api/auth/hash-password';
import type { Models } from '../../storage/create-models';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import { firstAdminConfigOf, FirstAdminConfigError } from './first-admin-config';

export type FirstAdminOutcome = 'exists' | 'created';

/**
 * Production's seed step: if no active user holds the `admin` role, creates one from HOSO_ADMIN_* (see
 * firstAdminConfigOf) with the admin grant on HOSO_ADMIN_UNIT, creating that unit as a province named
 * HOSO_ADMIN_UNIT_NAME, in force from `today`, if it does not exist. Once an administrator exists the variables are
 * not read again (the password can then be changed in the app and removed from the environment). Throws
 * FirstAdminConfigError when an administrator is needed and the variables are missing, incomplete or weak, or name
 * a user that exists already; the launcher turns that into a refusal to start.
 */
export async function ensureFirstAdmin(deps: {
  models: Models;
  env: NodeJS.ProcessEnv;
  today: string;
}): Promise<FirstAdminOutcome> {
  const { models } = deps;
  if (await models.User.exists({ active: true, 'grants.role': 'admin' })) return 'exists';
  const config = firstAdminConfigOf(deps.env);
  if (!config) {
    throw new FirstAdminConfigError(
      'there is no administrator yet: set HOSO_ADMIN_USERNAME, HOSO_ADMIN_PASSWORD (or HOSO_ADMIN_PASSWORD_FILE) ' +
        'and HOSO_ADMIN_UNIT (with HOSO_ADMIN_UNIT_NAME for a new province) to create the first one',
    );
  }
  if (!(await models.Unit.exists({ _id: config.unitCode }))) {
    if (!config.unitName) {
      throw new FirstAdminConfigError(
        `unit ${config.unitCode} does not exist: set HOSO_ADMIN_UNIT_NAME to create it as a province`,
      );
    }
    await models.Unit.create({
      _id: config.unitCode,
      name: config.unitName,
      level: 'province',
      parentCode: null,
      effectiveFrom: deps.today,
      effectiveTo: null,
      successorCode: null,
    });
  }
  try {
    await models.User.create({
      _id: config.username,
      displayName: config.username,
      passwordHash: await hashPassword(config.password),
      grants: [{ role: 'admin', unitCode: config.unitCode }],
      active: true,
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    throw new FirstAdminConfigError(
      'the user HOSO_ADMIN_USERNAME names exists but is not an active administrator: choose another username',
    );
  }
  // In the administrative audit log like any user created in the app, by the seed rather than a person.
  await recordAdminEvent(models, {
    by: 'seed',
    kind: 'user.create',
    target: config.username,
    scope: config.unitCode,
    details: { grants: [{ role: 'admin', unitCode: config.unitCode }], from: 'environment' },
  });
  return 'created';
}
