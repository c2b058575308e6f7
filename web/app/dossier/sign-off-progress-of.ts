// Browser-safe and DOM-free.
import type { Dossier } from '../../../api-contract';
import type { SignOffProgress } from '../../../domain/process/dossier-state';

/** The signatures of the dossier's current sign-off step as whoMayAct reads them, from the API's answer. */
export function signOffProgressOf(dossier: Pick<Dossier, 'signOff'>): SignOffProgress | null {
  const signOff = dossier.signOff;
  if (!signOff) return null;
  return {
    step: signOff.step,
    signatures: signOff.signers.flatMap((s) =>
      s.signed ? [{ signer: s.key, actor: s.signed.actor, at: s.signed.at, seq: s.signed.seq }] : [],
    ),
  };
}
