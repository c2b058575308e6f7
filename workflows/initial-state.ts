import type { ActorRef, DossierState, DossierWorkflowInput } from './messages';
import { nowIso } from './now-iso';

/**
 * The state of a new dossier: received, before its first step is entered, its creation the first history entry.
 * `openedAt` is the paper receipt time when the input has one, else the creation time.
 */
export function initialState(input: DossierWorkflowInput): DossierState {
  const at = nowIso();
  const creator: ActorRef = input.createdBy;
  return {
    dossierId: input.dossierId,
    processKey: input.definition.key,
    processVersion: input.definition.version,
    status: 'received',
    outcome: null,
    currentStep: null,
    currentLevel: null,
    currentRole: null,
    processingUnit: null,
    receivingUnit: input.receivingUnit,
    units: input.units,
    stepStartedAt: null,
    dueAt: null,
    returnedFrom: null,
    facts: input.initialFacts ?? {},
    submissions: input.initialSubmission ? { [input.definition.initialStep]: input.initialSubmission } : {},
    history: [
      {
        seq: 1,
        action: 'create',
        fromStep: null,
        toStep: input.definition.initialStep,
        actor: creator,
        at,
        ...(input.initialSubmission ? { submission: input.initialSubmission } : {}),
        ...(input.overlapOverride ? { overlapOverride: input.overlapOverride } : {}),
        ...(input.receivedAt ? { receivedAt: input.receivedAt } : {}),
      },
    ],
    seq: 1,
    // A paper dossier's clock starts at its receipt, from the input (never the clock): replays see the same value.
    openedAt: input.receivedAt ?? at,
    closedAt: null,
  };
}
