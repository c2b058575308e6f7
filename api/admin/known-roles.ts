import type { Models } from '../../storage/create-models';
import { ADMIN_ROLE } from './admin-role';

/** Roles that exist whatever processes are published: administration and SLA supervision. */
export const SYSTEM_ROLES = [ADMIN_ROLE, 'supervisor'] as const;

/** Every role a user can be granted: the system roles and the roles named by the steps of published processes. */
export async function knownRoles(models: Models): Promise<Set<string>> {
  const roles = new Set<string>(SYSTEM_ROLES);
  const docs = await models.ProcessDefinition.find({}, { definition: 1 }).lean();
  for (const doc of docs)
    for (const step of doc.definition?.steps ?? []) if (typeof step.role === 'string') roles.add(step.role);
  return roles;
}
