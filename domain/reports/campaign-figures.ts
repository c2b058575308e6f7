import type { FundKind } from '../funds/fund-kinds';
import type { RaisedEntry } from './raised-rows-of';
import type { ResultDossier, ResultEntry } from './support-results-of';
import type { SupportLabel } from './support-labels';

/** Where a figure comes from, so an auditor can trace it: the records it adds up and how many. */
export interface FigureSource {
  kind: 'ledger' | 'dossiers';
  /** How many records the figure adds up (receipts, ledger entries or dossiers). */
  count: number;
  /** The records: ledger entries as `fundId#seq`, dossiers by id; sorted. */
  refs: string[];
  /** The source as the form shows it beside the field: "Theo sổ quỹ: 12 phiếu thu". */
  label: SupportLabel;
  /** The basis the figure is counted on for the period, when it is not plain (FIGURE_BASIS). */
  note?: SupportLabel;
}

/** A figure computed from the records, with its source. */
export interface ComputedFigure {
  value: number;
  source: FigureSource;
}

/** The fields of the campaign result report (form campaign-result-report) that the records can fill. */
export const PREFILLED_FIELDS = [
  'raisedAmount',
  'spentAmount',
  'householdsSupported',
  'housesBuilt',
  'housesRepaired',
] as const;
export type PrefilledField = (typeof PREFILLED_FIELDS)[number];

/** The figures of a campaign (or any period's) result report of one unit, computed from its records. */
export interface CampaignFigures {
  unitCode: string;
  from: string;
  to: string;
  /**
   * The report form's defaults, by field: raised = receipts, spent = paid, households = approved beneficiaries,
   * houses built and repaired = the houses of the approved dossiers by kind (housesOf).
   */
  fields: Record<PrefilledField, ComputedFigure>;
  /** The houses of approved lists that recorded both kinds without saying how many of each (never guessed). */
  housesUnsplit: ComputedFigure;
  /** The one basis the period's money and households are counted on (the note of their sources). */
  basis: SupportLabel;
  /** The money raised per fund (funds of the unit and below, allocated funds left out). */
  raisedByFund: { fundId: string; amount: number; source: FigureSource }[];
  /**
   * Money committed (commitments − releases) and paid (payments − reversals) to the unit’s dossiers approved in the
   * period, whatever the entries' posting day (`basis`); no loans.
   */
  committed: ComputedFigure;
  paid: ComputedFigure;
  /** Approved dossiers and the households they cover, per programme (credit access included, as counts only). */
  approvedByProgramme: { programme: string; dossiers: number; households: number; source: FigureSource }[];
  /**
   * What the figures leave out as not money raised nor support spent: policy-bank loans (credit access) and
   * state-budget allocations received, and money committed from loan funds (loans lent). Said so in the report.
   */
  notRaised: {
    loanReceipts: ComputedFigure;
    allocationReceipts: ComputedFigure;
    loanCommitted: ComputedFigure;
    note: SupportLabel;
  };
}

/** A receipt as the figures read it: a raised entry with its number in its fund's ledger and the fund's kind. */
export interface FigureReceipt extends RaisedEntry {
  seq: number;
  fundKind: FundKind;
}

/** A ledger entry of a dossier as the figures read it, with the kind of the fund it moves money of. */
export interface FigureEntry extends ResultEntry {
  fundKind: FundKind;
}

/** The period and unit a report's figures are for (inclusive Việt Nam civil days). */
export interface FigureScope {
  unitCode: string;
  from: string;
  to: string;
}

/**
 * The records the figures are computed from (injected; any superset of the period is fine, the function bounds it):
 * - `receipts`: the receipts into the funds of the unit and every unit below it, each on its day (value date, else
 *   posting day);
 * - `dossiers`: the dossiers of the unit and below that may have been approved in the period;
 * - `entries`: the commitment, release, payment and reversal entries naming those dossiers (any fund), each on its
 *   posting day, whatever that day: the money of a dossier approved in the period counts whenever it was posted.
 */
export interface FigureReaders {
  receipts: (scope: FigureScope) => Promise<FigureReceipt[]>;
  dossiers: (scope: FigureScope) => Promise<ResultDossier[]>;
  entries: (scope: FigureScope) => Promise<FigureEntry[]>;
}
