/**
 * The process-definition model: a process is data, interpreted by one workflow type. Pure types only, safe to
 * import from the workflow sandbox, the API, the worker and the web app. The JSON Schema that checks a definition
 * when it is published is in `domain/process/process-definition.schema.json`.
 */

/** Administrative levels. `district` existed until 30 June 2025; definitions of the seed era still use it. */
export type Level = 'province' | 'district' | 'commune';
export const LEVELS: readonly Level[] = ['province', 'district', 'commune'];

/** Every action the engine understands. Which ones a step allows, and where they lead, is data. */
export type Action = 'submit' | 'approve' | 'return' | 'reject' | 'withdraw';
export const ACTIONS: readonly Action[] = ['submit', 'approve', 'return', 'reject', 'withdraw'];

/** How a closed dossier ended. */
export type Outcome = 'completed' | 'rejected' | 'withdrawn';
export const OUTCOMES: readonly Outcome[] = ['completed', 'rejected', 'withdrawn'];

export interface LocalizedText {
  vi: string;
  en: string;
}

/** A step's time limit. Working days/hours are counted by the calendar behind `computeDueAt`. */
export interface TimeLimit {
  amount: number;
  unit: 'working_days' | 'working_hours' | 'days' | 'hours';
}

/** A fact value: a small, non-personal datum that transitions may depend on (an amount, a support type). */
export type FactValue = string | number | boolean;

/** A condition on facts; all given comparisons must hold. A missing fact never satisfies a comparison. */
export interface Condition {
  fact: string;
  eq?: FactValue;
  ne?: FactValue;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  in?: FactValue[];
}

/** What a transition needs from the acting user besides the action itself. */
export type Requirement = 'form' | 'comment';

export interface Transition {
  action: Action;
  /** The next step's id, or `end` to close the dossier. Exactly one of the two. */
  to?: string;
  end?: Outcome;
  /** First transition (in order) whose condition holds wins; a transition without condition always holds. */
  when?: Condition;
  requires?: Requirement[];
  /** `applicant`: the action is taken by the applicant step's actor (e.g. withdraw), not this step's. */
  actor?: 'step' | 'applicant';
  label?: LocalizedText;
  /**
   * The action may be taken for several dossiers at once (`POST /api/dossiers/bulk-actions`, the inbox's
   * selection), e.g. a province approving a list of appraised dossiers. Only for transitions that take no
   * per-dossier form data (`requires` may hold `comment`, never `form`) and are taken by the step's own actor; all
   * transitions of one action in a step must agree. Checked when the definition is published.
   */
  bulk?: boolean;
  /**
   * What the transition does with money, in order, when it is taken (see {@link MoneyEffect}); checked when the
   * definition is published. A transition that ends `completed` is refused while a declared tranche is unpaid,
   * unless it cancels the rest.
   */
  effects?: MoneyEffect[];
}

/**
 * A transition's effect on money ([funds.md](../../docs/funds.md)):
 * - `commit`: the step's funding split (see {@link FundingLines}) must sum to the fact `amountFact`; each line is
 *   committed on its fund's ledger, all or none (a refused line releases those already committed, and the decision
 *   is refused naming the fund and its available balance).
 * - `order_payment`: the tranche's payment order for the fact `amountFact`, created once (a failed one is reissued).
 * - `settle_payment`: the treasury confirms the tranche's order paid; the ledgers record the payments.
 * - `fail_payment`: the tranche's order is marked failed (nothing paid); it can be ordered again.
 * - `cancel_rest`: what is committed and unpaid is released; the transition needs a comment (the reason).
 * - `adjust_commitment`: an amendment of a periodic tranche (see {@link TranchePeriod}): from the instance whose
 *   period the fact `fromFact` (YYYY-MM) names, each instance pays the fact `amountFact`, up to the times due the
 *   amended facts give; the unpaid commitment is brought to exactly what the instances left will pay, committing the
 *   increase on the dossier's first fund or releasing the decrease (`domain/funds/adjust-commitment.ts`).
 * A dossier that closes `rejected` or `withdrawn` releases its unpaid commitments without any effect declared.
 */
export type MoneyEffect =
  | { kind: 'commit'; amountFact: string }
  | { kind: 'order_payment'; tranche: string; amountFact: string }
  | { kind: 'settle_payment'; tranche: string }
  | { kind: 'fail_payment'; tranche: string }
  | { kind: 'cancel_rest' }
  | { kind: 'adjust_commitment'; tranche: string; amountFact: string; fromFact: string };
export type MoneyEffectKind = MoneyEffect['kind'];

/**
 * Where a step's form data holds its funding split: `lines` is a JSON pointer to an array, each member an object
 * whose `fund` member is a fund id (`"format": "fund-id"`) and whose `amount` member a whole number of đồng.
 */
export interface FundingLines {
  lines: string;
  fund: string;
  amount: string;
}

/** A payment instalment the definition declares (an advance at start, the rest after acceptance…). */
export interface TrancheDefinition {
  id: string;
  title: LocalizedText;
  /**
   * The tranche is paid up to `max` times (instances 1..max, e.g. one per school year): each `order_payment` orders
   * the next instance, `settle_payment`/`fail_payment` act on the open one. The dossier completes once it is paid
   * `max` times (or the rest is cancelled). With `timesFact` (an integer fact some step brings, e.g. the decision's
   * `schoolYears`), the times due are min(max, that fact) once the dossier has it, else `max`: completion, the last
   * instance's "exactly what is left", the 409 for an order beyond the count and `left:<id>` all follow it. See
   * `domain/funds/tranche-instance.ts`.
   */
  repeat?: { max: number; timesFact?: string; period?: TranchePeriod };
}

/**
 * A repeated tranche paid on a calendar: instance k is due on `dueDay` (the month's last day when it has fewer) of
 * the k-th month (`month`) or the first month of the k-th quarter (`quarter`) counted from the month the string fact
 * `startFact` (YYYY-MM) brings, moved to the next working day on the unit's calendar. With a period `repeat.max` may
 * reach 60 (five years of months); without one at most 10. See `domain/calendar/scheduled-due-at.ts`.
 */
export interface TranchePeriod {
  unit: 'month' | 'quarter';
  startFact: string;
  dueDay: number;
}

/**
 * A date (month 1–12, day of month) at which a step's SLA clock starts: entered earlier, the step's due time,
 * reminder and escalation count from the next occurrence of that day (00:00 in Việt Nam) instead of from its
 * entry. Officers may still act before it. See `domain/calendar/clock-start-at.ts`.
 */
export interface ClockStart {
  month: number;
  day: number;
}

/**
 * A fixed date by which a step must be done, whenever it is entered: a civil date (`"2024-02-22"`: the commune's
 * temporary-housing list must reach the district board by then), or a date fact the dossier brings by the time it
 * enters the step (`{"fact": "reportDueDate"}`). The step's due time is the close of office hours that day (the last
 * working day before it when it is not one), on the processing unit's calendar; `timeLimit` is not counted. See
 * `domain/process/fixed-due-date-of.ts` and `domain/calendar/due-by-at.ts`.
 */
export type DueBy = string | { fact: string };

/**
 * The period of a result report step's figures (campaignFiguresOf of the dossier's receiving unit over `from`..`to`,
 * inclusive civil days). Whenever the step's data is stored, the API computes them again and keeps them under
 * `/computed` (beside the entered fields of the same names, with `computedAt`); an entered field that differs from
 * its computed value needs a reason under `/corrections/<field>` (422 there otherwise). The form must declare both.
 */
export interface StepFigures {
  from: string;
  to: string;
}

export interface StepDefinition {
  id: string;
  title: LocalizedText;
  /** The level whose unit (in the receiving unit's chain) processes this step. */
  level: Level;
  /** The role, within that unit, that acts. */
  role: string;
  /** The form shown at this step, as `key@version`. */
  form?: string;
  timeLimit: TimeLimit;
  /** The step's clock starts at the next occurrence of this date when entered before it (e.g. 5 September). */
  clockStarts?: ClockStart;
  /**
   * The step's due time follows the periodic `tranche`'s schedule instead of `timeLimit`: it is due at the close of
   * office hours on the due day of the tranche's first unpaid instance, its clock (reminder, escalation) starting on
   * the first day of that instance's period when entered earlier. An escalation names the period missed.
   */
  schedule?: { tranche: string };
  /** The step is due by a fixed date (or a date fact) instead of after its `timeLimit`. */
  dueBy?: DueBy;
  /** Facts extracted from this step's form data: fact name → JSON pointer into the data. */
  facts?: Record<string, string>;
  /**
   * Fields of this step's form data shown in lists (e.g. the household head's name): name → JSON pointer. They
   * may be personal data, so they are read into the MongoDB read model only, never into workflow state.
   */
  summary?: Record<string, string>;
  /** Where this step's form data holds a funding split; required when a transition of the step commits. */
  funding?: FundingLines;
  /**
   * The step's form is a result report prefilled with the figures computed from the records (StepFigures): the
   * officer sees each computed figure beside the entered one, and the stored data keeps both.
   */
  figures?: StepFigures;
  transitions: Transition[];
  /**
   * Several bodies sign this step in parallel (see {@link SignOff}); the step moves on with its `approve`
   * transition once enough of them have signed. Checked when the definition is published (`signOffProblems`).
   */
  signOff?: SignOff;
}

/**
 * A parallel sign-off ([processes-and-forms.md](../../docs/processes-and-forms.md#parallel-sign-off)): each signer
 * is a role of the dossier's unit at its level. `approve` by a signer not yet signed records a signature; the
 * signature that reaches `quorum` (default: every signer) takes the step's `approve` transition. `return` and
 * `reject` may be taken by any signer and clear the signatures. The step has no form of its own: the signers sign
 * what the earlier steps hold, with an optional comment. The step's own `level` and `role` must be one of the
 * signers: its unit's calendar counts the step's one due time and its role is reminded and counted in the SLA
 * queues.
 */
export interface SignOff {
  by: Signer[];
  quorum?: number;
}

export interface Signer {
  level: Level;
  role: string;
  /** The body as people call it (`UB MTTQ xã`), shown to the officers with the name of whoever signed. */
  title: LocalizedText;
}

export interface ProcessDefinition {
  key: string;
  version: number;
  title: LocalizedText;
  programme: string;
  description?: LocalizedText;
  /** Dates (YYYY-MM-DD) between which new dossiers may start on this definition. */
  effectiveFrom?: string;
  effectiveTo?: string;
  /** The step a dossier starts in, and where `return` sends it back (the applicant's step). */
  initialStep: string;
  steps: StepDefinition[];
  /**
   * The procedure's total time limit, counted from receipt; gives the dossier's overall due time. Optional: a
   * definition published before it existed (and every dossier pinned to one) simply has no overall due time.
   */
  totalLimit?: TimeLimit;
  /**
   * The procedure's daily cut-off, local `HH:MM`: a dossier received on a working day after it counts as received on
   * the next working day. Absent: the calendar's (16:00). A convention of the receiving body, not a national rule
   * (see docs/deadlines-and-sla.md#the-daily-cut-off); within office hours (checkProcessDefinition).
   */
  cutoff?: string;
  /** Share of a step's time after which its assignees are reminded and it counts as near due (default 0.75). */
  reminderShare?: number;
  /** How often a dossier may be returned to the applicant for supplement (default 1, the one-stop rule). */
  maxSupplementReturns?: number;
  /**
   * The role, in the processing unit and in the unit one level up, that an overdue step escalates to (default
   * `unit_head`).
   */
  escalationRole?: string;
  /** Amounts a step's form may not make exceed what an earlier step brought; see {@link AmountLimit}. */
  amountLimits?: AmountLimit[];
  /**
   * The payment instalments, in order. A dossier completes only when each one is paid (or the rest is cancelled);
   * the last one pays exactly what is committed and left.
   */
  tranches?: TrancheDefinition[];
}

/**
 * An amount that may not exceed another (checked by the API when a step's form is submitted, see
 * `amountLimitProblems`): the integer fact `fact` a step's form brings must be at most the dossier's fact `atMost`
 * (brought by an earlier step), e.g. the approved amount at most the requested one. `cumulative`: the fact's values
 * from the dossier's earlier submissions count too, e.g. payments in tranches at most the approved amount. `label`
 * and `limitLabel` name the two amounts in the message (`Tổng số tiền đã giải ngân`, `số tiền phê duyệt`).
 */
export interface AmountLimit {
  fact: string;
  atMost: string;
  cumulative?: boolean;
  label: LocalizedText;
  limitLabel: LocalizedText;
}

/** The SLA settings of a definition with their defaults filled in (old definitions have none of them). */
export const DEFAULT_REMINDER_SHARE = 0.75;
export const DEFAULT_MAX_SUPPLEMENT_RETURNS = 1;
export const DEFAULT_ESCALATION_ROLE = 'unit_head';
export function slaSettingsOf(definition: ProcessDefinition): {
  reminderShare: number;
  maxSupplementReturns: number;
  escalationRole: string;
} {
  return {
    reminderShare: definition.reminderShare ?? DEFAULT_REMINDER_SHARE,
    maxSupplementReturns: definition.maxSupplementReturns ?? DEFAULT_MAX_SUPPLEMENT_RETURNS,
    escalationRole: definition.escalationRole ?? DEFAULT_ESCALATION_ROLE,
  };
}

/** `key@version`, the one way a definition or form version is named. */
export function definitionRef(key: string, version: number): string {
  return `${key}@${version}`;
}
