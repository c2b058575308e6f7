import { DONOR_KIND_LABELS, UNKNOWN_DONOR_LABEL, type DonorKind } from '../funds/donor-kinds';
import type { SupportLabel } from './support-labels';
import type { SupportRaisedRow } from './support-results';

/** The money raised in a report: its total, and the same by donor kind, by fund and by lower unit. */
export interface RaisedReport {
  total: number;
  receipts: number;
  byDonorKind: { donorKind: DonorKind | null; label: SupportLabel; receipts: number; amount: number }[];
  byFund: { fundId: string; name: string; unitCode: string; unitName: string; receipts: number; amount: number }[];
  byUnit: { unitCode: string; name: string; amount: number }[];
}

/**
 * The money raised of a report from its result rows (`raised`, see raisedRowsOf): every figure a sum of the rows, so
 * each breakdown adds up to the total. Donor kinds in their list's order, the unrecorded donor last; funds and units
 * by name. `lowerUnitOf` rolls a fund's unit up to the report unit's child (the unit itself for its own funds). Pure.
 */
export function raisedReportOf(
  rows: readonly SupportRaisedRow[],
  names: {
    unitName: (code: string) => string;
    fund: (id: string) => { name: string; unitCode: string };
    lowerUnitOf: (code: string) => string;
  },
): RaisedReport {
  const add = <K>(map: Map<K, { receipts: number; amount: number }>, key: K, row: SupportRaisedRow) => {
    const at = map.get(key) ?? { receipts: 0, amount: 0 };
    map.set(key, { receipts: at.receipts + row.receipts, amount: at.amount + row.amount });
  };
  const kinds = new Map<DonorKind | null, { receipts: number; amount: number }>();
  const funds = new Map<string, { receipts: number; amount: number }>();
  const units = new Map<string, { receipts: number; amount: number }>();
  for (const row of rows) {
    add(kinds, row.donorKind, row);
    add(funds, row.fundId, row);
    add(units, names.lowerUnitOf(row.unitCode), row);
  }
  const kindOrder = (k: DonorKind | null) =>
    k === null ? Number.MAX_SAFE_INTEGER : Object.keys(DONOR_KIND_LABELS).indexOf(k);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');
  return {
    total: rows.reduce((s, r) => s + r.amount, 0),
    receipts: rows.reduce((s, r) => s + r.receipts, 0),
    byDonorKind: [...kinds]
      .sort(([a], [b]) => kindOrder(a) - kindOrder(b))
      .map(([donorKind, f]) => ({
        donorKind,
        label: donorKind ? DONOR_KIND_LABELS[donorKind] : UNKNOWN_DONOR_LABEL,
        ...f,
      })),
    byFund: [...funds]
      .map(([fundId, f]) => {
        const fund = names.fund(fundId);
        return { fundId, name: fund.name, unitCode: fund.unitCode, unitName: names.unitName(fund.unitCode), ...f };
      })
      .sort(byName),
    byUnit: [...units]
      .map(([unitCode, f]) => ({ unitCode, name: names.unitName(unitCode), amount: f.amount }))
      .sort(byName),
  };
}
