/**
 * The money part of a dossier's workflow state: ids and whole đồng only, no personal data. Absent from dossiers whose
 * definition has no money effects (and from every state recorded before money existed).
 */
export interface DossierMoney {
  /** Per fund, what this dossier committed, paid and released (in the order the split named the funds). */
  funds: FundShare[];
  /** Per declared tranche id, its payment order once ordered. */
  tranches: Record<string, TrancheOrder>;
  /** Set by cancel_rest: what was released and why. */
  cancelled: { at: string; released: number; reason: string } | null;
}

export interface FundShare {
  fundId: string;
  committed: number;
  paid: number;
  released: number;
}

export type PaymentOrderStatus = 'ordered' | 'paid' | 'failed';

/** A tranche's payment order; reissued after a failure under the same `orderId` with `attempt + 1`. */
export interface TrancheOrder {
  orderId: string;
  amount: number;
  status: PaymentOrderStatus;
  attempt: number;
  fundSplit: FundLine[];
}

/** One line of a funding split: a fund id and a whole number of đồng. */
export interface FundLine {
  fundId: string;
  amount: number;
}

export const EMPTY_MONEY: DossierMoney = Object.freeze({ funds: [], tranches: {}, cancelled: null }) as DossierMoney;

/** What a fund still holds committed for the dossier: committed, not paid and not released. */
export const unpaidOf = (share: FundShare): number => share.committed - share.paid - share.released;
