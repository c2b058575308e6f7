// Browser-safe and DOM-free.
import { actionsOpenTo } from '../../../domain/process/who-may-act';
import type { Dossier, RoleGrant } from '../../../api-contract';
import type { Action, LocalizedText, ProcessDefinition } from '../../../domain/process/process-definition';
import { signOffProgressOf } from './sign-off-progress-of';

/** An action the caller may take on the dossier's current step, as a button. */
export interface AllowedAction {
  action: Action;
  /** The definition's label for the transition that would be taken (its `when` matches the dossier's facts). */
  label?: LocalizedText;
  /** The current step's form data goes with it (approve, submit). */
  requiresForm: boolean;
  /** A reason is required (return, reject, withdraw). */
  requiresComment: boolean;
}

/**
 * The actions of the dossier's current step that `grants` allow, in the definition's order, one per action name:
 * the actor is the step's role in the dossier's unit at the step's level (or, for `actor: applicant`, the first
 * step's). The server checks all of this again; this only decides which buttons to show.
 */
export function allowedActions(
  definition: ProcessDefinition,
  dossier: Dossier,
  grants: readonly RoleGrant[],
): AllowedAction[] {
  const state = {
    currentStep: dossier.currentStep?.id ?? null,
    units: dossier.units,
    facts: dossier.facts,
    signOff: signOffProgressOf(dossier),
  };
  return actionsOpenTo(definition, state, grants).map(({ rule: { transition } }) => ({
    action: transition.action,
    ...(transition.label ? { label: transition.label } : {}),
    requiresForm: transition.requires?.includes('form') === true && transition.actor !== 'applicant',
    requiresComment: transition.requires?.includes('comment') === true,
  }));
}
