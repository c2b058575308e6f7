import { FailureType } from './failure-types';
import { refusal, type Refusal } from './refusal';
import type { DecideInput, DossierState } from './dossier-state';
import { findStep } from './find-step';
import type { Action, Outcome, ProcessDefinition, StepDefinition, Transition } from './process-definition';
import { grantToAct, notPermittedMessage, whoMayAct } from './who-may-act';

/** Where an allowed decision leads. */
export interface DecisionPlan {
  transition: Transition;
  step: StepDefinition;
  /** The next step, or null when the dossier closes with `outcome`. */
  nextStep: StepDefinition | null;
  outcome: Outcome | null;
  /** Facts after merging the decision's facts. */
  facts: DossierState['facts'];
}

export type PlanResult = { ok: true; plan: DecisionPlan } | Refusal;

/**
 * Decides, without side effects, whether `input` may be applied to `state` and where it leads. Used by the update
 * validator (to refuse synchronously) and again by the handler (the state may have moved while it waited).
 * Messages name steps, roles and units by code only: they reach API callers and logs.
 */
export function planDecision(definition: ProcessDefinition, state: DossierState, input: DecideInput): PlanResult {
  const refuse = refusal;
  const facts = { ...state.facts, ...(input.facts ?? {}) };
  const who = whoMayAct(definition, state, input.action as Action, facts);
  if (!who.ok) return who;
  const { step, transition } = who.rule;
  if (grantToAct(who.rule, [input.actor]) === undefined) {
    return refuse(FailureType.ActorNotPermitted, notPermittedMessage(who.rule, input.actor));
  }

  const requires = transition.requires ?? [];
  if (requires.includes('comment') && !input.comment?.trim()) {
    return refuse(FailureType.RequirementMissing, `action '${input.action}' requires a comment (reason)`, 'comment');
  }
  if (input.submission && step.form && input.submission.form !== step.form) {
    return refuse(
      FailureType.WrongForm,
      `step '${step.id}' takes form '${step.form}', not '${input.submission.form}'`,
      'submission',
    );
  }
  if (input.action === 'submit' && step.id === definition.initialStep && state.returnedFrom && !input.submission) {
    return refuse(
      FailureType.RequirementMissing,
      `a returned dossier must be resubmitted with supplemented form '${step.form ?? '?'}' data`,
      'submission',
    );
  }
  if (requires.includes('form') && !input.submission && !state.submissions[step.id]) {
    return refuse(
      FailureType.RequirementMissing,
      `action '${input.action}' requires form '${step.form ?? '?'}' data`,
      'submission',
    );
  }

  // A resubmission after `return` resumes at the step that returned the dossier.
  let nextStepId = transition.to ?? null;
  if (input.action === 'submit' && step.id === definition.initialStep && state.returnedFrom) {
    nextStepId = state.returnedFrom;
  }
  if (nextStepId === null) {
    if (!transition.end)
      return refuse(FailureType.DefinitionError, `transition of step '${step.id}' has neither to nor end`);
    return { ok: true, plan: { transition, step, nextStep: null, outcome: transition.end, facts } };
  }
  const nextStep = findStep(definition, nextStepId);
  if (!nextStep) return refuse(FailureType.DefinitionError, `transition leads to unknown step '${nextStepId}'`);
  if (state.units[nextStep.level] === undefined) {
    return refuse(FailureType.DefinitionError, `no unit at level '${nextStep.level}' for step '${nextStep.id}'`);
  }
  return { ok: true, plan: { transition, step, nextStep, outcome: null, facts } };
}
