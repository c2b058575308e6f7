import type { Models } from '../../storage/create-models';
import { civilDate } from '../../domain/time/civil-date';
import type { FundDoc } from '../../storage/fund-schema';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { ValidationError, type FieldProblem } from '../errors';
import type { FundAccountProblem, FundAccounts } from '../../domain/funds/fund-accounts';

/** `PATCH /api/admin/funds/{id}`: what may change. The unit and the kind of a fund never do. */
export interface UpdateFundRequest extends Partial<FundAccounts> {
  name?: string;
  campaignFrom?: string | null;
  campaignTo?: string | null;
  active?: boolean;
}

const problem = (path: string, vi: string, en: string): FieldProblem => ({
  path,
  keyword: 'fund',
  message: { vi, en },
});

/**
 * The fund with the change applied, after checking it: the window must not end before it starts, and must still
 * hold every receipt already recorded (the ledger is never rewritten, so a window that would leave one out is 422
 * at the bound that excludes it, naming that receipt's date); `accountProblems` (fundAccountProblems of the change)
 * join them. Throws ValidationError with every problem at once.
 *
 * A receipt recorded concurrently with a narrowing edit is checked against the window it read; the window check of
 * the receipt route and this one are not atomic together (no multi-document transactions on the embedded database).
 */
export async function updatedFund(
  models: Models,
  fund: FundDoc,
  change: UpdateFundRequest,
  accountProblems: readonly FundAccountProblem[] = [],
): Promise<FundDoc> {
  const next: FundDoc = {
    ...fund,
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.campaignFrom !== undefined ? { campaignFrom: change.campaignFrom } : {}),
    ...(change.campaignTo !== undefined ? { campaignTo: change.campaignTo } : {}),
    ...(change.active !== undefined ? { active: change.active } : {}),
  };
  const problems: FieldProblem[] = [];
  if (next.campaignFrom && next.campaignTo && next.campaignTo < next.campaignFrom) {
    problems.push(
      problem(
        '/campaignTo',
        'Ngày kết thúc đợt vận động phải sau ngày bắt đầu',
        'the campaign must end after it starts',
      ),
    );
  }
  const receipt = (valueDate: Record<string, string>, order: 1 | -1) =>
    models.LedgerEntry.findOne({ fundId: fund._id, kind: 'receipt', valueDate })
      .sort({ valueDate: order })
      .lean<LedgerEntryDoc>();
  const [before, after] = await Promise.all([
    next.campaignFrom && next.campaignFrom !== fund.campaignFrom ? receipt({ $lt: next.campaignFrom }, 1) : null,
    next.campaignTo && next.campaignTo !== fund.campaignTo ? receipt({ $gt: next.campaignTo }, -1) : null,
  ]);
  if (before?.valueDate) {
    problems.push(
      problem(
        '/campaignFrom',
        `Quỹ đã có khoản thu ngày ${civilDate(before.valueDate)}, trước ngày bắt đầu mới`,
        `the fund has a receipt dated ${before.valueDate}, before the new start`,
      ),
    );
  }
  if (after?.valueDate) {
    problems.push(
      problem(
        '/campaignTo',
        `Quỹ đã có khoản thu ngày ${civilDate(after.valueDate)}, sau ngày kết thúc mới`,
        `the fund has a receipt dated ${after.valueDate}, after the new end`,
      ),
    );
  }
  problems.push(...accountProblems.map((p) => ({ ...p, keyword: 'fund' })));
  if (problems.length) throw new ValidationError(problems);
  return next;
}
