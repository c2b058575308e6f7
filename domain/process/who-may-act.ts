import type { DossierState } from './dossier-state';
import { evaluateCondition } from './evaluate-condition';
import { FailureType } from './failure-types';
import { findStep } from './find-step';
import { refusal, type Refusal } from './refusal';
import type { Action, FactValue, ProcessDefinition, StepDefinition, Transition } from './process-definition';
import { signOffSigners, type SignerSlot } from './sign-off-signers';

/** The part of a dossier's state that decides who may act on it. */
export type ActingState = Pick<DossierState, 'currentStep' | 'units' | 'facts'> &
  Partial<Pick<DossierState, 'status' | 'outcome' | 'signOff'>>;

/** Who may take one action now: a role in a unit, and the transition the action would take. */
export interface ActingRule {
  step: StepDefinition;
  transition: Transition;
  /** The step whose actor acts: the current step, or the first (applicant's) step for `actor: applicant`. */
  actorStep: StepDefinition;
  role: string;
  /** The dossier's unit at the actor step's level (undefined only for an inconsistent definition). */
  unitCode: string | undefined;
  /**
   * At a sign-off step, the signers who may take the action instead of `role` in `unitCode`: for `approve` those who
   * have not signed yet, for `return` and `reject` every signer.
   */
  signers?: SignerSlot[];
}

export type WhoMayActResult = { ok: true; rule: ActingRule } | Refusal;

/** A role grant, as users hold them: a role in one unit. */
export interface Grant {
  role: string;
  unitCode: string;
}

/**
 * The one rule for who may take `action` on a dossier, used by the workflow (its update validator and handler),
 * the API (before it stores any form data) and the web app (which buttons to show):
 * - the dossier is open and its current step offers the action;
 * - of the step's transitions for that action, the first whose `when` holds for the facts wins; `facts` are the
 *   dossier's facts merged with those the decision's own form data brings (`factsOf`), so a transition chosen by a
 *   field of the data being submitted is the one whose role and requirements apply;
 * - the actor is that transition's step role (or, for `actor: applicant`, the first step's role) in the dossier's
 *   unit at that step's level; at a sign-off step, any of its signers (each a role of the dossier's unit at the
 *   signer's level) who has not signed yet for `approve`, any signer for `return` and `reject`.
 * Pure: refusals are data (a FailureType and a message naming steps, roles and units by code only).
 */
export function whoMayAct(
  definition: ProcessDefinition,
  state: ActingState,
  action: Action,
  facts: Record<string, FactValue> = state.facts,
): WhoMayActResult {
  const refuse = refusal;
  if (state.currentStep === null) {
    return refuse(FailureType.ActionNotAllowed, `dossier is closed (${state.outcome ?? state.status ?? 'closed'})`);
  }
  const step = findStep(definition, state.currentStep);
  if (!step) return refuse(FailureType.DefinitionError, `unknown current step '${state.currentStep}'`);
  const candidates = step.transitions.filter((t) => t.action === action);
  if (candidates.length === 0) {
    const allowed = [...new Set(step.transitions.map((t) => t.action))].join(', ');
    return refuse(
      FailureType.ActionNotAllowed,
      `action '${action}' is not allowed in step '${step.id}' (allowed: ${allowed})`,
    );
  }
  const transition = candidates.find((t) => evaluateCondition(t.when, facts));
  if (!transition) {
    return refuse(FailureType.DefinitionError, `no transition for '${action}' in step '${step.id}' matches the facts`);
  }
  const actorStep = transition.actor === 'applicant' ? findStep(definition, definition.initialStep) : step;
  if (!actorStep) return refuse(FailureType.DefinitionError, `unknown initial step '${definition.initialStep}'`);
  const rule: ActingRule = {
    step,
    transition,
    actorStep,
    role: actorStep.role,
    unitCode: state.units[actorStep.level],
  };
  if (step.signOff && transition.actor !== 'applicant') {
    const signers = signOffSigners(step, state);
    rule.signers = action === 'approve' ? signers.filter((s) => s.signature === null) : signers;
  }
  return { ok: true, rule };
}

/** The grant among `grants` that `rule` lets act, if any (at a sign-off step, the first of an allowed signer). */
export function grantToAct<G extends Grant>(rule: ActingRule, grants: readonly G[]): G | undefined {
  const { signers } = rule;
  if (signers) return grants.find((g) => signers.some((s) => s.role === g.role && s.unitCode === g.unitCode));
  return grants.find((g) => g.role === rule.role && g.unitCode === rule.unitCode);
}

/**
 * At a sign-off step, the signer among `grants` that has already signed (the reason a second `approve` by it is
 * refused as a conflict, not as a missing role); undefined elsewhere.
 */
export function signedAlready(rule: ActingRule, state: ActingState, grants: readonly Grant[]): SignerSlot | undefined {
  if (!rule.signers || rule.transition.action !== 'approve') return undefined;
  return signOffSigners(rule.step, state).find(
    (s) => s.signature !== null && grants.some((g) => g.role === s.role && g.unitCode === s.unitCode),
  );
}

/** The refusal message when an actor lacks the acting role in the acting unit (codes only). */
export function notPermittedMessage(rule: ActingRule, actor: Grant): string {
  if (rule.signers) {
    const who = rule.signers.map((s) => `${s.role} of unit ${s.unitCode ?? '?'}`).join(', ');
    return `step '${rule.step.id}' action '${rule.transition.action}' is for its signers (${who}), not role '${actor.role}' of unit '${actor.unitCode}'`;
  }
  return (
    `step '${rule.step.id}' action '${rule.transition.action}' is for role '${rule.role}' of unit '${rule.unitCode ?? '?'}', ` +
    `not role '${actor.role}' of unit '${actor.unitCode}'`
  );
}

/**
 * Every action of the current step that one of `grants` may take now, in the definition's order, once per action
 * name, each with its acting rule (for the facts as they stand: the data of a form not yet filled in is unknown).
 */
export function actionsOpenTo<G extends Grant>(
  definition: ProcessDefinition,
  state: ActingState,
  grants: readonly G[],
): { rule: ActingRule; grant: G }[] {
  if (state.currentStep === null) return [];
  const step = findStep(definition, state.currentStep);
  if (!step) return [];
  const open: { rule: ActingRule; grant: G }[] = [];
  for (const action of new Set(step.transitions.map((t) => t.action))) {
    const result = whoMayAct(definition, state, action);
    if (!result.ok) continue;
    const grant = grantToAct(result.rule, grants);
    if (grant) open.push({ rule: result.rule, grant });
  }
  return open;
}
