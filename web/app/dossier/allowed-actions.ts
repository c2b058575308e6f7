// Browser-safe and DOM-free.
import { evaluateCondition } from '../../../workflows/evaluate-condition';
import { findStep } from '../../../workflows/plan-decision';
import type { Action, Dossier, LocalizedText, ProcessDefinition } from '../api/app-api-types';
import type { RoleGrant } from '../session/session-store';

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
export function allowedActions(definition: ProcessDefinition, dossier: Dossier, grants: readonly RoleGrant[]): AllowedAction[] {
  const current = dossier.currentStep;
  if (!current) return [];
  const step = findStep(definition, current.id);
  if (!step) return [];
  const first = findStep(definition, definition.initialStep) ?? step;
  const seen = new Set<Action>();
  const result: AllowedAction[] = [];
  for (const transition of step.transitions) {
    if (seen.has(transition.action)) continue;
    if (transition.when && !evaluateCondition(transition.when, dossier.facts)) continue;
    const actorStep = transition.actor === 'applicant' ? first : step;
    const unit = dossier.units[actorStep.level];
    if (!grants.some((g) => g.role === actorStep.role && g.unitCode === unit)) continue;
    seen.add(transition.action);
    result.push({
      action: transition.action,
      ...(transition.label ? { label: transition.label } : {}),
      requiresForm: transition.requires?.includes('form') === true && transition.actor !== 'applicant',
      requiresComment: transition.requires?.includes('comment') === true,
    });
  }
  return result;
}
