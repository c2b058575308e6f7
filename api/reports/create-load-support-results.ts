import { raisedRowsOf } from '../../domain/reports/raised-rows-of';
import { supportResultsOf } from '../../domain/reports/support-results-of';
import type { LoadSupportResults, SupportResultsQuery } from '../../domain/reports/support-results';
import type { Models } from '../../storage/create-models';
import { createLoadResultRecords } from './create-load-result-records';

/**
 * The loader of {@link SupportResults}: what the dossiers under a unit (its own and every unit below, by the read
 * model's `unitChain`) did in a period, and the money their funds moved, by the rules of `supportResultsOf`, from
 * the records createLoadResultRecords reads; the money raised by fund and donor kind (raisedRowsOf: the receipts of
 * the funds of the unit and below, allocated funds left out). An unknown unit throws NotFoundError (404); `to`
 * before `from` a ValidationError at `/query/to`.
 */
export function createLoadSupportResults(deps: { models: Models }): LoadSupportResults {
  const loadRecords = createLoadResultRecords(deps);

  return async function loadSupportResults(query: SupportResultsQuery) {
    const records = await loadRecords(query);
    const results = supportResultsOf(
      { unitCode: query.unitCode, from: records.from, to: records.to },
      records.dossiers,
      records.entries,
    );
    const raised = raisedRowsOf(records.from, records.to, records.ownFunds, records.receipts);
    return { ...results, raised };
  };
}
