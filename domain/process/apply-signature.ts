import type { DecideInput, DecisionRecord, DossierState, SignOffProgress } from './dossier-state';
import type { DecisionPlan } from './plan-decision';
import type { ProcessDefinition, StepDefinition } from './process-definition';

/**
 * A signature that does not yet complete its sign-off step (`plan.holds`): recorded in the history (who, in which
 * role and unit, when, with the comment) and among the step's signatures; the dossier stays at the step with its
 * one due time, so nothing is scheduled but the read model's update. Pure.
 */
export function applySignature(s: DossierState, plan: DecisionPlan, decision: DecideInput, at: string): DossierState {
  if (!plan.signature) throw new Error('applySignature needs a planned signature');
  const seq = s.seq + 1;
  const record: DecisionRecord = {
    seq,
    action: decision.action,
    fromStep: plan.step.id,
    toStep: plan.step.id,
    actor: decision.actor,
    at,
    stepDueAt: s.dueAt,
    onTime: s.dueAt === null ? true : at <= s.dueAt,
    ...(decision.comment ? { comment: decision.comment } : {}),
    signOff: plan.signature,
  };
  const earlier = s.signOff?.step === plan.step.id ? s.signOff.signatures : [];
  const signature = {
    signer: plan.signature.signer,
    actor: decision.actor,
    at,
    seq,
    ...(decision.comment ? { comment: decision.comment } : {}),
  };
  return {
    ...s,
    signOff: { step: plan.step.id, signatures: [...earlier, signature] },
    history: [...s.history, record],
    seq,
  };
}

/**
 * The sign-off progress a decision that leaves its step leaves behind: empty signatures at a sign-off step entered,
 * null elsewhere (a return, a rejection or the completing signature clears what was collected; a dossier that comes
 * back to the step is signed again from the start). Nothing for definitions without sign-off, whose state keeps
 * the shape it always had.
 */
export function signOffAfter(
  definition: ProcessDefinition,
  nextStep: StepDefinition | null,
): { signOff?: SignOffProgress | null } {
  if (!definition.steps.some((step) => step.signOff)) return {};
  return { signOff: nextStep?.signOff ? { step: nextStep.id, signatures: [] } : null };
}
