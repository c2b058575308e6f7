import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { FailureType } from '../../domain/process/failure-types';
import type { DecisionField } from '../../domain/process/refusal';
import type { RefusalDetails } from '../../workflows/refusal-failure';
import type { DomainError } from './domain-error';
import { ConflictError, ForbiddenError, FundInsufficientError, NotFoundError, ValidationError } from './errors';
import type { FundRefusalDetails } from '../../workflows/refusal-failure';

const VI: Record<string, string> = {
  [FailureType.ActionNotAllowed]: 'Thao tác này không được phép ở bước hiện tại của hồ sơ',
  [FailureType.ActorNotPermitted]: 'Bạn không có vai trò hoặc đơn vị được phép xử lý bước này',
  [FailureType.RequirementMissing]: 'Thiếu thông tin bắt buộc cho thao tác này',
  [FailureType.WrongForm]: 'Biểu mẫu không đúng với bước hiện tại',
  [FailureType.LimitReached]: 'Thao tác này chỉ được thực hiện số lần giới hạn cho mỗi hồ sơ',
  [FailureType.InvalidInput]: 'Giá trị không hợp lệ',
  [FailureType.FundInsufficient]: 'Nguồn kinh phí không đủ để cam kết',
};

/**
 * Decision fields (DecideInput) as the API's request bodies name them: the workflow's `newDueAt` is computed from
 * the request's `newDueDate`, and a `submission` from its `data`.
 */
const API_FIELD: Record<DecisionField, string> = {
  comment: '/comment',
  submission: '/data',
  newDueAt: '/newDueDate',
  funding: '/data',
};

/** The refusal's decision field, from the failure's details (workflows/refusal-failure.ts). */
function fieldOf(failure: ApplicationFailure): DecisionField | undefined {
  const details = failure.details?.[0] as RefusalDetails | undefined;
  const field = details?.field;
  return field && field in API_FIELD ? field : undefined;
}

/**
 * Maps what the Temporal client throws for a dossier to a domain error: a refused update (validator or handler)
 * by its ApplicationFailure type, a missing workflow to 404. Returns undefined for anything else, which the error
 * middleware then treats as internal (500) or, for connection errors, unavailable.
 */
export function mapWorkflowFailure(error: unknown, dossierId: string): DomainError | undefined {
  if (error instanceof WorkflowNotFoundError) return new NotFoundError(`dossier ${dossierId}`);
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure)) return undefined;
  const localized = { vi: `${VI[cause.type ?? ''] ?? 'Không thực hiện được'}: ${cause.message}`, en: cause.message };
  switch (cause.type) {
    case FailureType.ActionNotAllowed:
      return new ConflictError(localized, { cause, code: 'action_not_allowed' });
    case FailureType.WrongForm:
      return new ConflictError(localized, { cause, code: 'wrong_form' });
    case FailureType.ActorNotPermitted:
      return new ForbiddenError(localized, { cause });
    case FailureType.FundInsufficient: {
      const fund = cause.details?.[0] as FundRefusalDetails | undefined;
      if (fund?.fundName !== undefined && typeof fund.available === 'number' && typeof fund.amount === 'number') {
        return new FundInsufficientError(fund.fundName, fund.amount, fund.available, { cause });
      }
      return new ConflictError(localized, { cause, code: 'fund_insufficient' });
    }
    case FailureType.LimitReached:
      return new ConflictError(localized, { cause, code: 'limit_reached' });
    case FailureType.InvalidInput:
    case FailureType.RequirementMissing: {
      const field = fieldOf(cause);
      const keyword = cause.type === FailureType.InvalidInput ? 'invalid' : 'required';
      return new ValidationError([{ path: field ? API_FIELD[field] : '', keyword, message: localized }], localized);
    }
    default:
      return undefined;
  }
}
