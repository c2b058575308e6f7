// Browser-safe and DOM-free.
import { findStep } from '../../../domain/process/find-step';
import type { ProcessDefinition } from '../../../domain/process/process-definition';
import type { RoleGrant } from '../../../api-contract';

/**
 * The caller's grants that may start a dossier of `definition`: those holding the first step's role. (The server
 * also checks the unit's level and the definition's effective dates, and says why if it refuses.)
 */
export function startableGrants(definition: ProcessDefinition, grants: readonly RoleGrant[]): RoleGrant[] {
  const first = findStep(definition, definition.initialStep);
  return first ? grants.filter((g) => g.role === first.role) : [];
}
