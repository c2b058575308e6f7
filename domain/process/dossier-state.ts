import type { DossierMoney, FundLine } from '../funds/dossier-money';
import type { Action, FactValue, Level, Outcome, ProcessDefinition, TimeLimit } from './process-definition';

/**
 * A dossier's state and the shapes of decisions on it: plain data, shared by the workflow (which owns the state),
 * the API, the read-model projection and the web app. Payloads carry ids, codes and decision facts only: form data
 * (personal data) lives in MongoDB and is referenced by `SubmissionRef`.
 */

/** Who acts: a user, in one of their role grants. */
export interface ActorRef {
  userId: string;
  role: string;
  unitCode: string;
}

/**
 * A stored, validated form submission (collection `submissions`), pinned to the form version it was checked against.
 */
export interface SubmissionRef {
  id: string;
  form: string;
}

export type DossierStatus =
  | 'received' // mới tiếp nhận: in the applicant's step, not yet submitted
  | 'in_progress' // đang xử lý
  | 'awaiting_supplement' // yêu cầu bổ sung: returned to the applicant
  | 'completed'
  | 'rejected'
  | 'withdrawn';

/**
 * Actions on the dossier's clock rather than on a step's transitions:
 * - `extend`: the processing unit's apology and extension (form 04, Circular 03/2025): a reason (`comment`) and a
 *   new promised time (`newDueAt`) that replaces the overall due time; once per dossier, before it is late.
 * - `recompute_deadline`: an administrator or unit head recomputes the current step's due time on today's calendar,
 *   with a reason; the only thing besides pause/resume and extension that moves a computed due time.
 */
export type ClockAction = 'extend' | 'recompute_deadline';
export const CLOCK_ACTIONS: readonly ClockAction[] = ['extend', 'recompute_deadline'];

/** What the workflow's own timers record: a reminder at the step's reminder share, an escalation on breach. */
export type TimerEvent = 'remind' | 'escalate';

/** Who a notification is for: a role in a unit (never a person), so it reaches whoever holds that grant. */
export interface Recipient {
  role: string;
  unitCode: string;
}

/** A step's timeliness when it was handed on, for the processing-control slip: trước hạn / đúng hạn / quá hạn. */
export type HandoffTimeliness = 'early' | 'on_time' | 'late';

/** One decision or hand-off, as kept in workflow state and copied to the append-only audit log. */
export interface DecisionRecord {
  seq: number;
  action: Action | 'create' | ClockAction | TimerEvent | 'transfer';
  fromStep: string | null;
  toStep: string | null;
  outcome?: Outcome;
  actor: ActorRef;
  at: string;
  comment?: string;
  submission?: SubmissionRef;
  /** The due time of the step being left, and whether it was left by then. */
  stepDueAt?: string | null;
  onTime?: boolean;
  /** Hand-offs (SLA era): who the dossier went to (null when it closed) and the left step's timeliness. */
  to?: Recipient | null;
  stepTimeliness?: HandoffTimeliness;
  /** `extend`: the overall due time before and after. `recompute_deadline`: the step's due time after. */
  previousDueAt?: string | null;
  newDueAt?: string | null;
  /** Timer events: which due time fired (`step` or the whole `dossier`) and who was notified. */
  scope?: 'step' | 'dossier';
  notified?: Recipient[];
  /** `create` only: the creator's explicit override of the overlaps found (docs/overlap-checks.md). */
  overlapOverride?: OverlapOverride;
  /**
   * `create` only, for a dossier received on paper and entered later: when the paper was received (ISO instant), the
   * start of its legal clock; `at` stays the time it was entered (docs/deadlines-and-sla.md).
   */
  receivedAt?: string;
  /** A signature at a sign-off step: the signer (`role@level`), and the signatures counted with it of those needed. */
  signOff?: { signer: string; signed: number; needed: number };
  /** `transfer` only: the transition plan's move (domain/process/transition-transfer.ts). */
  transfer?: TransferRecord;
}

/** Where a transition plan moved a dossier from and to, kept on its `transfer` history record. */
export interface TransferRecord {
  /** `<planId>:<dossierId>`: a re-run of the plan finds it and moves nothing twice. */
  transferId: string;
  from: { processKey: string; processVersion: number; step: string | null; unitCode: string | null };
  to: { processKey: string; processVersion: number; step: string; unitCode: string };
}

/** One signature at a sign-off step (see SignOff in process-definition.ts). */
export interface Signature {
  /** The signer signed as, `role@level` (see signerKey). */
  signer: string;
  actor: ActorRef;
  at: string;
  /** The history record of the signature. */
  seq: number;
  comment?: string;
}

/** The signatures collected at the current sign-off step since it was entered; cleared when the step is left. */
export interface SignOffProgress {
  step: string;
  signatures: Signature[];
}

/**
 * An override of overlap checks: the creator's reason and the overlaps it overrode (rule, programme, support type,
 * year, receiving unit code and the other dossier's code; no names or citizen ids).
 */
export interface OverlapOverride {
  reason: string;
  overlaps: {
    ruleId: string;
    programme: string;
    supportType: string | null;
    year: number;
    unit: string;
    dossierId?: string;
  }[];
}

/** The dossier's clock as it stood when a return for supplement stopped it. */
export interface PausedClock {
  at: string;
  /** The step the dossier resumes at, and its due and reminder times when it was returned. */
  stepId: string;
  stepDueAt: string | null;
  reminderAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  overallDueAt: string | null;
}

/**
 * The dossier's SLA clock: absolute instants computed by activities on the working calendar, so the workflow only
 * sleeps until them. Absent from states carried over from before SLA timers existed (filled in on the next run).
 */
export interface DossierClock {
  /** The overall due time from the definition's `totalLimit` (or the extension's new date); null without one. */
  overallDueAt: string | null;
  /** When the current step's reminder is due (its reminder share of the step's time); null while stopped. */
  reminderAt: string | null;
  /** The seq of the record that entered the current step: timers and notifications are keyed by it. */
  stepKey: number;
  remindedAt: string | null;
  escalatedAt: string | null;
  overallEscalatedAt: string | null;
  /** The limit the current step's due time was computed from, and the instant it counted from (for recompute). */
  stepLimit: TimeLimit | null;
  stepClockFrom: string | null;
  /** Set while the dossier waits for the applicant's supplement: the clock is stopped. */
  paused: PausedClock | null;
  supplementReturns: number;
  /** The apology and extension, once issued. */
  extension: { at: string; by: ActorRef; reason: string; previousDueAt: string; newDueAt: string } | null;
  /**
   * For a step on a periodic tranche's schedule (`schedule`), the period it pays (the first month, YYYY-MM, and
   * whether monthly or quarterly), which its reminder and escalation name; absent otherwise.
   */
  period?: { month: string; unit: 'month' | 'quarter' };
}

export interface DossierState {
  dossierId: string;
  processKey: string;
  processVersion: number;
  status: DossierStatus;
  outcome: Outcome | null;
  currentStep: string | null;
  currentLevel: Level | null;
  currentRole: string | null;
  /** The unit that processes the current step (null once closed). */
  processingUnit: string | null;
  /** The unit that received the dossier; it never changes. */
  receivingUnit: string;
  /** Unit code per level of the receiving unit's chain, fixed at start. */
  units: Partial<Record<Level, string>>;
  stepStartedAt: string | null;
  dueAt: string | null;
  /** Set by `return`: the step a resubmission resumes at. */
  returnedFrom: string | null;
  facts: Record<string, FactValue>;
  /** Latest submission per step id. */
  submissions: Record<string, SubmissionRef>;
  history: DecisionRecord[];
  /** Increments on every change; the read model ignores any event whose seq it has already applied. */
  seq: number;
  openedAt: string;
  closedAt: string | null;
  /** SLA clock; absent in states carried from before it existed. */
  clock?: DossierClock;
  /** Commitments and payment orders; only in dossiers whose definition moves money (ids and amounts only). */
  money?: DossierMoney;
  /** Only in dossiers whose definition has a sign-off step: its signatures while the dossier is there, else null. */
  signOff?: SignOffProgress | null;
}

export interface DossierWorkflowInput {
  dossierId: string;
  definition: ProcessDefinition;
  receivingUnit: string;
  units: Partial<Record<Level, string>>;
  createdBy: ActorRef;
  initialSubmission?: SubmissionRef;
  initialFacts?: Record<string, FactValue>;
  /** The creator's override of the overlaps found at creation; recorded on the `create` history record. */
  overlapOverride?: OverlapOverride;
  /**
   * When the dossier was received on paper, if before its creation (ISO instant, checked by the API): the dossier's
   * `openedAt` and the start of its first step's and overall clocks. Absent: the creation time, as before.
   */
  receivedAt?: string;
  /** Present only when the workflow continued as new: the state to carry on from. */
  carriedState?: DossierState;
}

export interface DecideInput {
  action: Action | ClockAction;
  actor: ActorRef;
  /** The reason, for actions that require one (return, reject, withdraw, extend, recompute_deadline). */
  comment?: string;
  submission?: SubmissionRef;
  facts?: Record<string, FactValue>;
  /** `extend` only: the new promised time (ISO instant), after the current overall due time. */
  newDueAt?: string;
  /** The funding split the submission brings (the step's `funding`), for a transition that commits it. */
  funding?: FundLine[];
}

export interface DecideResult {
  seq: number;
  status: DossierStatus;
  currentStep: string | null;
  processingUnit: string | null;
  dueAt: string | null;
  outcome: Outcome | null;
  /** The dossier's overall due time after the action (SLA era; absent before). */
  overallDueAt?: string | null;
}

/** A notification the workflow asks the `notify` activity to store, one document per recipient. */
export interface NotificationRequest {
  dossierId: string;
  processKey: string;
  kind: 'reminder' | 'escalation';
  scope: 'step' | 'dossier';
  /** The step concerned (the current one), and the key of its entry so a retry stores nothing twice. */
  step: string | null;
  stepKey: number;
  dueAt: string | null;
  at: string;
  recipients: Recipient[];
  /** The period a scheduled step pays (see DossierClock.period), named in the notification; absent otherwise. */
  period?: { month: string; unit: 'month' | 'quarter' };
}
