import type { FundKind } from '../../domain/funds/fund-kinds';
import { postingDayOf } from '../../domain/funds/posting-day';
import type { FigureEntry, FigureReceipt } from '../../domain/reports/campaign-figures';
import type { ResultDossier } from '../../domain/reports/support-results-of';
import type { SupportResultsQuery } from '../../domain/reports/support-results';
import { vietnamDate } from '../../domain/time/vietnam-date';
import type { Models } from '../../storage/create-models';
import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import type { FundDoc } from '../../storage/fund-schema';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { summaryPeriod } from '../funds/summary-period';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { subtreeOf } from '../units/subtree-of';

type ViewFields = Pick<
  DossierViewDoc,
  '_id' | 'programme' | 'facts' | 'receivingUnit' | 'units' | 'openedAt' | 'closedAt' | 'outcome' | 'closedOnTime'
>;
const VIEW_FIELDS = {
  programme: 1,
  facts: 1,
  receivingUnit: 1,
  units: 1,
  openedAt: 1,
  closedAt: 1,
  outcome: 1,
  closedOnTime: 1,
} as const;
type EntryFields = Pick<LedgerEntryDoc, 'fundId' | 'seq' | 'kind' | 'amount' | 'dossierId' | 'at'>;
type ReceiptFields = Pick<LedgerEntryDoc, 'fundId' | 'seq' | 'kind' | 'amount' | 'at' | 'valueDate' | 'donor'>;

/** The records a unit's results over a period are computed from (see createLoadResultRecords). */
export interface ResultRecords {
  /** The first and last day, checked. */
  from: string;
  to: string;
  dossiers: ResultDossier[];
  /** The period's entries (by posting day) of every fund a dossier under the unit may draw on, with its kind. */
  entries: FigureEntry[];
  /** The receipts dated in the period into the funds of the unit and below, of every kind of fund. */
  receipts: FigureReceipt[];
  /** The funds of the unit and below, with their unit and kind (what raisedRowsOf needs). */
  ownFunds: ReadonlyMap<string, { unitCode: string; kind: FundKind }>;
}

/**
 * The loader of a unit's result records over a period (support report and campaign figures alike). It reads
 * - the dossiers opened, and those closed, in the period (two range reads on the `unitChain` indexes);
 * - the receipts of the funds of the unit and below dated in the period (their `valueDate`, else their posting
 *   day), every kind of fund (the rules leave allocated ones out of the money raised);
 * - the period's ledger entries (by posting day: `at` between 00:00 of `from` and 24:00 of `to`, Việt Nam time) of
 *   every fund a dossier under the unit may draw on: the funds of the unit, of the units above it and below it;
 * - the dossiers those entries name that the first read missed (approved or paid in the period, opened before);
 * - the dossiers whose decision date (the fact `decidedOn`) is in the period, however long before or after it they
 *   were opened, closed or committed (records of an earlier period entered later);
 * - for the dossiers closed completed with no commitment in the period, whether they have one at all (their approval
 *   is then their money, else their completion).
 * An unknown unit throws NotFoundError (404); `to` before `from` a ValidationError at `/query/to`.
 */
export function createLoadResultRecords(deps: { models: Models }) {
  const { models } = deps;

  return async function loadResultRecords(query: SupportResultsQuery): Promise<ResultRecords> {
    const period = summaryPeriod(query.from, query.to);
    const range = { $gte: period.start, $lt: period.end };
    const ancestors = (await resolveUnitChain(models, query.unitCode)).units.map((u) => u._id);
    const below = await subtreeOf(models, [query.unitCode]);
    const funds = await models.Fund.find(
      { unitCode: { $in: [...new Set([...ancestors, ...below])] } },
      { unitCode: 1, kind: 1 },
    ).lean<Pick<FundDoc, '_id' | 'unitCode' | 'kind'>[]>();
    const fundIds = funds.map((f) => f._id);
    const fundKind = new Map(funds.map((f) => [f._id, f.kind]));
    const belowSet = new Set(below);
    const ownFunds = new Map(funds.filter((f) => belowSet.has(f.unitCode)).map((f) => [f._id, f]));

    const [opened, closed, decided, entries] = await Promise.all([
      models.DossierView.find({ unitChain: query.unitCode, openedAt: range }, VIEW_FIELDS).lean<ViewFields[]>(),
      models.DossierView.find({ unitChain: query.unitCode, closedAt: range }, VIEW_FIELDS).lean<ViewFields[]>(),
      models.DossierView.find(
        { unitChain: query.unitCode, 'facts.decidedOn': { $gte: period.from, $lte: period.to } },
        VIEW_FIELDS,
      ).lean<ViewFields[]>(),
      fundIds.length === 0
        ? Promise.resolve([] as EntryFields[])
        : models.LedgerEntry.find(
            { fundId: { $in: fundIds }, at: range },
            { fundId: 1, seq: 1, kind: 1, amount: 1, dossierId: 1, at: 1 },
          ).lean<EntryFields[]>(),
    ]);
    const views = new Map<string, ViewFields>();
    for (const view of [...opened, ...closed, ...decided]) views.set(view._id, view);
    const moneyIds = [...new Set(entries.map((e) => e.dossierId).filter((id): id is string => id !== null))];
    const missing = moneyIds.filter((id) => !views.has(id));
    if (missing.length > 0) {
      const more = await models.DossierView.find(
        { _id: { $in: missing }, unitChain: query.unitCode },
        VIEW_FIELDS,
      ).lean<ViewFields[]>();
      for (const view of more) views.set(view._id, view);
    }

    const committedInPeriod = new Set(entries.filter((e) => e.kind === 'commitment').map((e) => e.dossierId));
    const toCheck = [...views.values()]
      .filter((v) => v.outcome === 'completed' && !committedInPeriod.has(v._id))
      .map((v) => v._id);
    const withCommitment = new Set(committedInPeriod);
    if (toCheck.length > 0) {
      const found = await models.LedgerEntry.find(
        { dossierId: { $in: toCheck }, kind: 'commitment' },
        { dossierId: 1 },
      ).lean<Pick<LedgerEntryDoc, 'dossierId'>[]>();
      for (const e of found) withCommitment.add(e.dossierId);
    }
    // Money raised counts each receipt on its date (the day the money came in, on which the fund's campaign window
    // judges it too), or its posting day when it has none: a campaign's receipts entered later still count in it.
    const receipts =
      ownFunds.size === 0
        ? []
        : await models.LedgerEntry.find(
            {
              fundId: { $in: [...ownFunds.keys()] },
              kind: 'receipt',
              $or: [{ valueDate: { $gte: period.from, $lte: period.to } }, { valueDate: null, at: range }],
            },
            { fundId: 1, seq: 1, kind: 1, amount: 1, at: 1, valueDate: 1, donor: 1 },
          ).lean<ReceiptFields[]>();

    const entryOf = (e: Pick<LedgerEntryDoc, 'fundId' | 'seq' | 'kind' | 'amount'>) => ({
      fundId: e.fundId,
      fundKind: fundKind.get(e.fundId)!,
      seq: e.seq,
      kind: e.kind,
      amount: e.amount,
    });
    return {
      from: period.from,
      to: period.to,
      ownFunds,
      dossiers: [...views.values()].map((v) => ({
        id: v._id,
        programme: v.programme,
        facts: v.facts ?? {},
        unitCode: v.units?.commune ?? v.receivingUnit,
        openedDay: vietnamDate(v.openedAt),
        closedDay: v.closedAt ? vietnamDate(v.closedAt) : null,
        outcome: v.outcome ?? null,
        closedOnTime: v.closedOnTime ?? null,
        hasCommitment: withCommitment.has(v._id),
      })),
      entries: entries.map((e) => ({ ...entryOf(e), dossierId: e.dossierId, day: postingDayOf(e) })),
      receipts: receipts.map((e) => ({
        ...entryOf(e),
        day: e.valueDate ?? postingDayOf(e),
        donorKind: e.donor?.kind ?? null,
      })),
    };
  };
}
