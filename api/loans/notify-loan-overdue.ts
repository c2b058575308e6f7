import type { Models } from '../../storage/create-models';
import type { LoanEntryDoc } from '../../storage/loan-entry-schema';
import type { NotificationDoc } from '../../storage/notification-schema';
import { insertManyIgnoringDuplicates } from '../../storage/insert-many-ignoring-duplicates';

/**
 * The roles at the loan's commune told when an instalment falls overdue: the commune's officer, who proposed the loan
 * and follows the household, and the credit board (the savings-and-loan group's confirming body), who collect.
 */
export const LOAN_OVERDUE_RECIPIENTS = ['commune_officer', 'credit_board'] as const;

/**
 * Tells the loan's commune that an instalment fell overdue (`kind: 'loan_overdue'`, one notification per recipient
 * role, keyed by the loan and the entry's seq, so the retry of a write that already recorded the entry adds none).
 * Like every notification it carries the dossier id and times only; the amount is read on the loan's page.
 */
export async function notifyLoanOverdue(
  models: Models,
  loan: { dossierId: string; processKey: string; commune: string },
  entry: Pick<LoanEntryDoc, 'seq' | 'kind' | 'at'>,
): Promise<void> {
  if (entry.kind !== 'overdue') return;
  const docs: NotificationDoc[] = LOAN_OVERDUE_RECIPIENTS.map((role) => ({
    _id: `${loan.dossierId}#loan-${entry.seq}#loan_overdue-dossier##${role}@${loan.commune}`,
    dossierId: loan.dossierId,
    processKey: loan.processKey,
    kind: 'loan_overdue',
    scope: 'dossier',
    step: null,
    dueAt: null,
    recipientRole: role,
    recipientUnit: loan.commune,
    at: entry.at,
    readBy: [],
  }));
  await insertManyIgnoringDuplicates(models.Notification.collection, docs);
}
