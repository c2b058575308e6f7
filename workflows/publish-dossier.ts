import { upsertSearchAttributes } from '@temporalio/workflow';
import type { DossierState } from './messages';
import {
  DOSSIER_DUE_AT,
  DOSSIER_LEVEL,
  DOSSIER_PROCESS,
  DOSSIER_STATUS,
  DOSSIER_STEP,
  DOSSIER_UNIT,
} from './search-attributes';

/** Search attributes: codes and times only, never personal data. */
export function publishDossier(s: DossierState): void {
  upsertSearchAttributes([
    { key: DOSSIER_STATUS, value: s.status },
    { key: DOSSIER_STEP, value: s.currentStep ?? s.outcome ?? s.status },
    { key: DOSSIER_LEVEL, value: s.currentLevel ?? 'closed' },
    { key: DOSSIER_UNIT, value: s.processingUnit ?? s.receivingUnit },
    { key: DOSSIER_PROCESS, value: `${s.processKey}@${s.processVersion}` },
    { key: DOSSIER_DUE_AT, value: s.dueAt ? new Date(s.dueAt) : null },
  ]);
}
