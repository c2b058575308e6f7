import { netByDossier, type DatedEntry } from '../funds/fund-period';
import type { FactValue, Outcome } from '../process/process-definition';

/** What the approval rule reads of a dossier (a ResultDossier will do). */
export interface ApprovalDossier {
  id: string;
  facts: Record<string, FactValue>;
  closedDay: string | null;
  outcome: Outcome | null;
  hasCommitment: boolean;
}

/**
 * The date of the decision that approved the dossier, when its definition records it as the fact `decidedOn` (the
 * decision form's own date, e.g. fund-campaign-housing-2024@2): YYYY-MM-DD, else null.
 */
export const decidedOnOf = (facts: Record<string, FactValue>): string | null => {
  const day = facts['decidedOn'];
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
};

/**
 * Whether a dossier counts as approved in `from`..`to` (inclusive civil days), by the support report's rule: a
 * dossier whose decision date is a fact (`decidedOnOf`) when that date is in the period and it did not close rejected
 * or withdrawn (a decision counts on the day it was signed, however late it was entered); else a dossier with money
 * when its commitments minus releases in the period (over all funds) are positive (`netByDossier`); a dossier without
 * any commitment when it closed completed in the period. `entries` may be any superset. Pure.
 */
export function approvedInPeriod(
  from: string,
  to: string,
  dossiers: readonly ApprovalDossier[],
  entries: readonly DatedEntry[],
): (d: ApprovalDossier) => boolean {
  const inPeriod = (day: string | null): day is string => day !== null && day >= from && day <= to;
  const ids = new Set(dossiers.map((d) => d.id));
  const approvedByMoney = new Set(
    netByDossier(
      entries
        .filter((e) => inPeriod(e.day) && e.dossierId !== null && ids.has(e.dossierId))
        .map((entry) => ({ entry })),
      'commitment',
      'release',
    ).map((net) => net.dossierId),
  );
  return (d) => {
    const decidedOn = decidedOnOf(d.facts);
    if (decidedOn !== null) return inPeriod(decidedOn) && d.outcome !== 'rejected' && d.outcome !== 'withdrawn';
    return d.hasCommitment ? approvedByMoney.has(d.id) : inPeriod(d.closedDay) && d.outcome === 'completed';
  };
}
