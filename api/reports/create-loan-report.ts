import type { LoanReportResponse } from '../../api-contract';
import {
  groupLoanRows,
  loanReportDueOn,
  loanReportRows,
  sumLoanFigures,
  type LoanEntryRecord,
} from '../../domain/loans/loan-report-rows';
import { PROGRAMME_SUPPORT_TYPES, supportLabel } from '../../domain/reports/support-labels';
import type { Models } from '../../storage/create-models';
import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import type { LoanEntryDoc } from '../../storage/loan-entry-schema';
import { LOAN_PROGRAMME, loanRecordsOf } from '../loans/load-loan-records';
import { loadReportUnits } from '../units/load-report-units';

const PURPOSES = PROGRAMME_SUPPORT_TYPES[LOAN_PROGRAMME] ?? [];
const purposeOrder = (purpose: string | null) => {
  const at = PURPOSES.indexOf(purpose ?? '');
  return at < 0 ? PURPOSES.length : at;
};

export type LoanReport = Omit<LoanReportResponse, 'period'>;

/**
 * The half-yearly report of the Bank for Social Policies' loans under a unit ("Báo cáo kết quả cho vay – thu nợ",
 * seed 004, due 5 January and 5 July; [reports.md](../../docs/reports.md#loans-disbursed-and-collected)): the loans
 * of the dossiers under the unit (by `unitChain`) disbursed on or before the period's last day, the entries of their
 * ledgers dated on or before it, one row per loan (`loanReportRows`) and every total, purpose and lower unit a sum of
 * those rows. Reads the unit's completed credit-access dossiers (the `{unitChain, closedAt}` index), their
 * disbursement forms and their entries (the `{dossierId, seq}` index). Throws NotFoundError for an unknown unit.
 */
export function createLoanReport(deps: { models: Models }) {
  const { models } = deps;
  return async function loanReport(query: { unitCode: string; from: string; to: string }): Promise<LoanReport> {
    const { chain, names, lowerUnitOf } = await loadReportUnits(models, query.unitCode);
    const views = await models.DossierView.find({
      unitChain: query.unitCode,
      closedAt: { $ne: null },
      programme: LOAN_PROGRAMME,
      outcome: 'completed',
    })
      .select({ programme: 1, outcome: 1, closedAt: 1, facts: 1, amounts: 1, units: 1, receivingUnit: 1 })
      .lean<DossierViewDoc[]>();
    const loans = await loanRecordsOf(models, views);
    const entries = await models.LoanEntry.find({
      dossierId: { $in: loans.map((l) => l.dossierId) },
      date: { $lte: query.to },
    }).lean<LoanEntryDoc[]>();
    const rows = loanReportRows(loans, entries as LoanEntryRecord[], query);
    const unitRef = (code: string) => ({ code, name: names.get(code) ?? code });
    const superior = chain[1];
    return {
      unit: unitRef(query.unitCode),
      superior: superior ? { code: superior._id, name: superior.name } : null,
      from: query.from,
      to: query.to,
      dueOn: loanReportDueOn(query.to),
      totals: sumLoanFigures(rows),
      // Purposes in the order the programme lists them (unknown ones last), lower units by name.
      byPurpose: groupLoanRows(rows, (r) => r.purpose)
        .sort((a, b) => purposeOrder(a.key) - purposeOrder(b.key))
        .map((g) => ({ purpose: g.key, label: supportLabel(g.key ?? 'credit_access'), ...g.figures })),
      byUnit: groupLoanRows(rows, (r) => lowerUnitOf(r.commune))
        .map((g) => ({ unit: unitRef(g.key), ...g.figures }))
        .sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi')),
      rows: rows.map((r) => ({ ...r, commune: unitRef(r.commune) })),
    };
  };
}
