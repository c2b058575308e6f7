import { FailureType } from './failure-types';
import type { DecideInput, DossierState } from './messages';
import type { Outcome, ProcessDefinition, StepDefinition, Transition } from './process-definition';
import { evaluateCondition } from './evaluate-condition';

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

export type PlanResult = { ok: true; plan: DecisionPlan } | { ok: false; type: FailureType; message: string };

export function findStep(definition: ProcessDefinition, stepId: string): StepDefinition | undefined {
  return definition.steps.find((s) => s.id === stepId);
}

/**
 * Decides, without side effects, whether `input` may be applied to `state` and where it leads. Used by the update
 * validator (to refuse synchronously) and again by the handler (the state may have moved while it waited).
 * Messages name steps, roles and units by code only: they reach API callers and logs.
 */
export function planDecision(definition: ProcessDefinition, state: DossierState, input: DecideInput): PlanResult {
  const refuse = (type: FailureType, message: string): PlanResult => ({ ok: false, type, message });
  if (state.currentStep === null) {
    return refuse(FailureType.ActionNotAllowed, `dossier is closed (${state.outcome ?? state.status})`);
  }
  const step = findStep(definition, state.currentStep);
  if (!step) return refuse(FailureType.DefinitionError, `unknown current step '${state.currentStep}'`);

  const candidates = step.transitions.filter((t) => t.action === input.action);
  if (candidates.length === 0) {
    const allowed = [...new Set(step.transitions.map((t) => t.action))].join(', ');
    return refuse(
      FailureType.ActionNotAllowed,
      `action '${input.action}' is not allowed in step '${step.id}' (allowed: ${allowed})`,
    );
  }

  const facts = { ...state.facts, ...(input.facts ?? {}) };
  const transition = candidates.find((t) => evaluateCondition(t.when, facts));
  if (!transition) {
    return refuse(FailureType.DefinitionError, `no transition for '${input.action}' in step '${step.id}' matches the facts`);
  }

  const actorStep = transition.actor === 'applicant' ? findStep(definition, definition.initialStep) : step;
  if (!actorStep) return refuse(FailureType.DefinitionError, `unknown initial step '${definition.initialStep}'`);
  const expectedUnit = state.units[actorStep.level];
  if (input.actor.role !== actorStep.role || input.actor.unitCode !== expectedUnit) {
    return refuse(
      FailureType.ActorNotPermitted,
      `step '${step.id}' action '${input.action}' is for role '${actorStep.role}' of unit '${expectedUnit ?? '?'}', ` +
        `not role '${input.actor.role}' of unit '${input.actor.unitCode}'`,
    );
  }

  const requires = transition.requires ?? [];
  if (requires.includes('comment') && !input.comment?.trim()) {
    return refuse(FailureType.RequirementMissing, `action '${input.action}' requires a comment (reason)`);
  }
  if (input.submission && step.form && input.submission.form !== step.form) {
    return refuse(FailureType.WrongForm, `step '${step.id}' takes form '${step.form}', not '${input.submission.form}'`);
  }
  if (input.action === 'submit' && step.id === definition.initialStep && state.returnedFrom && !input.submission) {
    return refuse(FailureType.RequirementMissing, `a returned dossier must be resubmitted with supplemented form '${step.form ?? '?'}' data`);
  }
  if (requires.includes('form') && !input.submission && !state.submissions[step.id]) {
    return refuse(FailureType.RequirementMissing, `action '${input.action}' requires form '${step.form ?? '?'}' data`);
  }

  // A resubmission after `return` resumes at the step that returned the dossier.
  let nextStepId = transition.to ?? null;
  if (input.action === 'submit' && step.id === definition.initialStep && state.returnedFrom) {
    nextStepId = state.returnedFrom;
  }
  if (nextStepId === null) {
    if (!transition.end) return refuse(FailureType.DefinitionError, `transition of step '${step.id}' has neither to nor end`);
    return { ok: true, plan: { transition, step, nextStep: null, outcome: transition.end, facts } };
  }
  const nextStep = findStep(definition, nextStepId);
  if (!nextStep) return refuse(FailureType.DefinitionError, `transition leads to unknown step '${nextStepId}'`);
  if (state.units[nextStep.level] === undefined) {
    return refuse(FailureType.DefinitionError, `no unit at level '${nextStep.level}' for step '${nextStep.id}'`);
  }
  return { ok: true, plan: { transition, step, nextStep, outcome: null, facts } };
}
