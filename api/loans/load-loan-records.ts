import type { LoanRecord } from '../../domain/loans/loan-report-rows';
import { vietnamDate } from '../../domain/time/vietnam-date';
import type { Models } from '../../storage/create-models';
import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import type { SubmissionDoc } from '../../storage/submission-schema';

/** The programme whose dossiers are loans of the Bank for Social Policies (credit-access-*). */
export const LOAN_PROGRAMME = 'credit_access';
/** The step that records the disbursement (credit-disbursement@1: `disbursedOn`, `disbursedAmount`). */
const DISBURSEMENT_STEP = 'disbursement';

/**
 * The disbursed loans among `views` (credit-access dossiers closed completed: the dossier completes at disbursement),
 * each with its purpose, commune, disbursement day and amount. The day and amount are those of the disbursement's
 * form (one query on the submissions' `dossierId` index for all of them); a dossier whose form cannot be read falls
 * back on its close day and `amounts.disbursed`. A dossier that is not such a loan is left out.
 */
export async function loanRecordsOf(models: Models, views: readonly DossierViewDoc[]): Promise<LoanRecord[]> {
  const loans = views.filter((v) => v.programme === LOAN_PROGRAMME && v.outcome === 'completed' && v.closedAt);
  if (loans.length === 0) return [];
  const forms = await models.Submission.find({
    dossierId: { $in: loans.map((v) => v._id) },
    stepId: DISBURSEMENT_STEP,
    state: 'attached',
  })
    .select({ dossierId: 1, data: 1, createdAt: 1 })
    .sort({ createdAt: 1 })
    .lean<Pick<SubmissionDoc, 'dossierId' | 'data'>[]>();
  const formOf = new Map(forms.map((f) => [f.dossierId, f.data]));
  return loans.flatMap((v) => {
    const data = formOf.get(v._id) ?? {};
    const disbursed = typeof data['disbursedAmount'] === 'number' ? data['disbursedAmount'] : v.amounts.disbursed;
    if (!disbursed) return [];
    const day = typeof data['disbursedOn'] === 'string' ? data['disbursedOn'] : vietnamDate(v.closedAt as Date);
    const purpose = v.facts['supportType'];
    return [
      {
        dossierId: v._id,
        purpose: typeof purpose === 'string' ? purpose : null,
        commune: v.units?.commune ?? v.receivingUnit,
        disbursedOn: day,
        disbursed,
      },
    ];
  });
}
