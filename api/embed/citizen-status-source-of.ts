import type { DossierState } from '../../domain/process/dossier-state';
import { closedOnTime } from '../../domain/sla/closed-on-time';
import { recordedTimeliness } from '../../domain/sla/recorded-timeliness';
import { nearDueAtOf } from '../../read-model/project-dossier-state';
import { openBucketOf } from '../../read-model/sla/open-bucket-of';
import type { CitizenStatusSource } from './describe-citizen-status';

const toDate = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

/**
 * The citizen-status fields of a dossier from its workflow's state, the way the projection writes them into the read
 * model (projectDossierState): for a lookup that comes before the projection has written the dossier's document
 * (right after the receipt), so the answer is the same as it will be once the document is there.
 */
export function citizenStatusSourceOf(state: DossierState, now: Date): CitizenStatusSource {
  const source: CitizenStatusSource = {
    _id: state.dossierId,
    processKey: state.processKey,
    processVersion: state.processVersion,
    status: state.status,
    outcome: state.outcome,
    currentStep: state.currentStep,
    processingUnit: state.processingUnit,
    dueAt: toDate(state.dueAt),
    overallDueAt: toDate(state.clock?.overallDueAt),
    timeliness: recordedTimeliness(state),
    openBucket: null,
    clockPausedAt: toDate(state.clock?.paused?.at),
    openedAt: new Date(state.openedAt),
    closedAt: toDate(state.closedAt),
    closedOnTime: closedOnTime(state),
  };
  source.openBucket = openBucketOf({ ...source, nearDueAt: nearDueAtOf(state) }, now);
  return source;
}
