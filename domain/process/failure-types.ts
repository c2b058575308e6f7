/**
 * The closed set of `ApplicationFailure.type` strings a dossier workflow raises. The API maps each to an HTTP
 * status (see api/errors/map-workflow-failure.ts); anything else is an internal error.
 */
export const FailureType = {
  /** The action is not offered by the current step (or the dossier is closed): HTTP 409. */
  ActionNotAllowed: 'ActionNotAllowed',
  /** The actor lacks the role or unit the step requires: HTTP 403. */
  ActorNotPermitted: 'ActorNotPermitted',
  /** The transition requires a comment or form data that was not given: HTTP 422. */
  RequirementMissing: 'RequirementMissing',
  /** The submission was made against another form than the step's pinned form: HTTP 409. */
  WrongForm: 'WrongForm',
  /** A once-per-dossier action was already used (a second return for supplement, a second extension): HTTP 409. */
  LimitReached: 'LimitReached',
  /** A field of the decision is invalid (e.g. an extension date not after the current due time): HTTP 422. */
  InvalidInput: 'InvalidInput',
  /**
   * A commitment of the decision's funding split was refused by a fund's ledger (not enough available, or the fund
   * is inactive or unknown): HTTP 409, naming the fund and its available balance (details[0]).
   */
  FundInsufficient: 'FundInsufficient',
  /** A dossier's process definition is not in the registry (an activity found it missing): an operator must act. */
  DefinitionMissing: 'DefinitionMissing',
  /** The definition is inconsistent (unknown step, no matching transition): HTTP 500, a definition bug. */
  DefinitionError: 'DefinitionError',
} as const;

export type FailureType = (typeof FailureType)[keyof typeof FailureType];
