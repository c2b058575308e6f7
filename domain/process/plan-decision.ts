import { FailureType } from './failure-types';
import { refusal, type Refusal } from './refusal';
import type { DecideInput, DossierState } from './dossier-state';
import { findStep } from './find-step';
import type { Action, Outcome, ProcessDefinition, StepDefinition, Transition } from './process-definition';
import { grantToAct, notPermittedMessage, signedAlready, whoMayAct } from './who-may-act';
import { signaturesNeeded } from './sign-off-signers';

/** Where an allowed decision leads. */
export interface DecisionPlan {
  transition: Transition;
  step: StepDefinition;
  /** The next step, or null when the dossier closes with `outcome`. */
  nextStep: StepDefinition | null;
  outcome: Outcome | null;
  /** Facts after merging the decision's facts. */
  facts: DossierState['facts'];
  /**
   * At a sign-off step, an `approve` is a signature: the signer (`role@level`) and the signatures counted with it of
   * those needed. While fewer than needed, `holds` is true: the dossier stays at the step (`nextStep` is the step).
   */
  signature?: { signer: string; signed: number; needed: number };
  holds?: true;
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
  const signer = who.rule.signers?.find((s) => s.role === input.actor.role && s.unitCode === input.actor.unitCode);
  if (grantToAct(who.rule, [input.actor]) === undefined) {
    const already = signedAlready(who.rule, state, [input.actor]);
    if (already) {
      return refuse(
        FailureType.ActionNotAllowed,
        `signer '${already.key}' of unit '${already.unitCode ?? '?'}' has already signed step '${step.id}'`,
      );
    }
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

  // A signature at a sign-off step: the dossier stays there until the signatures needed are in.
  let signature: DecisionPlan['signature'];
  if (signer && transition.action === 'approve') {
    const before = state.signOff?.step === step.id ? state.signOff.signatures.length : 0;
    signature = { signer: signer.key, signed: before + 1, needed: signaturesNeeded(step) };
    if (signature.signed < signature.needed) {
      return { ok: true, plan: { transition, step, nextStep: step, outcome: null, facts, signature, holds: true } };
    }
  }
  const signed = signature ? { signature } : {};

  // A resubmission after `return` resumes at the step that returned the dossier.
  let nextStepId = transition.to ?? null;
  if (input.action === 'submit' && step.id === definition.initialStep && state.returnedFrom) {
    nextStepId = state.returnedFrom;
  }
  if (nextStepId === null) {
    if (!transition.end)
      return refuse(FailureType.DefinitionError, `transition of step '${step.id}' has neither to nor end`);
    return { ok: true, plan: { transition, step, nextStep: null, outcome: transition.end, facts, ...signed } };
  }
  const nextStep = findStep(definition, nextStepId);
  if (!nextStep) return refuse(FailureType.DefinitionError, `transition leads to unknown step '${nextStepId}'`);
  if (state.units[nextStep.level] === undefined) {
    return refuse(FailureType.DefinitionError, `no unit at level '${nextStep.level}' for step '${nextStep.id}'`);
  }
  return { ok: true, plan: { transition, step, nextStep, outcome: null, facts, ...signed } };
}
