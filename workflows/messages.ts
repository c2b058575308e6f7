import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Action, FactValue, Level, Outcome, ProcessDefinition } from './process-definition';

/**
 * The message contracts of the dossier workflow, defined once and imported by the workflow, the API and the
 * tests. Payloads carry ids, codes and decision facts only: form data (personal data) lives in MongoDB and is
 * referenced by `SubmissionRef`.
 */

export const DOSSIER_WORKFLOW_TYPE = 'dossierWorkflow';

/** Who acts: a user, in one of their role grants. */
export interface ActorRef {
  userId: string;
  role: string;
  unitCode: string;
}

/** A stored, validated form submission (collection `submissions`), pinned to the form version it was checked against. */
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

/** One decision or hand-off, as kept in workflow state and copied to the append-only audit log. */
export interface DecisionRecord {
  seq: number;
  action: Action | 'create';
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
}

export interface DossierWorkflowInput {
  dossierId: string;
  definition: ProcessDefinition;
  receivingUnit: string;
  units: Partial<Record<Level, string>>;
  createdBy: ActorRef;
  initialSubmission?: SubmissionRef;
  initialFacts?: Record<string, FactValue>;
  /** Present only when the workflow continued as new: the state to carry on from. */
  carriedState?: DossierState;
}

export interface DecideInput {
  action: Action;
  actor: ActorRef;
  comment?: string;
  submission?: SubmissionRef;
  facts?: Record<string, FactValue>;
}

export interface DecideResult {
  seq: number;
  status: DossierStatus;
  currentStep: string | null;
  processingUnit: string | null;
  dueAt: string | null;
  outcome: Outcome | null;
}

/** Take an action on the dossier. The validator rejects it synchronously (ApplicationFailure, see FailureType). */
export const decide = defineUpdate<DecideResult, [DecideInput]>('decide');

/** The whole current state; read-only. */
export const getState = defineQuery<DossierState>('getState');
