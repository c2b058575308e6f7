import type { DonorKind } from '../funds/donor-kinds';
import type { FundKind } from '../funds/fund-kinds';
import type { SupportRaisedRow } from './support-results';

/** Kinds of fund whose receipts are allocations, not money raised: never counted as raised. */
const ALLOCATED_FUND_KINDS: readonly FundKind[] = ['state_budget', 'policy_bank_loan'];

/** True when receipts into a fund of this kind are money raised (a campaign's contributions). */
export const isRaisingFund = (kind: FundKind): boolean => !ALLOCATED_FUND_KINDS.includes(kind);

/** A ledger entry as raisedRowsOf reads it: the receipt's day (its date, else its posting day) and donor kind. */
export interface RaisedEntry {
  fundId: string;
  kind: string;
  amount: number;
  day: string;
  donorKind: DonorKind | null;
}

/**
 * The money raised in `from`..`to` (inclusive civil days, by the receipt's day), one row per (fund, donor kind): the
 * receipts of the funds given (`funds`: the funds of the unit and below, with their unit and kind), funds of an
 * allocated kind left out, entries of other kinds or other funds ignored. Rows sorted by fund, then donor kind (the
 * unknown donor last). Pure.
 */
export function raisedRowsOf(
  from: string,
  to: string,
  funds: ReadonlyMap<string, { unitCode: string; kind: FundKind }>,
  entries: readonly RaisedEntry[],
): SupportRaisedRow[] {
  const rows = new Map<string, SupportRaisedRow>();
  for (const e of entries) {
    const fund = funds.get(e.fundId);
    if (e.kind !== 'receipt' || !fund || !isRaisingFund(fund.kind) || e.day < from || e.day > to) continue;
    const key = JSON.stringify([e.fundId, e.donorKind]);
    const row = rows.get(key) ?? {
      fundId: e.fundId,
      fundKind: fund.kind,
      unitCode: fund.unitCode,
      donorKind: e.donorKind,
      receipts: 0,
      amount: 0,
    };
    row.receipts++;
    row.amount += e.amount;
    rows.set(key, row);
  }
  const donorOrder = (a: DonorKind | null, b: DonorKind | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);
  return [...rows.values()].sort((a, b) => a.fundId.localeCompare(b.fundId) || donorOrder(a.donorKind, b.donorKind));
}
