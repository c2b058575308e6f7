import { campaignFiguresOf } from '../../domain/reports/campaign-figures-of';
import type { CampaignFigures, FigureScope } from '../../domain/reports/campaign-figures';
import type { Models } from '../../storage/create-models';
import { createLoadResultRecords } from './create-load-result-records';

/**
 * The figures of a unit's result report for a period (civil days, inclusive), computed by campaignFiguresOf from the
 * records createLoadResultRecords reads once (the three readers share the one read). Throws NotFoundError for an
 * unknown unit.
 */
export function createCampaignFigures(deps: { models: Models }) {
  const loadRecords = createLoadResultRecords(deps);

  return async function campaignFigures(scope: FigureScope): Promise<CampaignFigures> {
    const records = await loadRecords(scope);
    return campaignFiguresOf(
      { unitCode: scope.unitCode, from: records.from, to: records.to },
      {
        receipts: async () => records.receipts,
        dossiers: async () => records.dossiers,
        entries: async () => records.entries,
      },
    );
  };
}
