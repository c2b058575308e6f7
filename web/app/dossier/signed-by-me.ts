// Browser-safe and DOM-free.
import type { Dossier, RoleGrant } from '../../../api-contract';

/** Whether one of `grants` has signed the dossier's current sign-off step (to say so instead of "not yours"). */
export function signedByMe(dossier: Pick<Dossier, 'signOff'>, grants: readonly RoleGrant[]): boolean {
  return (dossier.signOff?.signers ?? []).some(
    (s) => s.signed !== null && grants.some((g) => g.role === s.role && g.unitCode === s.unitCode),
  );
}
