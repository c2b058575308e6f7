import type { Models } from '../../storage/create-models';
import type { DossierState } from '../../domain/process/dossier-state';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import { findStep } from '../../domain/process/find-step';
import { signaturesNeeded, signOffSigners } from '../../domain/process/sign-off-signers';
import type { Dossier } from '../../api-contract';

type DossierSignOff = NonNullable<Dossier['signOff']>;

/**
 * The current sign-off step as the dossier page shows it: each signer (the body's title, its unit), who signed for it
 * and when, by the name and title the users registry holds (never the username), or, while awaited, the names of
 * the active users who may sign for it. Undefined when the dossier is not at a sign-off step. Names come from the
 * registry at read time: the workflow keeps ids only.
 */
export async function presentSignOff(
  models: Models,
  definition: ProcessDefinition,
  state: DossierState,
): Promise<DossierSignOff | undefined> {
  const step = state.currentStep ? findStep(definition, state.currentStep) : undefined;
  if (!step?.signOff) return undefined;
  const signers = signOffSigners(step, state);
  const units = [...new Set(signers.flatMap((s) => (s.unitCode ? [s.unitCode] : [])))];
  const signerIds = signers.flatMap((s) => (s.signature ? [s.signature.actor.userId] : []));
  const users = await models.User.find(
    { $or: [{ _id: { $in: signerIds } }, { active: true, 'grants.unitCode': { $in: units } }] },
    { displayName: 1, grants: 1, active: 1 },
  ).lean();
  const nameOf = (userId: string) => users.find((u) => u._id === userId)?.displayName ?? userId;
  return {
    step: step.id,
    needed: signaturesNeeded(step),
    signed: signers.filter((s) => s.signature !== null).length,
    signers: signers.map((s) => ({
      key: s.key,
      role: s.role,
      level: s.level,
      title: s.signer.title,
      unitCode: s.unitCode ?? null,
      signed: s.signature
        ? {
            at: s.signature.at,
            seq: s.signature.seq,
            name: nameOf(s.signature.actor.userId),
            actor: s.signature.actor,
            ...(s.signature.comment ? { comment: s.signature.comment } : {}),
          }
        : null,
      awaitedFrom: s.signature
        ? []
        : users
            .filter((u) => u.active && u.grants.some((g) => g.role === s.role && g.unitCode === s.unitCode))
            .map((u) => u.displayName)
            .sort((a, b) => a.localeCompare(b, 'vi')),
    })),
  };
}
