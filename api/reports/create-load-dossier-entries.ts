import { postingDayOf } from '../../domain/funds/posting-day';
import type { FigureEntry } from '../../domain/reports/campaign-figures';
import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';

type EntryFields = Pick<LedgerEntryDoc, 'fundId' | 'seq' | 'kind' | 'amount' | 'dossierId' | 'at'>;
const MONEY_KINDS = ['commitment', 'release', 'payment', 'payment_reversal'] as const;

/**
 * The loader of every commitment, release, payment and reversal entry naming the given dossiers, whatever its posting
 * day, each with its fund's kind (one read on the `dossierId` index, one on the funds it names): what the campaign
 * figures count as the money of the dossiers approved in a period (FIGURE_BASIS). No dossier, no read.
 */
export function createLoadDossierEntries(deps: { models: Models }) {
  const { models } = deps;
  return async function loadDossierEntries(dossierIds: readonly string[]): Promise<FigureEntry[]> {
    if (dossierIds.length === 0) return [];
    const entries = await models.LedgerEntry.find(
      { dossierId: { $in: [...new Set(dossierIds)] }, kind: { $in: [...MONEY_KINDS] } },
      { fundId: 1, seq: 1, kind: 1, amount: 1, dossierId: 1, at: 1 },
    ).lean<EntryFields[]>();
    const funds = await models.Fund.find(
      { _id: { $in: [...new Set(entries.map((e) => e.fundId))] } },
      { kind: 1 },
    ).lean<Pick<FundDoc, '_id' | 'kind'>[]>();
    const kindOf = new Map(funds.map((f) => [f._id, f.kind]));
    return entries
      .filter((e) => kindOf.has(e.fundId))
      .map((e) => ({
        fundId: e.fundId,
        fundKind: kindOf.get(e.fundId)!,
        seq: e.seq,
        kind: e.kind,
        amount: e.amount,
        dossierId: e.dossierId,
        day: postingDayOf(e),
      }));
  };
}
