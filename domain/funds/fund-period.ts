import { emptyFigures, FIGURE_OF_KIND, type FundFigures } from './fund-figures';
import { addEntry, EMPTY_BALANCE, type LedgerBalance, type LedgerEntryKind } from './ledger-balance';

/** A ledger entry as a period report needs it: `day` is its posting day (`postingDayOf`). */
export interface DatedEntry {
  seq: number;
  kind: LedgerEntryKind;
  amount: number;
  day: string;
  dossierId: string | null;
}

/**
 * A fund's ledger over the days `from`..`to` (inclusive): its figures (the balance before, the sums per kind of
 * entry, the balance after; the same shape as the fund summary's) and each entry with the balance after it.
 */
export interface FundPeriod<E extends DatedEntry> extends FundFigures {
  rows: { entry: E; balance: LedgerBalance }[];
}

/**
 * The period `from`..`to` of a fund's ledger, from all of its entries (any order): the opening balance sums the
 * entries dated before `from`; the rows are those dated in the period, by day then `seq`, each with the running
 * balance; the closing balance is the opening plus the period's entries, and the other figures their sums per kind
 * (FIGURE_OF_KIND). So every figure a report prints is a sum of the underlying ledger entries (when the days follow
 * `seq`, which recording in order gives, each running balance is also the ledger's own `balanceAfter`).
 */
export function fundPeriod<E extends DatedEntry>(entries: readonly E[], from: string, to: string): FundPeriod<E> {
  const sorted = [...entries].sort((a, b) => (a.day === b.day ? a.seq - b.seq : a.day < b.day ? -1 : 1));
  let opening = { ...EMPTY_BALANCE };
  for (const entry of sorted) if (entry.day < from) opening = addEntry(opening, entry.kind, entry.amount);
  let balance = opening;
  const figures = emptyFigures();
  const rows: FundPeriod<E>['rows'] = [];
  for (const entry of sorted) {
    if (entry.day < from || entry.day > to) continue;
    balance = addEntry(balance, entry.kind, entry.amount);
    figures[FIGURE_OF_KIND[entry.kind]] += entry.amount;
    rows.push({ entry, balance });
  }
  return { ...figures, opening, rows, closing: balance };
}

/** One dossier's net amount in a period: what `plus` entries added minus what `minus` entries took back. */
export interface DossierAmount {
  dossierId: string;
  amount: number;
  /** The day of its last `plus` entry in the period. */
  day: string;
}

/**
 * The period's entries netted per dossier: commitments minus releases (who was approved from the fund), or payments
 * minus payment reversals (who was paid). Dossiers netting to zero or less are left out; rows in order of their
 * first entry. Entries without a dossier are ignored (receipts carry none).
 */
export function netByDossier(
  rows: readonly { entry: DatedEntry }[],
  plus: LedgerEntryKind,
  minus: LedgerEntryKind,
): DossierAmount[] {
  const byDossier = new Map<string, DossierAmount>();
  for (const { entry } of rows) {
    if (!entry.dossierId || (entry.kind !== plus && entry.kind !== minus)) continue;
    const net = byDossier.get(entry.dossierId) ?? { dossierId: entry.dossierId, amount: 0, day: entry.day };
    net.amount += entry.kind === plus ? entry.amount : -entry.amount;
    if (entry.kind === plus) net.day = entry.day;
    byDossier.set(entry.dossierId, net);
  }
  return [...byDossier.values()].filter((net) => net.amount > 0);
}
