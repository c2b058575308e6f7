// Browser-safe and DOM-free.
import { bulkActionsOf, type BulkAction } from '../../../domain/process/bulk-actions';
import { findStep } from '../../../domain/process/find-step';
import type { InboxItem, RoleGrant } from '../../../api-contract';
import type { ProcessDefinition } from '../../../domain/process/process-definition';

export type { BulkAction };

/**
 * The actions the caller may take on an inbox row together with other rows: its current step's bulk actions
 * (see bulkActionsOf), if the caller holds the step's role in the unit processing it. Nothing while the row's
 * definition is not loaded yet. The server checks all of this again, dossier by dossier.
 */
export function inboxBulkActions(
  definition: ProcessDefinition | undefined,
  item: InboxItem,
  grants: readonly RoleGrant[],
): BulkAction[] {
  if (!definition || !item.currentStep) return [];
  const step = findStep(definition, item.currentStep);
  if (!step || !grants.some((g) => g.role === step.role && g.unitCode === item.processingUnit)) return [];
  return bulkActionsOf(step);
}

/**
 * The bulk actions every selected row allows, in the first row's order; a reason is required if any row's step
 * requires one (one reason goes to all). Empty for an empty selection.
 */
export function commonBulkActions(rows: readonly (readonly BulkAction[])[]): BulkAction[] {
  const [first, ...rest] = rows;
  if (!first) return [];
  return first
    .filter((a) => rest.every((r) => r.some((b) => b.action === a.action)))
    .map((a) => ({
      ...a,
      requiresComment: a.requiresComment || rest.some((r) => r.some((b) => b.action === a.action && b.requiresComment)),
    }));
}
