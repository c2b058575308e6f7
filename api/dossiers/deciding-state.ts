import type { DossierState } from '../../domain/process/dossier-state';

/** What the API needs of a dossier to check a decision before sending it (see actingState in the service). */
export type DecidingState = Pick<
  DossierState,
  | 'dossierId'
  | 'processKey'
  | 'processVersion'
  | 'status'
  | 'outcome'
  | 'currentStep'
  | 'currentRole'
  | 'processingUnit'
  | 'receivingUnit'
  | 'units'
  | 'facts'
  | 'signOff'
>;

/** The read-model fields a DecidingState is made of (a projection for DossierView queries). */
export const DECIDING_FIELDS = {
  processKey: 1,
  processVersion: 1,
  status: 1,
  outcome: 1,
  currentStep: 1,
  currentRole: 1,
  processingUnit: 1,
  receivingUnit: 1,
  units: 1,
  facts: 1,
  signOff: 1,
} as const;
