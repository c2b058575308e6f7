import type { TransitionReportEntry } from '../../api-contract';
import type { TransitionDossier } from './transition-entry-of';

/** The report's entry of a dossier an earlier execution moved: where it is now, on both sides. */
export function alreadyMovedEntry(dossier: TransitionDossier): TransitionReportEntry {
  const place = {
    processKey: dossier.processKey,
    processVersion: dossier.processVersion,
    step: dossier.currentStep,
    unitCode: dossier.processingUnit,
  };
  return { dossierId: dossier._id, from: place, action: 'already_moved', to: place, problems: [] };
}
