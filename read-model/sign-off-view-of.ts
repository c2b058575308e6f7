import type { DossierState, SignOffProgress } from '../domain/process/dossier-state';
import type { ProcessDefinition } from '../domain/process/process-definition';
import { findStep } from '../domain/process/find-step';
import { signOffSigners } from '../domain/process/sign-off-signers';

/** How the inbox names a (role, unit) pair among a dossier's signers. */
export const signerInboxKey = (role: string, unitCode: string): string => `${role}@${unitCode}`;

/**
 * The read model's sign-off fields: the signatures of the current sign-off step (what the API checks a decision
 * against without asking Temporal), and the (role, unit) pairs still awaited and already signed, which the inbox
 * matches (a signer sees the dossier until it has signed). Empty for a dossier elsewhere.
 */
export function signOffViewOf(
  definition: ProcessDefinition,
  state: DossierState,
): { signOff: SignOffProgress | null; signersAwaited: string[]; signersSigned: string[] } {
  const step = state.currentStep ? findStep(definition, state.currentStep) : undefined;
  if (!step?.signOff) return { signOff: null, signersAwaited: [], signersSigned: [] };
  const signers = signOffSigners(step, state);
  const keys = (signed: boolean) =>
    signers
      .filter((s) => (s.signature !== null) === signed && s.unitCode !== undefined)
      .map((s) => signerInboxKey(s.role, s.unitCode ?? ''));
  return {
    signOff: state.signOff?.step === step.id ? state.signOff : { step: step.id, signatures: [] },
    signersAwaited: keys(false),
    signersSigned: keys(true),
  };
}
