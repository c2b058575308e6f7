import type { DossierState, Signature } from './dossier-state';
import type { Level, Signer, StepDefinition } from './process-definition';

/** A signer of a sign-off step for one dossier: the declared body, its unit, and its signature if it signed. */
export interface SignerSlot {
  /** `role@level`, how signatures name the signer. */
  key: string;
  signer: Signer;
  role: string;
  level: Level;
  /** The dossier's unit at the signer's level (undefined only for a dossier without one, refused at creation). */
  unitCode: string | undefined;
  signature: Signature | null;
}

/** How a signature names its signer. */
export const signerKey = (signer: { role: string; level: Level }): string => `${signer.role}@${signer.level}`;

/** How many signatures a sign-off step needs to move on: its quorum, or every signer. */
export function signaturesNeeded(step: StepDefinition): number {
  return step.signOff ? (step.signOff.quorum ?? step.signOff.by.length) : 0;
}

/**
 * The signers of `step` for the dossier in `state`, in declared order, each with the signature it gave since the
 * dossier entered the step (none for a step the dossier is not at). Empty for a step without `signOff`.
 */
export function signOffSigners(
  step: StepDefinition,
  state: Pick<DossierState, 'units'> & Partial<Pick<DossierState, 'signOff'>>,
): SignerSlot[] {
  const signatures = state.signOff?.step === step.id ? state.signOff.signatures : [];
  return (step.signOff?.by ?? []).map((signer) => {
    const key = signerKey(signer);
    return {
      key,
      signer,
      role: signer.role,
      level: signer.level,
      unitCode: state.units[signer.level],
      signature: signatures.find((s) => s.signer === key) ?? null,
    };
  });
}
