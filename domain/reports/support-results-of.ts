import type { DatedEntry } from '../funds/fund-period';
import { approvedInPeriod } from './approved-in-period';
import { housesOf } from './houses-of';
import { beneficiariesOf, supportTypeOf } from './support-facts';
import type { FactValue, Outcome } from '../process/process-definition';
import type { SupportCountRow, SupportMoneyRow, SupportResults, SupportResultsQuery } from './support-results';

/** A dossier as the results need it (from the read model): its days are Việt Nam civil days. */
export interface ResultDossier {
  id: string;
  programme: string;
  facts: Record<string, FactValue>;
  /** The commune-level unit it belongs to (its receiving unit's commune; else its receiving unit). */
  unitCode: string;
  openedDay: string;
  closedDay: string | null;
  outcome: Outcome | null;
  closedOnTime: boolean | null;
  /**
   * Whether any ledger holds a commitment for it: then its approval is its money, not its outcome. Only read for a
   * dossier without a commitment in the period that closed completed in it (the loader checks just those).
   */
  hasCommitment: boolean;
}

/** A ledger entry as the results need it: `day` is its posting day (`postingDayOf`). */
export interface ResultEntry extends DatedEntry {
  fundId: string;
}

export { beneficiariesOf, supportTypeOf } from './support-facts';

const emptyCounts = (programme: string, supportType: string | null, unitCode: string): SupportCountRow => ({
  programme,
  supportType,
  unitCode,
  proposed: 0,
  approved: 0,
  completed: 0,
  rejected: 0,
  beneficiaries: 0,
  housesBuilt: 0,
  housesRepaired: 0,
  closedOnTime: 0,
  closedLate: 0,
});

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byKeys = <T extends { programme: string; supportType: string | null; unitCode: string }>(
  a: T & { fundId?: string },
  b: T & { fundId?: string },
): number =>
  cmp(a.programme, b.programme) ||
  cmp(a.supportType ?? '', b.supportType ?? '') ||
  cmp(a.unitCode, b.unitCode) ||
  cmp(a.fundId ?? '', b.fundId ?? '');

/**
 * The support results of `query.from`..`query.to` (inclusive civil days) from the dossiers and ledger entries given
 * (any superset: what lies outside the period, or belongs to a dossier not given, is ignored). The rules:
 * - proposed: opened in the period; completed / rejected (rejected or withdrawn): closed so in the period; closed on
 *   time / late: closed in the period with `closedOnTime` true / false (a close without a clock counts in neither);
 * - approved: a dossier whose decision date is a fact (`decidedOnOf`), when that date is in the period and it did not
 *   close rejected or withdrawn: a decision counts on the day it was signed, however late it was entered (a province
 *   entering its 2024 records in 2026 counts them in 2024); else a dossier with money, when its commitments minus
 *   releases in the period (over all funds) are positive, as the approval list counts it (`netByDossier`); a dossier
 *   without any commitment, when it closed completed in the period; beneficiaries add up `beneficiariesOf` over the
 *   approved dossiers, houses built and repaired their `housesOf` (house programmes only);
 * - money, per fund: committed = commitments − releases, paid = payments − payment reversals, dossiers = those with a
 *   commitment entry from the fund in the period.
 * Rows with nothing in them are left out; rows are sorted by programme, support type, unit (and fund).
 */
export function supportResultsOf(
  query: SupportResultsQuery,
  dossiers: readonly ResultDossier[],
  entries: readonly ResultEntry[],
): Omit<SupportResults, 'raised'> {
  const inPeriod = (day: string | null): day is string => day !== null && day >= query.from && day <= query.to;
  const byId = new Map(dossiers.map((d) => [d.id, d]));
  const periodEntries = entries.filter((e) => inPeriod(e.day) && e.dossierId !== null && byId.has(e.dossierId));
  const isApproved = approvedInPeriod(query.from, query.to, dossiers, entries);

  const counts = new Map<string, SupportCountRow>();
  for (const d of dossiers) {
    const supportType = supportTypeOf(d.facts);
    const key = JSON.stringify([d.programme, supportType, d.unitCode]);
    const row = counts.get(key) ?? emptyCounts(d.programme, supportType, d.unitCode);
    const closedIn = inPeriod(d.closedDay);
    const approved = isApproved(d);
    if (inPeriod(d.openedDay)) row.proposed++;
    if (approved) {
      row.approved++;
      row.beneficiaries += beneficiariesOf(d.facts);
      const houses = housesOf(d.programme, d.facts);
      row.housesBuilt += houses.built;
      row.housesRepaired += houses.repaired;
    }
    if (closedIn && d.outcome === 'completed') row.completed++;
    if (closedIn && (d.outcome === 'rejected' || d.outcome === 'withdrawn')) row.rejected++;
    if (closedIn && d.closedOnTime === true) row.closedOnTime++;
    if (closedIn && d.closedOnTime === false) row.closedLate++;
    counts.set(key, row);
  }

  const money = new Map<string, SupportMoneyRow & { ids: Set<string> }>();
  for (const e of periodEntries) {
    const d = byId.get(e.dossierId!)!;
    const supportType = supportTypeOf(d.facts);
    const key = JSON.stringify([d.programme, supportType, d.unitCode, e.fundId]);
    const row = money.get(key) ?? {
      programme: d.programme,
      supportType,
      unitCode: d.unitCode,
      fundId: e.fundId,
      dossiers: 0,
      committed: 0,
      paid: 0,
      ids: new Set<string>(),
    };
    if (e.kind === 'commitment') row.ids.add(d.id);
    row.committed += e.kind === 'commitment' ? e.amount : e.kind === 'release' ? -e.amount : 0;
    row.paid += e.kind === 'payment' ? e.amount : e.kind === 'payment_reversal' ? -e.amount : 0;
    money.set(key, row);
  }

  const isEmpty = (r: SupportCountRow) =>
    r.proposed + r.approved + r.completed + r.rejected + r.closedOnTime + r.closedLate === 0;
  return {
    unitCode: query.unitCode,
    from: query.from,
    to: query.to,
    counts: [...counts.values()].filter((r) => !isEmpty(r)).sort(byKeys),
    money: [...money.values()]
      .map(({ ids, ...row }) => ({ ...row, dossiers: ids.size }))
      .filter((r) => r.dossiers !== 0 || r.committed !== 0 || r.paid !== 0)
      .sort(byKeys),
  };
}
