import { ADMIN_ROLE } from './admin-role';
import type { ClockAction, DossierState } from './dossier-state';
import { slaSettingsOf, type ProcessDefinition } from './process-definition';
import type { Grant } from './who-may-act';

/**
 * The one rule for who may take a clock action, used by the workflow (planClockAction) and the API (before it
 * sends anything):
 * - `extend` (the apology and extension): the current step's role, or the escalation role, of the processing unit;
 * - `recompute_deadline`: the administrator or the escalation role of any of the dossier's units.
 */
export function mayActOnClock(
  definition: ProcessDefinition,
  state: Pick<DossierState, 'processingUnit' | 'currentRole' | 'units'>,
  action: ClockAction,
  actor: Grant,
): boolean {
  const { escalationRole } = slaSettingsOf(definition);
  if (action === 'extend') {
    return (
      actor.unitCode === state.processingUnit && (actor.role === state.currentRole || actor.role === escalationRole)
    );
  }
  return (
    (actor.role === ADMIN_ROLE || actor.role === escalationRole) && Object.values(state.units).includes(actor.unitCode)
  );
}
