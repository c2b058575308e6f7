import type { FailureType } from './failure-types';

/** The field of a decision (DecideInput) a refusal is about, when it is about one. */
export type DecisionField = 'comment' | 'submission' | 'newDueAt' | 'funding';

/**
 * A decision refused by a rule, as data: the closed FailureType, a message naming steps, roles and units by code
 * only (it reaches API callers and logs), and the decision field concerned. The workflow carries it to the API as
 * an ApplicationFailure whose `details[0]` is `{ field }` (see workflows/refusal-failure.ts); the API maps the
 * type to a status and the field to a request path, never parsing the message.
 */
export interface Refusal {
  ok: false;
  type: FailureType;
  message: string;
  field?: DecisionField;
}

export const refusal = (type: FailureType, message: string, field?: DecisionField): Refusal =>
  field ? { ok: false, type, message, field } : { ok: false, type, message };
