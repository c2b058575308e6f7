import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { FailureType } from '../domain/process/failure-types';
import type { Refusal } from '../domain/process/refusal';

/** What a refused decision's ApplicationFailure carries in `details[0]`. */
export interface RefusalDetails {
  field?: Refusal['field'];
}

/**
 * What a FundInsufficient refusal carries in `details[0]` (raised by the commit activity): the fund that refused, its
 * name (not personal data: a source such as "Quỹ Vì người nghèo huyện…"), the amount asked and what it had available.
 */
export interface FundRefusalDetails {
  fundId: string;
  fundName: string;
  amount: number;
  available: number;
}

/**
 * A refused decision as a non-retryable ApplicationFailure: retrying cannot make a refused decision acceptable.
 * `type` is the refusal's FailureType and `details[0]` its RefusalDetails, which the API reads instead of the
 * message text (api/errors/map-workflow-failure.ts).
 */
export function refusalFailure(refused: Pick<Refusal, 'type' | 'message' | 'field'>): ApplicationFailure {
  const details: RefusalDetails = refused.field ? { field: refused.field } : {};
  return ApplicationFailure.create({
    type: refused.type,
    message: refused.message,
    nonRetryable: true,
    details: [details],
  });
}

/** The failure types of a refused decision (those the API answers with a 4xx), as refusalFailure raises them. */
const REFUSAL_TYPES: ReadonlySet<string> = new Set([
  FailureType.ActionNotAllowed,
  FailureType.ActorNotPermitted,
  FailureType.RequirementMissing,
  FailureType.WrongForm,
  FailureType.LimitReached,
  FailureType.InvalidInput,
  FailureType.FundInsufficient,
]);

/**
 * A decision's activity failed with a non-retryable ApplicationFailure (the activity found the input unusable,
 * see activities/bad-input-failure.ts): the decision is refused as InvalidInput with the activity's message.
 * A fund's refusal (FundInsufficient, from the commit activity) keeps its type and details. A refusal the
 * workflow's own code raised while applying a decision (e.g. a clock action on a step without a
 * clock: ActionNotAllowed) keeps its type. Anything else (a retryable failure that ran out of time, a cancellation)
 * is not a refusal: undefined.
 */
export function refusalOfActivity(error: unknown): ApplicationFailure | undefined {
  // A remote activity's failure arrives wrapped in an ActivityFailure, a local activity's as it was raised.
  const wrapped = error instanceof ActivityFailure;
  const cause = wrapped ? error.cause : error;
  if (!(cause instanceof ApplicationFailure) || !cause.nonRetryable) return undefined;
  if (!wrapped && cause.type && REFUSAL_TYPES.has(cause.type)) return cause;
  // A money activity refusing the decision (a fund short of money) keeps its type and details.
  if (cause.type === FailureType.FundInsufficient) return cause;
  return refusalFailure({ type: FailureType.InvalidInput, message: cause.message });
}
