import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import type { OpenTimeliness } from '../../domain/sla/timeliness';
import { vietnamMonthOf } from '../../domain/time/vietnam-month-of';

/** The read-model fields the SLA counters depend on. */
export const COUNTED_FIELDS = {
  unitChain: 1,
  receivingUnit: 1,
  processKey: 1,
  programme: 1,
  closedAt: 1,
  closedOnTime: 1,
  currentStep: 1,
  currentRole: 1,
  currentLevel: 1,
  processingUnit: 1,
  status: 1,
  openBucket: 1,
} as const;

export type CountedFields = Pick<DossierViewDoc, keyof typeof COUNTED_FIELDS>;

/** The scope that counts every dossier once, whatever its units (the inbox's counts per processing unit). */
export const ALL_UNITS_SCOPE = '*';

/** An open counter's entry: `role|level|programme|status|bucket` (none of them holds `|`, `.` or `$`). */
export interface OpenEntry {
  role: string;
  level: string;
  programme: string;
  status: string;
  bucket: OpenTimeliness;
}
export const openEntryKey = (e: OpenEntry): string => [e.role, e.level, e.programme, e.status, e.bucket].join('|');

export interface SlaCounterContribution {
  /** The counter document. */
  id: string;
  /** Its identifying fields, set when it is created. */
  key: Record<string, string>;
  /** The count inside it, as an update path: `c.<entry>` or `m.<yyyy-mm>.onTime` / `.late`. */
  path: string;
}

/**
 * What one read-model document adds to the SLA counters (see SlaCounterDoc):
 * - open: one count per scope (each unit of its chain, and ALL_UNITS_SCOPE) in its processing unit's document,
 *   under its role, level, programme, state and open bucket;
 * - finished: one count per unit of its chain in the document of its receiving unit and procedure, and one in that
 *   of all units (ALL_UNITS_SCOPE) and its procedure, under its month of closing, on time or late.
 */
export function slaCounterContributions(doc: CountedFields | null | undefined): SlaCounterContribution[] {
  if (!doc) return [];
  const scopes = [...new Set(doc.unitChain ?? [])];
  if (doc.currentStep && doc.openBucket) {
    const unit = doc.processingUnit ?? '';
    const entry = openEntryKey({
      role: doc.currentRole ?? '',
      level: doc.currentLevel ?? '',
      programme: doc.programme,
      status: doc.status,
      bucket: doc.openBucket,
    });
    return [...scopes, ALL_UNITS_SCOPE].map((scope) => ({
      id: JSON.stringify(['open', scope, unit]),
      key: { kind: 'open', scope, processingUnit: unit },
      path: `c.${entry}`,
    }));
  }
  if (doc.closedAt && doc.closedOnTime !== null && doc.closedOnTime !== undefined) {
    // A closing instant with no yyyy-mm month (invalid, or beyond year 9999) cannot be counted by month: it adds
    // nothing, rather than a `m.NaN-NaN` count or an error that would stop the projection on every retry.
    let month: string;
    try {
      month = vietnamMonthOf(new Date(doc.closedAt));
    } catch {
      return [];
    }
    const verdict = doc.closedOnTime ? 'onTime' : 'late';
    // Per receiving unit, and once more for all units of the scope (ALL_UNITS_SCOPE as the receiving unit): the
    // summary's per-procedure rates read a handful of documents, not one per unit.
    return scopes.flatMap((scope) =>
      [doc.receivingUnit, ALL_UNITS_SCOPE].map((receivingUnit) => ({
        id: JSON.stringify(['finished', scope, receivingUnit, doc.processKey]),
        key: { kind: 'finished', scope, receivingUnit, processKey: doc.processKey },
        path: `m.${month}.${verdict}`,
      })),
    );
  }
  return [];
}

/** An open counter's entry key read back; undefined for one that is not well formed. */
export function parseOpenEntry(key: string): OpenEntry | undefined {
  const [role, level, programme, status, bucket] = key.split('|');
  if (
    bucket === undefined ||
    role === undefined ||
    level === undefined ||
    programme === undefined ||
    status === undefined
  )
    return undefined;
  return { role, level, programme, status, bucket: bucket as OpenTimeliness };
}
