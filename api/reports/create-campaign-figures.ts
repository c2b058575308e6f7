import { campaignFiguresOf } from '../../domain/reports/campaign-figures-of';
import type { CampaignFigures, FigureScope } from '../../domain/reports/campaign-figures';
import type { Models } from '../../storage/create-models';
import { createLoadDossierEntries } from './create-load-dossier-entries';
import { createLoadResultRecords } from './create-load-result-records';

/**
 * The figures of a unit's result report for a period (civil days, inclusive), computed by campaignFiguresOf from the
 * records createLoadResultRecords reads once (the three readers share the one read), with every money entry of those
 * dossiers whatever its posting day (createLoadDossierEntries: the money of a dossier approved in the period counts
 * with it, FIGURE_BASIS). Throws NotFoundError for an unknown unit.
 */
export function createCampaignFigures(deps: { models: Models }) {
  const loadRecords = createLoadResultRecords(deps);
  const loadDossierEntries = createLoadDossierEntries(deps);

  return async function campaignFigures(scope: FigureScope): Promise<CampaignFigures> {
    const records = await loadRecords(scope);
    const byRef = new Map(records.entries.map((e) => [`${e.fundId}#${e.seq}`, e]));
    for (const e of await loadDossierEntries(records.dossiers.map((d) => d.id))) byRef.set(`${e.fundId}#${e.seq}`, e);
    return campaignFiguresOf(
      { unitCode: scope.unitCode, from: records.from, to: records.to },
      {
        receipts: async () => records.receipts,
        dossiers: async () => records.dossiers,
        entries: async () => [...byRef.values()],
      },
    );
  };
}
