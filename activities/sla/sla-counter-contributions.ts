import type { DossierViewDoc } from '../db/dossier-view-schema';
import type { SlaCounterKey } from '../db/sla-counter-schema';
import { vietnamMonthOf } from './vietnam-month-of';

/** The read-model fields the SLA counters depend on (also the projection used to read a document's old version). */
export const COUNTED_FIELDS = {
  unitChain: 1, receivingUnit: 1, processKey: 1, programme: 1, closedAt: 1, closedOnTime: 1,
  currentStep: 1, currentRole: 1, currentLevel: 1, processingUnit: 1, status: 1, openBucket: 1,
} as const;

export type CountedFields = Pick<DossierViewDoc, keyof typeof COUNTED_FIELDS>;

/** The scope that counts every dossier once, whatever its units (the inbox's counts per processing unit). */
export const ALL_UNITS_SCOPE = '*';

export interface SlaCounterContribution {
  id: string;
  key: SlaCounterKey;
  field: 'n' | 'onTime' | 'late';
}

/**
 * What one read-model document adds to the SLA counters:
 * - open: one count per scope (each unit of its chain, and ALL_UNITS_SCOPE) under its processing unit, role, level,
 *   programme, state and open bucket;
 * - finished: one count per unit of its chain under its receiving unit, procedure and month of closing, on time or
 *   late.
 */
export function slaCounterContributions(doc: CountedFields | null | undefined): SlaCounterContribution[] {
  if (!doc) return [];
  const scopes = [...new Set(doc.unitChain ?? [])];
  if (doc.currentStep && doc.openBucket) {
    return [...scopes, ALL_UNITS_SCOPE].map((scope) => {
      const key: SlaCounterKey = {
        kind: 'open', scope,
        processingUnit: doc.processingUnit ?? '', role: doc.currentRole ?? '', level: doc.currentLevel ?? '',
        programme: doc.programme, status: doc.status, bucket: doc.openBucket!,
      };
      return { id: JSON.stringify(['open', scope, key.processingUnit, key.role, key.level, key.programme, key.status, key.bucket]), key, field: 'n' };
    });
  }
  if (doc.closedAt && doc.closedOnTime !== null && doc.closedOnTime !== undefined) {
    const month = vietnamMonthOf(new Date(doc.closedAt));
    return scopes.map((scope) => ({
      id: JSON.stringify(['finished', scope, doc.receivingUnit, doc.processKey, month]),
      key: { kind: 'finished', scope, receivingUnit: doc.receivingUnit, processKey: doc.processKey, month },
      field: doc.closedOnTime ? 'onTime' : 'late',
    }));
  }
  return [];
}
