import type { DonorKind } from '../funds/donor-kinds';
import type { FundKind } from '../funds/fund-kinds';

/** Results of the support programmes under one unit in one period, from the read model and the ledger. */
export interface SupportResults {
  unitCode: string; // the unit the results are for (its own dossiers and every unit below)
  from: string; // civil dates (yyyy-mm-dd), Vietnam time, inclusive
  to: string;
  /** One row per (programme, supportType, commune). Counts are dossiers. */
  counts: SupportCountRow[];
  /** One row per (programme, supportType, commune, fund). Money is VND from ledger entries dated in the period. */
  money: SupportMoneyRow[];
  /**
   * One row per (fund, donor kind): the money received into the funds of the unit and of every unit below it in the
   * period (each receipt on its date, the day the money came in, else its posting day), funds of the state budget
   * and of policy-bank loans left out (allocated, not raised). See raisedRowsOf.
   */
  raised: SupportRaisedRow[];
}

export interface SupportCountRow {
  programme: string; // dossier_views.programme ('housing', 'education', 'savings_book', ...)
  supportType: string | null; // the dossier's fact `supportType` (e.g. 'new_build', 'repair'), null when none
  unitCode: string; // the commune-level unit the dossier belongs to (receiving unit)
  proposed: number; // dossiers opened in the period
  approved: number; // dossiers approved (money committed, or an approving outcome) in the period
  completed: number; // dossiers closed with outcome completed in the period
  rejected: number; // closed rejected or withdrawn in the period
  beneficiaries: number; // people/households covered by the approved dossiers (fact `beneficiaries`, else 1)
  housesBuilt: number; // houses built by the approved dossiers of house programmes (housesOf)
  housesRepaired: number; // houses repaired by them
  closedOnTime: number; // closed in the period within the overall time limit
  closedLate: number;
}

export interface SupportMoneyRow {
  programme: string;
  supportType: string | null;
  unitCode: string;
  fundId: string; // the source
  dossiers: number; // distinct dossiers with a commitment from this fund in the period
  committed: number; // VND committed minus released in the period
  paid: number; // VND paid in the period
}

export interface SupportRaisedRow {
  fundId: string;
  fundKind: FundKind;
  unitCode: string; // the unit that holds the fund
  donorKind: DonorKind | null; // null: a receipt recorded without its donor
  receipts: number; // receipt entries
  amount: number; // VND received
}

/** What the loader is asked: a unit and an inclusive range of Việt Nam civil days. */
export interface SupportResultsQuery {
  unitCode: string;
  from: string;
  to: string;
}

/** The loader's shape (`createLoadSupportResults(deps)` builds one). */
export type LoadSupportResults = (query: SupportResultsQuery) => Promise<SupportResults>;
